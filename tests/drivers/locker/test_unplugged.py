"""The bus adapter unplugged mid-operation: a Failure, DISCONNECTED, then back by itself after replug."""

from drivers.status import State
from tests.drivers.fakes import FakeClock

from .conftest import make_driver


def test_unplugged_mid_operation_then_replugged(bus):
    clock = FakeClock()
    driver = make_driver(bus, clock=clock, retry_delay=lambda attempt: 2.0)
    assert driver.open().ok
    bus.unplug()
    result = driver.open_door(1)
    assert result.code in ("device.disconnected", "device.port_missing")
    assert "locker" in result.detail and str(bus.link) in result.detail
    assert driver.tracker.status.state is State.DISCONNECTED
    assert driver.board_status(0).state is State.DISCONNECTED
    assert driver.door_states().code in ("device.disconnected", "device.port_missing")

    bus.replug()
    assert driver.poll().state is State.DISCONNECTED  # the retry is not due yet
    clock.now += 2.0
    assert driver.poll().state is State.READY
    assert driver.board_status(0).state is State.READY
    assert driver.open_door(1).value.open
    driver.close()


def test_never_plugged_in(tmp_path):
    class Absent:
        link = tmp_path / "ttyNONE"

    driver = make_driver(Absent)
    result = driver.open()
    assert result.code == "device.port_missing"
    assert driver.tracker.status.code == "device.port_missing"
    assert driver.poll().state is State.DISCONNECTED
