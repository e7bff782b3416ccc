"""A board that is not on the bus (wrong address in the wall, no power): it is named, the others work."""

from drivers.status import State

from .conftest import TIMEOUT_S, WALL, make_driver

WALL_WITH_BOARD_2 = {"doors": WALL["doors"] + [{"door": 7, "size": "S", "board": 2, "channel": 1}]}


def test_missing_board_is_disconnected_and_named_the_others_work(bus):
    driver = make_driver(bus, wall=WALL_WITH_BOARD_2)
    assert driver.open().ok
    assert driver.board_status(2).state is State.DISCONNECTED
    assert driver.board_status(2).code == "locker.board_unreachable"
    assert driver.board_status(0).state is State.READY and driver.board_status(1).state is State.READY
    status = driver.tracker.status
    assert status.state is State.HARDWARE_ERROR and status.code == "locker.board_unreachable"
    assert "board 2" in status.detail

    result = driver.open_door(7)
    assert result.code == "locker.board_unreachable"
    assert result.detail == f"lock board 2 did not answer within {TIMEOUT_S:g} s"
    assert driver.open_door(5).value.open

    walls = driver.door_states().value
    assert walls.unread_boards == (2,) and 7 not in walls.doors and walls.doors[5].open
    driver.close()


def test_no_board_answers_is_disconnected(bus):
    wall = {"doors": [{"door": 1, "size": "S", "board": 9, "channel": 1}]}
    driver = make_driver(bus, wall=wall)
    result = driver.open()
    assert result.code == "locker.board_unreachable" and "board 9" in result.detail
    assert driver.tracker.status.state is State.DISCONNECTED
    assert driver.door_states().code == "locker.board_unreachable"
    driver.close()


def test_poll_leaves_a_silent_board_alone_until_its_retry_is_due(bus):
    clock = [0.0]
    driver = make_driver(bus, wall=WALL_WITH_BOARD_2, clock=lambda: clock[0], retry_delay=lambda _: 60.0)
    driver.open()
    asked = bus.received.count(bytes.fromhex("0220300355"))
    driver.poll()
    assert bus.received.count(bytes.fromhex("0220300355")) == asked
    clock[0] += 61
    driver.poll()
    assert bus.received.count(bytes.fromhex("0220300355")) == asked + 1
    assert driver.tracker.status.state is State.HARDWARE_ERROR
    driver.close()
