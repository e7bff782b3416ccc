"""Kerong KR-CU16 lock boards: 16 locks a board, up to 16 boards on one RS-485 bus (device-protocols.md 3.1).

    command  STX(02) ADDR CMD ETX(03) SUM                          5 bytes
    reply    STX(02) ADDR 35 H1 H2 I1 I2 ETX(03) SUM               9 bytes, to 30 (status) and 31 (unlock)

ADDR: high nibble = board 0..F, low nibble = lock index 0..F (lock 1 -> 0); 0 for board-wide commands.
SUM: low 8 bits of the sum of STX..ETX. H1/H2: lock hooks of locks 1-8 / 9-16, bit 0 = lock 1; I1/I2 the
infrared "item present" sensors the same way. Two sources read a hook bit of 1 as closed, a third says the
opposite [U]: `closed_bit` is a setting. Whether a reply's low address nibble echoes the lock is not
documented [U]; the board is read from the high nibble only.

The boards answer only when asked: they send no door-change reports, so the driver polls. The bus-wide
query (F0 32) and its 36 reply are not used: the reply's layout is not documented.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from drivers.locker.board import BoardReply, BoardSettings, bits_to_channels, channels_to_bits
from drivers.protocol import ChecksumError, FrameError

STX, ETX = 0x02, 0x03
QUERY, UNLOCK, QUERY_BUS, UNLOCK_ALL = 0x30, 0x31, 0x32, 0x33
BOARD_DATA = 0x35
COMMANDS = frozenset({QUERY, UNLOCK, QUERY_BUS, UNLOCK_ALL})  # the 5-byte commands without data
COMMAND_SIZE, REPLY_SIZE = 5, 9
LOCKS = 16


@dataclass(frozen=True)
class Command:
    address: int  # board << 4 | lock index
    cmd: int

    @property
    def board(self) -> int:
        return self.address >> 4

    @property
    def lock(self) -> int:
        return self.address & 0x0F


@dataclass(frozen=True)
class BoardData:
    address: int
    hooks: int    # bit i = lock i+1 (H1 | H2 << 8)
    sensors: int  # bit i = lock i+1 (I1 | I2 << 8)

    @property
    def board(self) -> int:
        return self.address >> 4


def checksum(data: bytes) -> int:
    return sum(data) & 0xFF


def _seal(body: bytes) -> bytes:
    return body + bytes([checksum(body)])


def encode(frame: Command | BoardData) -> bytes:
    if isinstance(frame, Command):
        return _seal(bytes([STX, frame.address, frame.cmd, ETX]))
    return _seal(bytes([STX, frame.address, BOARD_DATA, frame.hooks & 0xFF, frame.hooks >> 8,
                        frame.sensors & 0xFF, frame.sensors >> 8, ETX]))


def _find(buffer: bytes, is_header) -> tuple[int, bytes]:
    """Index of the first STX that starts a plausible header (-1 if none), and the bytes from there on
    (the tail that could still become a header is kept)."""
    start = buffer.find(STX)
    while start >= 0:
        if len(buffer) - start < 3:
            return -1, buffer[start:]
        if is_header(buffer[start + 2]):
            return start, buffer[start:]
        start = buffer.find(STX, start + 1)
    return -1, b""


def _decode(buffer: bytes, is_header, size: int) -> tuple[bytes | None, bytes]:
    start, buffer = _find(buffer, is_header)
    if start < 0 or len(buffer) < size:
        return None, buffer
    frame = buffer[:size]
    if frame[-2] != ETX:
        raise FrameError(f"KR-CU16 frame without ETX where expected (byte {frame[-2]:02X})", buffer[1:])
    if checksum(frame[:-1]) != frame[-1]:
        raise ChecksumError(f"KR-CU16 checksum {frame[-1]:02X}, expected {checksum(frame[:-1]):02X}",
                            buffer[size:])
    return frame, buffer[size:]


def decode_reply(buffer: bytes) -> tuple[BoardData | None, bytes]:
    """The next board-data reply (host side)."""
    frame, rest = _decode(buffer, lambda cmd: cmd == BOARD_DATA, REPLY_SIZE)
    if frame is None:
        return None, rest
    return BoardData(frame[1], frame[3] | frame[4] << 8, frame[5] | frame[6] << 8), rest


def decode_command(buffer: bytes) -> tuple[Command | None, bytes]:
    """The next command (board side, for the simulator)."""
    frame, rest = _decode(buffer, lambda cmd: cmd in COMMANDS, COMMAND_SIZE)
    if frame is None:
        return None, rest
    return Command(frame[1], frame[2]), rest


@dataclass(frozen=True)
class KerongCU16(BoardSettings):
    """BoardProtocol for KR-CU16. `closed_bit`: the hook-bit value that means closed (default 1, as two of
    three sources read it). `channel_base`: the configuration's number for lock 1 (default 1)."""

    family: ClassVar[str] = "kerong_cu16"
    baudrate: ClassVar[int] = 19200
    channels: ClassVar[int] = LOCKS
    boards: ClassVar[range] = range(16)
    sends_events: ClassVar[bool] = False

    def _address(self, board: int, channel: int | None = None) -> int:
        if board not in self.boards:
            raise ValueError(f"KR-CU16 board address {board} is outside 0..15")
        if channel is None:
            return board << 4
        if channel not in self.channel_range():
            raise ValueError(f"KR-CU16 channel {channel} is outside {self.channel_range()}")
        return board << 4 | (channel - self.channel_base)

    def encode_open(self, board: int, channel: int) -> bytes:
        return encode(Command(self._address(board, channel), UNLOCK))

    def encode_query(self, board: int) -> bytes:
        return encode(Command(self._address(board), QUERY))

    def decode(self, buffer: bytes) -> tuple[BoardReply | None, bytes]:
        data, rest = decode_reply(buffer)
        if data is None:
            return None, rest
        return self.reply(data), rest

    def reply(self, data: BoardData) -> BoardReply:
        base = self.channel_base
        return BoardReply(board=data.board, reported=frozenset(self.channel_range()),
                          closed=bits_to_channels(data.hooks, LOCKS, self.closed_bit, base),
                          items=bits_to_channels(data.sensors, LOCKS, 1, base))

    def board_data(self, reply: BoardReply) -> BoardData:
        """The wire form of a reply (what a board with this setting would send), for the simulator."""
        return BoardData(reply.board << 4, channels_to_bits(reply.closed, LOCKS, self.closed_bit,
                                                            self.channel_base),
                         channels_to_bits(reply.items or frozenset(), LOCKS, 1, self.channel_base))
