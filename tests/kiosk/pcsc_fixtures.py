"""One pcscd for every kiosk test of this process that needs PC/SC, and a way to wait on log events.

libpcsclite reads PCSCLITE_CSOCK_NAME at a process's first PC/SC call and keeps it, so all tests of one
pytest process talk to one pcscd. `shared_pcscd` is that daemon: the one PCSCLITE_CSOCK_NAME already names,
when one answers there (tests/drivers/pcsc's session daemon, when those tests ran first: we use its first
virtual reader, which they leave empty); else one of ours, at the socket this process already uses, or a new
one. Ours is stopped when the test session ends.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pytest

from drivers.pcsc.pcscd import PcscDaemon
from drivers.pcsc.reader import PcscReader
from kiosk.log.emit import LOGGER_NAME
from kiosk.sim_pcsc import SOCKET_ENV, pcscd_answers

WAIT_S = 10.0
_shared: list[PcscDaemon] = []


def _running_at(socket_path: Path) -> PcscDaemon:
    """The PcscDaemon whose socket this is (its layout: <workdir>/run/pcscd.comm, <workdir>/reader.conf.d)."""
    workdir = socket_path.parent.parent
    text = (workdir / "reader.conf.d" / "vpcd").read_text(encoding="utf-8")
    name = re.search(r'FRIENDLYNAME\s+"([^"]+)"', text)
    port = re.search(r"CHANNELID\s+0x([0-9A-Fa-f]+)", text)
    assert name and port, f"{socket_path} is not the socket of a drivers.pcsc.pcscd.PcscDaemon"
    return PcscDaemon(workdir, name=name[1], port=int(port[1], 16))


def shared_pcscd(config: pytest.Config) -> PcscDaemon:
    if _shared:
        return _shared[0]
    bound = os.environ.get(SOCKET_ENV)
    if bound and pcscd_answers(Path(bound)):
        daemon = _running_at(Path(bound))
    else:  # at the socket this process already uses (a simulators' pcscd of an earlier test), or a new one
        if bound:
            workdir = Path(bound).parent.parent
        else:
            workdir = Path(tempfile.mkdtemp(prefix="kiosk-test-pcscd-"))
            config.add_cleanup(lambda: shutil.rmtree(workdir, ignore_errors=True))
        daemon = PcscDaemon(workdir, name="Kiosk test").start()
        os.environ[SOCKET_ENV] = str(daemon.socket_path)
        config.add_cleanup(daemon.stop)
    config.add_cleanup(_shared.clear)
    _shared.append(daemon)
    return daemon


@pytest.fixture
def kiosk_pcscd(request) -> PcscDaemon:
    return shared_pcscd(request.config)


def wait_until_empty(daemon: PcscDaemon, reader: str, timeout_s: float = WAIT_S) -> None:
    """Until pcscd reports no card in `reader` (an emulator that hung up is noticed within 0.4 s), so the
    next test finds the reader empty."""
    watcher = PcscReader(reader)
    if watcher.open().ok:
        deadline = time.monotonic() + timeout_s
        while watcher.card_present:
            assert time.monotonic() < deadline, f"a card stayed in {reader}"
            watcher.wait_for_event(0.5)
    watcher.close()


class Events(logging.Handler):
    """The kiosk's log events as they are written (from any thread), with a way to wait for one."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[dict] = []
        self._changed = threading.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        line = getattr(record, "kiosk_event", None)
        if line is not None:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def named(self, name: str) -> list[dict]:
        with self._changed:
            return [line for line in self.lines if line["event"] == name]

    def wait_for(self, name: str, count: int = 1, timeout_s: float = WAIT_S) -> list[dict]:
        """The first `count` events called `name`, once that many were written."""
        self.wait_until(lambda: len(self.named(name)) >= count, f"{count} {name!r}", timeout_s)
        return self.named(name)[:count]

    def wait_until(self, predicate, what: str, timeout_s: float = WAIT_S) -> None:
        with self._changed:
            if not self._changed.wait_for(predicate, timeout_s):
                raise AssertionError(f"no {what} in time; got {[e['event'] for e in self.lines]}")

    def states(self, device: str) -> list[str]:
        """The states `device` went through, as device.status_changed logged them."""
        return [e["state"] for e in self.named("device.status_changed") if e["device"] == device]


@pytest.fixture
def kiosk_events():
    handler = Events()
    logger = logging.getLogger(LOGGER_NAME)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)
