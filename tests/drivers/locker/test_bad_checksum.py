"""Replies with a wrong checksum: queries are asked again, an unlock is checked, never sent twice."""

from drivers.status import State


def test_a_garbled_status_reply_is_asked_again(driver, bus):
    bus.model.corrupt_next_reply(1)
    walls = driver.door_states().value
    assert walls.unread_boards == () and sorted(walls.doors) == [1, 2, 3, 4, 5, 6]


def test_a_garbled_unlock_reply_is_checked_by_a_query(driver, bus):
    bus.model.corrupt_next_reply(1)
    assert driver.open_door(2).value.open
    assert bus.model.fired == [(0, 2)]


def test_a_garbled_unlock_reply_and_a_shut_door_is_not_called_jammed(driver, bus):
    bus.model.jam(2)
    bus.model.corrupt_next_reply(1)
    result = driver.open_door(2)
    assert result.code == "device.bad_checksum" and "lock board 0" in result.detail
    assert bus.model.fired == [(0, 2)]


def test_a_board_that_keeps_garbling_is_a_failure_but_stays_reachable(driver, bus):
    bus.model.corrupt_next_reply(50)
    result = driver.door_states()
    assert result.code == "device.bad_checksum"
    assert driver.board_status(0).state is State.READY
