"""Instruction codes of the AS608 / R30x command set and the payloads of the commands the driver sends.

Names follow the datasheet: "Up" is module -> host, "Down" is host -> module. Every builder returns the
payload of a command packet (instruction code, then big-endian parameters); `codec.command` wraps it.
"""

from __future__ import annotations

from dataclasses import dataclass

GEN_IMG = 0x01
IMG2TZ = 0x02
MATCH = 0x03
SEARCH = 0x04
REG_MODEL = 0x05
STORE = 0x06
LOAD_CHAR = 0x07
UP_CHAR = 0x08
DOWN_CHAR = 0x09
UP_IMAGE = 0x0A
DELETE_CHAR = 0x0C
EMPTY = 0x0D
READ_SYS_PARA = 0x0F
VFY_PWD = 0x13
TEMPLATE_NUM = 0x1D
READ_INDEX_TABLE = 0x1F

PACKET_SIZES = (32, 64, 128, 256)  # by packet-size code 0..3
BUFFERS = (1, 2)

# The image the module uploads: 256 x 288 pixels, 4 bits each, two pixels a byte, high nibble first.
IMAGE_WIDTH = 256
IMAGE_HEIGHT = 288
IMAGE_BYTES = IMAGE_WIDTH * IMAGE_HEIGHT // 2


def _u16(value: int) -> bytes:
    if not 0 <= value <= 0xFFFF:
        raise ValueError(f"{value} does not fit in two bytes")
    return value.to_bytes(2, "big")


def _buffer(buffer: int) -> int:
    if buffer not in BUFFERS:
        raise ValueError(f"char buffer {buffer} is not 1 or 2")
    return buffer


def verify_password(password: int) -> bytes:
    return bytes([VFY_PWD]) + password.to_bytes(4, "big")


def gen_img() -> bytes:
    return bytes([GEN_IMG])


def img2tz(buffer: int) -> bytes:
    return bytes([IMG2TZ, _buffer(buffer)])


def match() -> bytes:
    return bytes([MATCH])


def search(buffer: int, start: int, count: int) -> bytes:
    return bytes([SEARCH, _buffer(buffer)]) + _u16(start) + _u16(count)


def reg_model() -> bytes:
    return bytes([REG_MODEL])


def store(buffer: int, page_id: int) -> bytes:
    return bytes([STORE, _buffer(buffer)]) + _u16(page_id)


def load_char(buffer: int, page_id: int) -> bytes:
    return bytes([LOAD_CHAR, _buffer(buffer)]) + _u16(page_id)


def up_char(buffer: int) -> bytes:
    return bytes([UP_CHAR, _buffer(buffer)])


def down_char(buffer: int) -> bytes:
    return bytes([DOWN_CHAR, _buffer(buffer)])


def up_image() -> bytes:
    return bytes([UP_IMAGE])


def delete_char(page_id: int, count: int = 1) -> bytes:
    return bytes([DELETE_CHAR]) + _u16(page_id) + _u16(count)


def empty() -> bytes:
    return bytes([EMPTY])


def read_sys_para() -> bytes:
    return bytes([READ_SYS_PARA])


def template_num() -> bytes:
    return bytes([TEMPLATE_NUM])


def read_index_table(page: int) -> bytes:
    if not 0 <= page <= 3:
        raise ValueError(f"index table page {page} is not 0..3")
    return bytes([READ_INDEX_TABLE, page])


# ---- what the acknowledgements carry after the confirmation byte ------------------------------------------

@dataclass(frozen=True)
class SystemParameters:
    status_register: int
    system_id: int
    capacity: int
    security_level: int
    address: int
    packet_size: int  # bytes per data packet
    baudrate: int

    @classmethod
    def parse(cls, data: bytes) -> SystemParameters:
        """The 16 bytes of a ReadSysPara ack after the confirmation. ValueError if they are not that."""
        if len(data) < 16:
            raise ValueError(f"system parameters are 16 bytes, got {len(data)}")
        words = [int.from_bytes(data[i:i + 2], "big") for i in range(0, 16, 2)]
        size_code = words[6]
        if size_code >= len(PACKET_SIZES):
            raise ValueError(f"packet-size code {size_code} is not 0..3")
        return cls(status_register=words[0], system_id=words[1], capacity=words[2], security_level=words[3],
                   address=int.from_bytes(data[8:12], "big"), packet_size=PACKET_SIZES[size_code],
                   baudrate=words[7] * 9600)

    def encode(self) -> bytes:
        return (_u16(self.status_register) + _u16(self.system_id) + _u16(self.capacity)
                + _u16(self.security_level) + self.address.to_bytes(4, "big")
                + _u16(PACKET_SIZES.index(self.packet_size)) + _u16(self.baudrate // 9600))


@dataclass(frozen=True)
class SearchHit:
    page_id: int
    score: int


def parse_u16(data: bytes, offset: int = 0) -> int:
    if len(data) < offset + 2:
        raise ValueError("the acknowledgement is too short")
    return int.from_bytes(data[offset:offset + 2], "big")


def used_pages(table: bytes, page: int) -> set[int]:
    """Library slots marked used in one 32-byte index-table page: bit i of byte j is slot page*256+j*8+i."""
    return {page * 256 + j * 8 + i for j, byte in enumerate(table[:32]) for i in range(8) if byte >> i & 1}
