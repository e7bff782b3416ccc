"""The real driver, real pyserial and a real pseudo-terminal, against the simulated module."""

from __future__ import annotations

import threading

import pytest

from drivers.fingerprint import codec
from drivers.fingerprint.driver import FingerprintDriver
from drivers.fingerprint.simulator import create
from drivers.sim.pty import PtyDevice
from drivers.transport import SerialTransport
from tests.drivers.fakes import FakeClock


class Tamper:
    """A device model wrapper that lets a test change the module's next answer on the wire."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.next_answer = None   # a function bytes -> bytes for the module's next answer, used once
        self.next_command = None  # the same for the next bytes from the host
        self.hold = False        # swallow commands (the module hangs mid-operation)
        self.arrived = threading.Event()

    def receive(self, data: bytes) -> bytes:
        self.arrived.set()
        if self.next_command is not None:
            change, self.next_command = self.next_command, None
            data = change(data)
        answer = self.inner.receive(data)
        if self.hold:
            return b""
        if self.next_answer is not None and answer:
            change, self.next_answer = self.next_answer, None
            return change(answer)
        return answer

    def snapshot(self) -> dict:
        return self.inner.snapshot()


def packets(data: bytes) -> list[codec.Packet]:
    """Every packet in `data` (e.g. what the host sent), in order."""
    found = []
    while True:
        packet, data = codec.decode(data)
        if packet is None:
            return found
        found.append(packet)


@pytest.fixture
def module():
    return create()


@pytest.fixture
def wire(module):
    return Tamper(module)


@pytest.fixture
def device(wire, tmp_path):
    with PtyDevice(wire, tmp_path / "ttyFINGER") as dev:
        yield dev


@pytest.fixture
def clock():
    return FakeClock()


def make_driver(device, clock, **options) -> FingerprintDriver:
    transport = SerialTransport(str(device.link), 57600, device="fingerprint")
    return FingerprintDriver(transport, clock=clock, **options)


@pytest.fixture
def driver(device, clock):
    drv = make_driver(device, clock, timeout_s=1.0)
    assert drv.open().ok
    yield drv
    drv.close()
