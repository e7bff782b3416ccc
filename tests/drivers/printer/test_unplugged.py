"""The serial cable pulled: a Failure naming device and port, DISCONNECTED, back by itself after replug."""

from drivers.status import State
from tests.drivers.fakes import FakeClock

from .conftest import document, make_driver


def test_unplugged_then_replugged(printer):
    clock = FakeClock()
    driver = make_driver(printer.link, clock=clock, retry_delay=lambda attempt: 2.0)
    assert driver.open().ok
    printer.unplug()
    result = driver.print_document("job-1", document())
    assert result.code in ("device.disconnected", "device.port_missing")
    assert "printer" in result.detail and str(printer.link) in result.detail
    assert driver.tracker.status.state is State.DISCONNECTED

    printer.replug()
    assert driver.poll().state is State.DISCONNECTED
    clock.advance(2.0)
    assert driver.poll().state is State.READY
    assert driver.print_document("job-1", document()).ok
    assert printer.model.printed == 1
    driver.close()


def test_never_plugged_in(tmp_path):
    driver = make_driver(tmp_path / "ttyNONE")
    result = driver.open()
    assert result.code == "device.port_missing" and str(tmp_path / "ttyNONE") in result.detail
    assert driver.poll().state is State.DISCONNECTED
