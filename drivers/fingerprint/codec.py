"""The EF01 packet of AS608 / R30x optical fingerprint modules: a pure codec (no I/O).

    EF 01 | address (4, BE) | PID (1) | length (2, BE) | payload (length - 2) | checksum (2, BE)

`length` counts the payload plus the two checksum bytes; the checksum is the low 16 bits of the sum of
PID, both length bytes and every payload byte. PIDs: 01 command, 02 data (more follow), 07 acknowledge,
08 last data packet. A data packet carries at most the configured packet size (32..256 bytes), so no
packet on this link has a payload over 256 bytes: a longer `length` proves the header was garbage.

`decode` skips bytes before `EF 01`, waits (returns (None, buffer-from-header)) while a packet is
incomplete, and raises FrameError (impossible PID or length; `rest` starts after the false header) or
ChecksumError (`rest` starts after the bad packet).
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.protocol import ChecksumError, FrameError

HEADER = b"\xef\x01"
DEFAULT_ADDRESS = 0xFFFFFFFF

COMMAND = 0x01
DATA = 0x02
ACK = 0x07
END = 0x08
PIDS = frozenset({COMMAND, DATA, ACK, END})

MAX_PAYLOAD = 256
_FIXED = 9  # header, address, PID, length: what must arrive before the length is known


@dataclass(frozen=True)
class Packet:
    pid: int
    payload: bytes
    address: int = DEFAULT_ADDRESS

    def __post_init__(self) -> None:
        if self.pid not in PIDS:
            raise ValueError(f"unknown packet id {self.pid:#04x}")
        if not 0 <= self.address <= 0xFFFFFFFF:
            raise ValueError("the address is four bytes")
        if len(self.payload) > MAX_PAYLOAD:
            raise ValueError(f"a payload holds at most {MAX_PAYLOAD} bytes, not {len(self.payload)}")


def command(payload: bytes, address: int = DEFAULT_ADDRESS) -> Packet:
    return Packet(COMMAND, bytes(payload), address)


def ack(payload: bytes, address: int = DEFAULT_ADDRESS) -> Packet:
    return Packet(ACK, bytes(payload), address)


def data_packets(data: bytes, packet_size: int, address: int = DEFAULT_ADDRESS) -> list[Packet]:
    """`data` cut into packets of at most `packet_size` bytes: 02 packets, the last one 08."""
    if packet_size not in (32, 64, 128, 256):
        raise ValueError(f"packet size {packet_size} is not 32, 64, 128 or 256")
    chunks = [data[i:i + packet_size] for i in range(0, len(data), packet_size)] or [b""]
    return [Packet(END if i == len(chunks) - 1 else DATA, bytes(chunk), address)
            for i, chunk in enumerate(chunks)]


def checksum(pid: int, length: int, payload: bytes) -> int:
    return (pid + (length >> 8) + (length & 0xFF) + sum(payload)) & 0xFFFF


def encode(packet: Packet) -> bytes:
    length = len(packet.payload) + 2
    return (HEADER + packet.address.to_bytes(4, "big") + bytes([packet.pid]) + length.to_bytes(2, "big")
            + packet.payload + checksum(packet.pid, length, packet.payload).to_bytes(2, "big"))


def decode(buffer: bytes) -> tuple[Packet | None, bytes]:
    start = buffer.find(HEADER)
    if start < 0:
        # keep a trailing EF: it may be the first half of a header
        return None, buffer[-1:] if buffer[-1:] == HEADER[:1] else b""
    buffer = buffer[start:]
    if len(buffer) < _FIXED:
        return None, buffer
    pid = buffer[6]
    length = int.from_bytes(buffer[7:9], "big")
    if pid not in PIDS:
        raise FrameError(f"unknown packet id {pid:#04x}", buffer[2:])
    if not 2 <= length <= MAX_PAYLOAD + 2:
        raise FrameError(f"impossible packet length {length}", buffer[2:])
    end = _FIXED + length
    if len(buffer) < end:
        return None, buffer
    payload = bytes(buffer[_FIXED:end - 2])
    if int.from_bytes(buffer[end - 2:end], "big") != checksum(pid, length, payload):
        raise ChecksumError("packet checksum does not match", buffer[end:])
    return Packet(pid, payload, int.from_bytes(buffer[2:6], "big")), buffer[end:]
