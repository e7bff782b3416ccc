"""The locker driver against simulated boards on a real pty: every operation, on several boards."""

from drivers.locker.driver import DoorState
from drivers.status import State

from .conftest import make_driver, serve


def test_open_reads_every_board_and_is_ready(driver, bus):
    assert driver.tracker.status.state is State.READY
    assert driver.board_status(0).state is State.READY and driver.board_status(1).state is State.READY


def test_open_door_on_each_board(driver, bus):
    assert driver.open_door(3).value == DoorState(3, open=True, locked=False, item_present=False)
    assert driver.open_door(6).value == DoorState(6, open=True, locked=False, item_present=False)
    assert bus.model.fired == [(0, 3), (1, 2)]
    assert bus.received.startswith(b"\x02\x00\x30\x03\x35")  # open() read board 0 first
    assert bytes.fromhex("0202310338") in bus.received      # door 3 = board 0, lock index 2
    assert bytes.fromhex("0211310347") in bus.received      # door 6 = board 1, lock index 1


def test_door_states_for_the_whole_wall(driver, bus):
    bus.model.set_item(2, True)
    driver.open_door(5)
    walls = driver.door_states().value
    assert walls.unread_boards == ()
    assert walls.doors[5] == DoorState(5, open=True, locked=False, item_present=False)
    assert walls.doors[2] == DoorState(2, open=False, locked=True, item_present=True)
    assert sorted(walls.doors) == [1, 2, 3, 4, 5, 6]


def test_a_door_stays_open_until_shut_by_hand(driver, bus):
    driver.open_door(4)
    assert driver.door_states().value.doors[4].open
    bus.model.shut_door(4)
    assert driver.door_states().value.doors[4] == DoorState(4, open=False, locked=True, item_present=False)


def test_a_door_opened_by_hand_is_seen(driver, bus):
    bus.model.open_door_by_hand(1)
    assert driver.door_states().value.doors[1].open
    assert bus.model.fired == []


def test_opening_an_open_door_again_is_ok(driver, bus):
    assert driver.open_door(1).ok and driver.open_door(1).ok


def test_unknown_door(driver, bus):
    result = driver.open_door(42)
    assert result.code == "locker.unknown_door" and "door 42" in result.detail
    assert bus.model.fired == []


def test_status_changes_are_told_once(driver, bus):
    seen = []
    driver.tracker.subscribe(lambda caps, old, new: seen.append(new.state))
    driver.open_door(1)
    driver.poll()
    assert seen == [State.BUSY, State.READY]


def test_inverted_polarity_and_zero_based_channels(tmp_path):
    wall = {"doors": [{"door": 1, "size": "S", "board": 3, "channel": 0},
                      {"door": 2, "size": "S", "board": 3, "channel": 15}]}
    settings = {"closed_bit": 0, "channel_base": 0}
    device = serve(tmp_path, {"wall": wall, "settings": settings})
    try:
        driver = make_driver(device, wall=wall, settings=settings)
        assert driver.open().ok
        assert driver.open_door(2).value.open
        assert device.model.fired == [(3, 15)] and bytes.fromhex("023F310375") in device.received
        doors = driver.door_states().value.doors
        assert not doors[1].open and doors[2].open
        driver.close()
    finally:
        device.stop()


def test_xor_8a80_boards(tmp_path):
    wall = {"doors": [{"door": 1, "size": "S", "board": 1, "channel": 1},
                      {"door": 2, "size": "M", "board": 1, "channel": 24},
                      {"door": 3, "size": "L", "board": 2, "channel": 5}]}
    device = serve(tmp_path, {"wall": wall, "family": "xor_8a80"})
    try:
        driver = make_driver(device, wall=wall, family="xor_8a80")
        assert driver.open().ok and driver.tracker.status.state is State.READY
        assert driver.open_door(2).value == DoorState(2, open=True, locked=False, item_present=None)
        assert bytes.fromhex("8A01181182") in device.received
        device.model.jam(3)
        assert driver.open_door(3).code == "locker.door_jammed"
        doors = driver.door_states().value.doors
        assert [doors[n].open for n in (1, 2, 3)] == [False, True, False]
        driver.close()
    finally:
        device.stop()
