"""The scanner unplugged while the kiosk waits for a scan: a Failure, DISCONNECTED, back after replug."""

from drivers.status import State
from tests.drivers.fakes import FakeClock

from .conftest import WAIT_S, make_driver, poll_until


def test_unplugged_then_replugged(scanner):
    clock = FakeClock()
    driver = make_driver(scanner, clock=clock, retry_delay=lambda attempt: 5.0)
    assert driver.open().ok
    scanner.unplug()
    result = driver.read_code(WAIT_S)
    assert result.code in ("device.disconnected", "device.port_missing")
    assert "qr_scanner" in result.detail and str(scanner.link) in result.detail
    assert driver.tracker.status.state is State.DISCONNECTED

    scanner.replug()
    assert driver.poll().state is State.DISCONNECTED  # not due yet
    clock.now += 5.0
    assert driver.poll().state is State.READY
    scanner.model.scan("AFTER")
    assert driver.read_code(WAIT_S).value == "AFTER"
    driver.close()


def test_poll_notices_an_unplug_without_a_read(driver, scanner):
    scanner.unplug()
    poll_until(driver, lambda: driver.tracker.status.state is not State.READY)
    assert driver.tracker.status.state is State.DISCONNECTED
    scanner.replug()
    assert driver.poll().state is State.READY


def test_never_plugged_in(tmp_path):
    class Absent:
        link = tmp_path / "ttyNONE"

    driver = make_driver(Absent)
    assert driver.open().code == "device.port_missing"
    assert driver.read_code(0.1).code == "device.port_missing"
    assert driver.poll().state is State.DISCONNECTED
