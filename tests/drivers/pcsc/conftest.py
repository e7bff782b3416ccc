"""The real PC/SC stack: pcscd (ours, private) with vpcd readers, real pyscard, our card emulator.

One pcscd serves the whole session (PcscDaemon: its own socket and reader configuration, stopped at the
end). Each test gets an emulator on the first vpcd reader and a PcscReader on it; a test leaves the reader
empty, which the emulator fixture waits for (an event from pcscd, not a sleep).
"""

import os

import pytest

from drivers.pcsc.pcscd import PcscDaemon
from drivers.pcsc.reader import CardInserted, CardRemoved, PcscReader, list_readers
from drivers.pcsc.vicc import CardEmulator

WAIT_S = 5.0  # how long a test waits for pcscd to notice a card (it polls vpcd every 0.4 s)
KEY = bytes(range(32))  # technician T-0042's card key (a secret on a real kiosk)


@pytest.fixture(scope="session")
def pcscd(tmp_path_factory):
    daemon = PcscDaemon(tmp_path_factory.mktemp("pcscd"))
    saved = os.environ.get("PCSCLITE_CSOCK_NAME")
    os.environ.update(daemon.client_environment())  # before this process's first PC/SC call
    daemon.start()
    try:
        found = list_readers()
        if not (found.ok and set(daemon.readers) <= set(found.value)):
            pytest.fail(f"pcscd at {daemon.socket_path} lists {found}, not {daemon.readers}: this process "
                        "talked PC/SC before the pcscd fixture (libpcsclite reads PCSCLITE_CSOCK_NAME once)")
        yield daemon
    finally:
        daemon.stop()
        if saved is None:
            os.environ.pop("PCSCLITE_CSOCK_NAME", None)
        else:
            os.environ["PCSCLITE_CSOCK_NAME"] = saved


def next_event(reader, kind, timeout_s=WAIT_S):
    """The next card event of `kind` (CardInserted / CardRemoved), waiting on pcscd, or fail."""
    result = reader.wait_for_event(timeout_s)
    assert result.ok, result
    assert isinstance(result.value, kind), f"expected {kind.__name__}, got {result.value!r}"
    return result.value


def wait_until_empty(pcscd, timeout_s=WAIT_S):
    """Block until pcscd reports no card in the first reader (after an emulator hung up)."""
    watcher = PcscReader(pcscd.readers[0])
    if watcher.open().ok:
        while watcher.card_present:
            result = watcher.wait_for_event(timeout_s)
            assert result.ok and result.value is not None, f"the card stayed in the reader: {result}"
    watcher.close()


@pytest.fixture
def emulator(pcscd):
    emu = CardEmulator(port=pcscd.port)
    yield emu
    emu.stop()
    if pcscd.running:
        wait_until_empty(pcscd)


@pytest.fixture
def heard():
    """Every status change the reader reports, as (new state, code)."""
    return []


@pytest.fixture
def reader(pcscd, emulator, heard):
    r = PcscReader(pcscd.readers[0], retry_delay=lambda attempt: 0.0)
    r.tracker.subscribe(lambda caps, old, new: heard.append((new.state, new.code)))
    assert r.open().ok
    yield r
    r.close()


def insert(emulator, reader, card):
    """Put `card` in and wait until the reader reports it."""
    assert emulator.insert(card).ok
    return next_event(reader, CardInserted)


def remove(emulator, reader):
    emulator.remove()
    return next_event(reader, CardRemoved)
