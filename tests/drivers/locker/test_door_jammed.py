"""A jammed door: the lock fires, but the door still reports shut."""

from drivers.status import State


def test_a_jammed_door_is_a_failure_after_the_check(driver, bus):
    bus.model.jam(2)
    result = driver.open_door(2)
    assert result.code == "locker.door_jammed"
    assert result.detail == "door 2 (board 0, channel 2) still reports shut after its lock fired"
    assert bus.model.fired == [(0, 2)]  # fired once: the driver checks by status queries, never fires again
    assert bus.received.count(bytes.fromhex("0201310337")) == 1
    assert not driver.door_states().value.doors[2].open


def test_other_doors_and_the_wall_keep_working(driver, bus):
    bus.model.jam(2)
    driver.open_door(2)
    assert driver.tracker.status.state is State.READY
    assert driver.open_door(1).value.open


def test_once_freed_the_door_opens(driver, bus):
    bus.model.jam(2)
    assert driver.open_door(2).code == "locker.door_jammed"
    bus.model.unjam(2)
    assert driver.open_door(2).value.open
