"""The "8A / 80" XOR lock boards: up to 24 locks a board, 9600 baud (device-protocols.md 3.2, one source [S]).

    open lock      8A BOARD LOCK 11 CHK       reply 8A BOARD LOCK SS CHK        SS 00 open, 11 still closed
    query all      80 BOARD 00 33 CHK         reply 80 BOARD S3 S2 S1 33 CHK    S1 locks 1-8 ... S3 17-24
    query one      80 BOARD LOCK 33 CHK       reply 80 BOARD LOCK SS CHK        (not used by the driver)

CHK is the XOR of the bytes before it. BOARD is 1..n (DIP switch), LOCK 1..24 (00 = all). In S1..S3 bit 0 is
the lowest lock and 1 means closed [S]; `closed_bit` is a setting all the same. No item sensors, and no
unsolicited reports: the driver polls.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import xor
from typing import ClassVar

from drivers.locker.board import BoardReply, BoardSettings, bits_to_channels, channels_to_bits
from drivers.protocol import ChecksumError, FrameError

OPEN_HEAD, QUERY_HEAD = 0x8A, 0x80
OPEN_FUNC, QUERY_FUNC = 0x11, 0x33
SS_OPEN, SS_CLOSED = 0x00, 0x11
LOCKS = 24
HEADS = (OPEN_HEAD, QUERY_HEAD)


@dataclass(frozen=True)
class Frame:
    """Any frame of the family: `body` is everything between the head and the checksum."""

    head: int
    body: bytes


def checksum(data: bytes) -> int:
    return reduce(xor, data, 0)


def encode(frame: Frame) -> bytes:
    raw = bytes([frame.head]) + frame.body
    return raw + bytes([checksum(raw)])


def _decode(buffer: bytes, size_of) -> tuple[Frame | None, bytes]:
    """`size_of(head, buffer_from_head)` -> frame size, or None when more bytes are needed to tell."""
    starts = [i for i in (buffer.find(bytes([h])) for h in HEADS) if i >= 0]
    if not starts:
        return None, b""
    buffer = buffer[min(starts):]
    size = size_of(buffer[0], buffer)
    if size is None or len(buffer) < size:
        return None, buffer
    raw = buffer[:size]
    if checksum(raw[:-1]) != raw[-1]:
        raise ChecksumError(f"8A/80 checksum {raw[-1]:02X}, expected {checksum(raw[:-1]):02X}", buffer[size:])
    return Frame(raw[0], raw[1:-1]), buffer[size:]


def _reply_size(head: int, buffer: bytes) -> int:
    return 5 if head == OPEN_HEAD else 7


def decode_reply(buffer: bytes) -> tuple[Frame | None, bytes]:
    """Host side: an open reply (5 bytes) or a query-all reply (7 bytes, 33 before the checksum)."""
    frame, rest = _decode(buffer, _reply_size)
    if frame is not None and frame.head == QUERY_HEAD and frame.body[-1] != QUERY_FUNC:
        raise FrameError(f"8A/80 query reply without 33 (byte {frame.body[-1]:02X})", rest)
    return frame, rest


def decode_command(buffer: bytes) -> tuple[Frame | None, bytes]:
    """Board side (the simulator): open or query, 5 bytes each."""
    frame, rest = _decode(buffer, lambda head, buf: 5)
    if frame is not None and frame.body[-1] != (OPEN_FUNC if frame.head == OPEN_HEAD else QUERY_FUNC):
        raise FrameError(f"8A/80 command {frame.head:02X} with function {frame.body[-1]:02X}", rest)
    return frame, rest


@dataclass(frozen=True)
class Xor8A80(BoardSettings):
    """BoardProtocol for the 8A/80 boards. `channel_base`: the configuration's number for lock 1."""

    family: ClassVar[str] = "xor_8a80"
    baudrate: ClassVar[int] = 9600
    channels: ClassVar[int] = LOCKS
    boards: ClassVar[range] = range(1, 256)
    sends_events: ClassVar[bool] = False

    def _check(self, board: int, channel: int | None = None) -> None:
        if board not in self.boards:
            raise ValueError(f"8A/80 board address {board} is outside 1..255")
        if channel is not None and channel not in self.channel_range():
            raise ValueError(f"8A/80 channel {channel} is outside {self.channel_range()}")

    def lock_of(self, channel: int) -> int:
        return channel - self.channel_base + 1

    def encode_open(self, board: int, channel: int) -> bytes:
        self._check(board, channel)
        return encode(Frame(OPEN_HEAD, bytes([board, self.lock_of(channel), OPEN_FUNC])))

    def encode_query(self, board: int) -> bytes:
        self._check(board)
        return encode(Frame(QUERY_HEAD, bytes([board, 0, QUERY_FUNC])))

    def decode(self, buffer: bytes) -> tuple[BoardReply | None, bytes]:
        frame, rest = decode_reply(buffer)
        if frame is None:
            return None, rest
        board = frame.body[0]
        if frame.head == QUERY_HEAD:
            s3, s2, s1 = frame.body[1:4]
            bits = s1 | s2 << 8 | s3 << 16
            return BoardReply(board, frozenset(self.channel_range()),
                              bits_to_channels(bits, LOCKS, self.closed_bit, self.channel_base)), rest
        lock, ss = frame.body[1], frame.body[2]
        if ss not in (SS_OPEN, SS_CLOSED) or not 1 <= lock <= LOCKS:
            raise FrameError(f"8A/80 open reply with lock {lock} state {ss:02X}", rest)
        channel = lock - 1 + self.channel_base
        return BoardReply(board, frozenset({channel}),
                          frozenset({channel}) if ss == SS_CLOSED else frozenset()), rest

    def query_reply(self, board: int, closed: frozenset[int]) -> bytes:
        """A query-all reply as a board with this setting would send it (for the simulator)."""
        bits = channels_to_bits(closed, LOCKS, self.closed_bit, self.channel_base)
        return encode(Frame(QUERY_HEAD, bytes([board, bits >> 16 & 0xFF, bits >> 8 & 0xFF, bits & 0xFF,
                                               QUERY_FUNC])))

    def open_reply(self, board: int, channel: int, closed: bool) -> bytes:
        state = SS_CLOSED if closed else SS_OPEN
        return encode(Frame(OPEN_HEAD, bytes([board, self.lock_of(channel), state])))
