"""The ID card reader's driver against its simulator, over a real pseudo-terminal and real pyserial."""

import pytest

from drivers.idcard.driver import IdCardReader
from drivers.idcard.simcard import SAMPLE_IDENTITY
from drivers.idcard.simulator import DEFAULT_BAUDRATE, create
from drivers.sim.pty import PtyDevice
from drivers.transport import SerialTransport
from tests.drivers.fakes import FakeClock


@pytest.fixture
def sim():
    return create()


@pytest.fixture
def device(tmp_path, sim):
    with PtyDevice(sim, tmp_path / "ttyIDCARD") as dev:
        yield dev


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def heard():
    """Every status change the reader reports, as (old state, new state, code)."""
    return []


@pytest.fixture
def reader(device, clock, heard):
    r = IdCardReader(SerialTransport(str(device.link), DEFAULT_BAUDRATE, device="idcard"), clock=clock,
                     timeout_s=2.0)
    r.tracker.subscribe(lambda caps, old, new: heard.append((old.state, new.state, new.code)))
    assert r.open().ok
    yield r
    r.close()


@pytest.fixture
def sample():
    return dict(SAMPLE_IDENTITY)
