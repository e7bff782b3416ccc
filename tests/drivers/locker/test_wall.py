"""The locker wall loaded from plain data: lookups, and validation errors that name the door."""

import pytest

from drivers.locker.board import board_protocol
from drivers.locker.wall import Door, LockerWall, WallConfigError

from .conftest import WALL


def test_loads_and_looks_up():
    wall = LockerWall.from_dict(WALL)
    assert wall.location(5) == (1, 1) and wall.location(4) == (0, 16) and wall.location(99) is None
    assert wall.door(3) == Door(3, "M", 0, 3)
    assert wall.boards == (0, 1) and [d.number for d in wall.doors_on(1)] == [5, 6]
    assert wall.door_at(0, 16).number == 4
    assert LockerWall.from_dict(wall.to_dict()) == wall


def problems(data):
    with pytest.raises(WallConfigError) as err:
        LockerWall.from_dict(data)
    return err.value.problems


def test_every_problem_names_its_door():
    found = problems({"doors": [
        {"door": 1, "size": "XL", "board": 0, "channel": 1},
        {"door": 2, "size": "S", "board": -1, "channel": "3"},
        {"door": 3, "size": "S", "board": 0, "channel": 1, "colour": "red"},
        {"door": 4, "size": "S", "board": 0, "channel": 4},
        {"door": 4, "size": "M", "board": 0, "channel": 5},
        {"door": 5, "size": "M", "board": 0, "channel": 4},
        {"size": "M", "board": 0, "channel": 6},
        "door 7",
    ]})
    assert found == (
        "door 1: size must be one of S, M, L, not 'XL'",
        "door 2: board must be a whole number from 0, not -1",
        "door 2: channel must be a whole number from 0, not '3'",
        "door 3: unknown keys colour",
        "door 4: listed twice",
        "door 5: board 0 channel 4 already opens door 4",
        "doors[6]: door number must be a whole number from 1, not None",
        "doors[7]: expected a table with door, size, board and channel",
    )


def test_an_empty_wall_is_refused():
    assert problems({"doors": []}) == ("'doors' must be a non-empty list of doors",)
    assert problems({}) == ("'doors' must be a non-empty list of doors",)


def test_a_door_the_board_family_cannot_address_is_named():
    wall = LockerWall.from_dict({"doors": [{"door": 1, "size": "S", "board": 16, "channel": 17},
                                           {"door": 2, "size": "S", "board": 0, "channel": 1}]})
    with pytest.raises(WallConfigError) as err:
        wall.check_family(board_protocol("kerong_cu16"))
    assert err.value.problems == ("door 1: board 16 is not an address kerong_cu16 boards take (0..15)",
                                  "door 1: channel 17 is outside kerong_cu16's 1..16")
    with pytest.raises(WallConfigError) as err:
        wall.check_family(board_protocol("xor_8a80"))
    assert err.value.problems == ("door 2: board 0 is not an address xor_8a80 boards take (1..255)",)


def test_unknown_family_or_setting():
    with pytest.raises(ValueError, match="unknown lock-board family"):
        board_protocol("wkly")
    with pytest.raises(ValueError, match="bad settings"):
        board_protocol("kerong_cu16", polarity=1)
