"""Frames of the host <-> SAM protocol of second-generation ID card readers (device-protocols.md 1.2).

    AA AA AA 96 69 | Len (2, big-endian) | body | CHK

The preamble's first three bytes sync the line; `96 69` marks the start. Len counts body + CHK; CHK is the
XOR of Len and body. A command's body is CMD Para Data; a response's is SW1 SW2 SW3 Data. Responses do not
echo the command, so the caller pairs them by order (and discards stale input before each command).

Pure and sans-I/O: `encode(frame) -> bytes`, `decode_response(buffer)` / `decode_command(buffer)` ->
(frame | None, rest), following the contract in drivers/protocol.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import xor

from drivers.protocol import ChecksumError, FrameError

PREAMBLE = bytes.fromhex("AAAAAA9669")
HEADER_SIZE = len(PREAMBLE) + 2
#: The longest answer in the protocol is a read with two fingerprint templates: Len 0x090A. Anything much
#: longer is a corrupted length; refusing it resynchronises at once instead of waiting for bytes never sent.
MAX_LEN = 0x0C00
MIN_COMMAND_LEN = 3   # CMD Para CHK
MIN_RESPONSE_LEN = 4  # SW1 SW2 SW3 CHK


@dataclass(frozen=True)
class Command:
    cmd: int
    para: int
    data: bytes = b""

    def __repr__(self) -> str:
        return f"Command({self.cmd:02X} {self.para:02X}, {len(self.data)} data bytes)"


@dataclass(frozen=True)
class Response:
    sw1: int
    sw2: int
    sw3: int
    data: bytes = b""

    def __repr__(self) -> str:  # data may be a card's text and photo: lengths only
        return f"Response(SW {self.sw1:02X} {self.sw2:02X} {self.sw3:02X}, {len(self.data)} data bytes)"


def checksum(data: bytes) -> int:
    return reduce(xor, data, 0)


def _frame(body: bytes) -> bytes:
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([checksum(length + body)])


def encode(frame: Command | Response) -> bytes:
    if isinstance(frame, Command):
        return _frame(bytes([frame.cmd, frame.para]) + frame.data)
    return _frame(bytes([frame.sw1, frame.sw2, frame.sw3]) + frame.data)


def _partial_preamble_tail(buffer: bytes) -> bytes:
    """The longest tail of `buffer` that could be the start of a preamble (kept for the next read)."""
    for size in range(min(len(PREAMBLE) - 1, len(buffer)), 0, -1):
        if buffer.endswith(PREAMBLE[:size]):
            return buffer[-size:]
    return b""


def _decode_body(buffer: bytes, min_len: int) -> tuple[bytes | None, bytes]:
    start = buffer.find(PREAMBLE)
    if start < 0:
        return None, _partial_preamble_tail(buffer)
    buffer = buffer[start:]
    if len(buffer) < HEADER_SIZE:
        return None, buffer
    length = int.from_bytes(buffer[5:7], "big")
    if not min_len <= length <= MAX_LEN:
        raise FrameError(f"frame length {length} out of range", buffer[len(PREAMBLE):])
    end = HEADER_SIZE + length
    if len(buffer) < end:
        return None, buffer
    if checksum(buffer[5:end - 1]) != buffer[end - 1]:
        raise ChecksumError("frame checksum mismatch", buffer[end:])
    return buffer[HEADER_SIZE:end - 1], buffer[end:]


def decode_response(buffer: bytes) -> tuple[Response | None, bytes]:
    body, rest = _decode_body(buffer, MIN_RESPONSE_LEN)
    if body is None:
        return None, rest
    return Response(body[0], body[1], body[2], bytes(body[3:])), rest


def decode_command(buffer: bytes) -> tuple[Command | None, bytes]:
    body, rest = _decode_body(buffer, MIN_COMMAND_LEN)
    if body is None:
        return None, rest
    return Command(body[0], body[1], bytes(body[2:])), rest
