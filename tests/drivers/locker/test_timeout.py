"""A bus where nobody answers in time (a hung or slow board)."""

from drivers.status import State

from .conftest import TIMEOUT_S


def test_a_mute_bus_times_out_then_recovers(driver, bus):
    bus.mute = True
    result = driver.open_door(1)
    assert result.code == "locker.board_unreachable"
    assert result.detail == f"lock board 0 did not answer within {TIMEOUT_S:g} s"
    assert driver.board_status(0).state is State.DISCONNECTED
    driver.door_states()
    assert driver.tracker.status.state is State.DISCONNECTED
    assert driver.tracker.status.detail == "no lock board answers"

    bus.mute = False
    assert driver.poll().state is State.READY
    assert driver.open_door(1).value.open


def test_a_late_unlock_reply_is_rescued_by_the_check(driver, bus):
    bus.delay_s = TIMEOUT_S * 1.5
    assert driver.open_door(5).value.open
    assert bus.model.fired == [(1, 1)]

