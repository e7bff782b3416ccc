"""The locker wall: which doors there are, how big each is, and which board and channel open it.

Loaded from plain data (the kiosk configuration feeds it), for example:

    {"doors": [{"door": 1, "size": "S", "board": 0, "channel": 1},
               {"door": 2, "size": "L", "board": 0, "channel": 2}, ...]}

Door numbers are what citizens and staff see; board addresses and channels are wiring. Every problem found
is reported at once, each naming the door (or the entry, when it has no usable door number).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SIZES = ("S", "M", "L")
_KEYS = {"door", "size", "board", "channel"}


class WallConfigError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("locker wall: " + "; ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Door:
    number: int
    size: str
    board: int
    channel: int


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _door(index: int, entry: object, problems: list[str]) -> Door | None:
    if not isinstance(entry, Mapping):
        problems.append(f"doors[{index}]: expected a table with door, size, board and channel")
        return None
    number = entry.get("door")
    if not _is_int(number) or number < 1:
        problems.append(f"doors[{index}]: door number must be a whole number from 1, not {number!r}")
        return None
    name = f"door {number}"
    before = len(problems)
    unknown = sorted(set(map(str, entry)) - _KEYS)
    if unknown:
        problems.append(f"{name}: unknown keys {', '.join(unknown)}")
    size = entry.get("size")
    if size not in SIZES:
        problems.append(f"{name}: size must be one of {', '.join(SIZES)}, not {size!r}")
    for key in ("board", "channel"):
        value = entry.get(key)
        if not _is_int(value) or value < 0:
            problems.append(f"{name}: {key} must be a whole number from 0, not {value!r}")
    if len(problems) > before:
        return None
    return Door(number, size, entry["board"], entry["channel"])


@dataclass(frozen=True)
class LockerWall:
    doors: tuple[Door, ...]

    @classmethod
    def from_dict(cls, data: Mapping) -> LockerWall:
        problems: list[str] = []
        entries = data.get("doors") if isinstance(data, Mapping) else None
        if not isinstance(entries, list) or not entries:
            raise WallConfigError(["'doors' must be a non-empty list of doors"])
        doors: list[Door] = []
        by_number: dict[int, Door] = {}
        by_wire: dict[tuple[int, int], Door] = {}
        for index, entry in enumerate(entries):
            door = _door(index, entry, problems)
            if door is None:
                continue
            if door.number in by_number:
                problems.append(f"door {door.number}: listed twice")
                continue
            wire = (door.board, door.channel)
            if wire in by_wire:
                problems.append(f"door {door.number}: board {door.board} channel {door.channel} "
                                f"already opens door {by_wire[wire].number}")
                continue
            by_number[door.number], by_wire[wire] = door, door
            doors.append(door)
        if problems:
            raise WallConfigError(problems)
        return cls(tuple(sorted(doors, key=lambda d: d.number)))

    def to_dict(self) -> dict:
        return {"doors": [{"door": d.number, "size": d.size, "board": d.board, "channel": d.channel}
                          for d in self.doors]}

    def check_family(self, protocol) -> None:
        """WallConfigError naming each door whose board or channel the board family cannot address."""
        problems = []
        for d in self.doors:
            if d.board not in protocol.boards:
                first, last = protocol.boards.start, protocol.boards.stop - 1
                problems.append(f"door {d.number}: board {d.board} is not an address "
                                f"{protocol.family} boards take ({first}..{last})")
            channels = protocol.channel_range()
            if d.channel not in channels:
                problems.append(f"door {d.number}: channel {d.channel} is outside {protocol.family}'s "
                                f"{channels.start}..{channels.stop - 1}")
        if problems:
            raise WallConfigError(problems)

    def door(self, number: int) -> Door | None:
        return next((d for d in self.doors if d.number == number), None)

    def location(self, number: int) -> tuple[int, int] | None:
        """door -> (board address, channel), or None for a door the wall does not have."""
        door = self.door(number)
        return None if door is None else (door.board, door.channel)

    @property
    def boards(self) -> tuple[int, ...]:
        return tuple(sorted({d.board for d in self.doors}))

    def doors_on(self, board: int) -> tuple[Door, ...]:
        return tuple(d for d in self.doors if d.board == board)

    def door_at(self, board: int, channel: int) -> Door | None:
        return next((d for d in self.doors if d.board == board and d.channel == channel), None)
