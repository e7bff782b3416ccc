"""A simulated serial scanner on a real pty, and the real driver on it through pyserial."""

import pytest

from drivers.scanner import simulator
from drivers.scanner.codec import ScanCodec, Suffix
from drivers.scanner.driver import ScannerDriver
from drivers.sim.pty import PtyDevice
from drivers.transport import SerialTransport

WAIT_S = 2.0  # how long a test waits for a code it sent (returns as soon as it arrives)

#: a pickup code as a citizen's receipt would carry it: personal data that must never be logged
PICKUP = "PICKUP:310104198001011234:ZHANG San:取件码 8841"


def poll_until(driver, condition, polls=100):
    """Poll (each poll reads the port for at most one transport chunk) until `condition()` holds."""
    for _ in range(polls):
        driver.poll()
        if condition():
            return
    raise AssertionError(f"still not true after {polls} polls")



def serve(tmp_path, suffix="CR"):
    model = simulator.create({"suffix": suffix})
    device = PtyDevice(model, tmp_path / "ttySCAN").start()
    model.attach(device.send)
    return device


def make_driver(device, suffix="CR", **options):
    transport = SerialTransport(str(device.link), simulator.DEFAULT_BAUDRATE, device="qr_scanner")
    options.setdefault("retry_delay", lambda attempt: 0.0)
    return ScannerDriver(transport, codec=ScanCodec(Suffix[suffix]), **options)


@pytest.fixture
def scanner(tmp_path):
    device = serve(tmp_path)
    yield device
    device.stop()


@pytest.fixture
def driver(scanner):
    drv = make_driver(scanner)
    assert drv.open().ok
    yield drv
    drv.close()
