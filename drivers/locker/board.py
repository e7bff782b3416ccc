"""What a lock-board family provides to the driver: a codec behind one small interface.

Lock boards (锁控板) have no common standard; each family frames its commands its own way. The driver speaks
to every family through `BoardProtocol`: encode "open this channel" and "report every lock of this board",
and decode the board's answer into a `BoardReply`. Adding a family is one new module with a class that
satisfies BoardProtocol, plus one line in FAMILIES.

Channel numbers here are the ones the locker-wall configuration uses (printed on the board's connector,
usually starting at 1). Each family maps them to its wire numbering with a `channel_base` setting, because
the sources disagree on the base [U]. Likewise the meaning of a lock-state bit (`closed_bit`) is a setting.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import ClassVar, Protocol


@dataclass(frozen=True)
class BoardReply:
    """What one board said about its locks.

    `reported` are the channels the reply covers (a whole board for a status reply, one channel for some
    families' unlock replies); `closed` the ones among them whose lock hook is shut (door shut and latched);
    `items` those whose "item present" sensor is on, or None when the family has no such sensor.
    """

    board: int
    reported: frozenset[int]
    closed: frozenset[int]
    items: frozenset[int] | None = None


class BoardProtocol(Protocol):
    family: ClassVar[str]        # the name in configuration, e.g. "kerong_cu16"
    baudrate: ClassVar[int]      # factory default line speed
    channels: ClassVar[int]      # locks per board
    boards: ClassVar[range]      # valid board addresses
    sends_events: ClassVar[bool]  # whether boards report door changes unasked (none of ours do yet)

    def channel_range(self) -> range:
        """The channel numbers a door may use on one board (configuration numbering)."""

    def encode_open(self, board: int, channel: int) -> bytes:
        """Fire the lock of one channel."""

    def encode_query(self, board: int) -> bytes:
        """Ask one board for the state of all its locks."""

    def decode(self, buffer: bytes) -> tuple[BoardReply | None, bytes]:
        """The next reply in `buffer`, per drivers/protocol.py (raises ProtocolError for a bad frame)."""


@dataclass(frozen=True)
class BoardSettings:
    """The settings every family shares, kept configurable because sources disagree ([U] in the reference):
    `closed_bit`, the state bit's value that means closed, and `channel_base`, the configuration's number
    for lock 1. A family subclasses this and sets its ClassVars (`channels` among them)."""

    closed_bit: int = 1
    channel_base: int = 1

    def __post_init__(self) -> None:
        if self.closed_bit not in (0, 1):
            raise ValueError("closed_bit must be 0 or 1")

    def channel_range(self) -> range:
        return range(self.channel_base, self.channel_base + self.channels)


#: family name -> "module:class"; each class takes keyword settings (closed_bit, channel_base)
FAMILIES: dict[str, str] = {
    "kerong_cu16": "drivers.locker.kerong:KerongCU16",
    "xor_8a80": "drivers.locker.xor8a:Xor8A80",
}


def board_protocol(family: str, **settings: int) -> BoardProtocol:
    """The codec of a family by its configuration name. ValueError for an unknown family or setting."""
    if family not in FAMILIES:
        raise ValueError(f"unknown lock-board family {family!r}; known: {', '.join(sorted(FAMILIES))}")
    module, name = FAMILIES[family].split(":")
    cls = getattr(importlib.import_module(module), name)
    try:
        return cls(**settings)
    except TypeError as e:
        raise ValueError(f"lock-board family {family!r}: bad settings {sorted(settings)}") from e


def bits_to_channels(bits: int, count: int, closed_bit: int, base: int) -> frozenset[int]:
    """Channels (numbered from `base`) whose bit equals `closed_bit`; bit 0 is the first channel."""
    return frozenset(base + i for i in range(count) if (bits >> i) & 1 == closed_bit)


def channels_to_bits(closed: frozenset[int], count: int, closed_bit: int, base: int) -> int:
    """The inverse of bits_to_channels."""
    bits = 0
    for i in range(count):
        if ((base + i) in closed) == bool(closed_bit):
            bits |= 1 << i
    return bits
