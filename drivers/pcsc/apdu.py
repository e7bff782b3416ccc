"""ISO/IEC 7816-4 command and response APDUs, pure: bytes in, values out.

A command is CLA INS P1 P2 [Lc data] [Le] (short form only: data up to 255 bytes, Le up to 256, written
00). A response is data followed by the two status bytes SW1 SW2. `Response.check()` turns a status word
into a result: 9000 (and 62xx/63xx warnings are *not* success) gives Ok(data), anything else a Failure
whose code says what a caller can do about it.

The status words named here are the ISO 7816-4 ones every card speaks; cards add their own, which land
in `pcsc.card_error` with the status word in the detail.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import Failure, Ok, Result, register
from drivers.protocol import ProtocolError

register({
    "pcsc.not_found": "The card has no such application, file or record (status word 6A82/6A83).",
    "pcsc.refused": "The card refused: security status not satisfied or verification failed (6982, 63xx).",
    "pcsc.unsupported": "The card does not know this command (status word 6D00 or 6E00).",
    "pcsc.card_error": "The card answered the command with an error status word.",
})

SW_OK = 0x9000


class BadApdu(ProtocolError):
    """Bytes that cannot be a response APDU (fewer than two status bytes)."""

    code = "device.bad_frame"


@dataclass(frozen=True)
class Command:
    cla: int
    ins: int
    p1: int = 0
    p2: int = 0
    data: bytes = b""
    le: int | None = None  # expected length; 256 is written as 00, None means no Le byte

    def __post_init__(self) -> None:
        for name in ("cla", "ins", "p1", "p2"):
            if not 0 <= getattr(self, name) <= 0xFF:
                raise ValueError(f"APDU {name} {getattr(self, name)!r} is not a byte")
        if len(self.data) > 255:
            raise ValueError(f"APDU data of {len(self.data)} bytes needs an extended APDU (short: 255 max)")
        if self.le is not None and not 0 <= self.le <= 256:
            raise ValueError(f"APDU Le {self.le!r} is outside 0..256")

    def encode(self) -> bytes:
        out = bytes((self.cla, self.ins, self.p1, self.p2))
        if self.data:
            out += bytes((len(self.data),)) + self.data
        if self.le is not None:
            out += bytes((self.le & 0xFF,))
        return out

    def with_le(self, le: int) -> Command:
        return Command(self.cla, self.ins, self.p1, self.p2, self.data, le)

    @classmethod
    def decode(cls, raw: bytes) -> Command:
        """A short command APDU from bytes (what a card sees); ProtocolError when it is not one."""
        if len(raw) < 4:
            raise BadApdu(f"a command APDU has at least 4 bytes, got {len(raw)}")
        head, body = raw[:4], raw[4:]
        if not body:
            return cls(*head)
        if len(body) == 1:
            return cls(*head, le=body[0] or 256)
        lc = body[0]
        if lc == 0 or len(body) not in (1 + lc, 2 + lc):
            raise BadApdu(f"command APDU body of {len(body)} bytes does not match Lc {lc}")
        le = body[1 + lc] or 256 if len(body) == 2 + lc else None
        return cls(*head, data=bytes(body[1:1 + lc]), le=le)


@dataclass(frozen=True, repr=False)
class Response:
    data: bytes
    sw: int

    def __repr__(self) -> str:  # the data may be personal (a card number): its size only
        return f"Response(data={len(self.data)} bytes, sw={self.sw:04X})"

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @property
    def ok(self) -> bool:
        return self.sw == SW_OK

    def encode(self) -> bytes:
        return self.data + self.sw.to_bytes(2, "big")

    @classmethod
    def decode(cls, raw: bytes) -> Response:
        if len(raw) < 2:
            raise BadApdu(f"a response APDU ends with two status bytes, got {len(raw)} bytes")
        return cls(bytes(raw[:-2]), int.from_bytes(raw[-2:], "big"))

    def check(self, what: str) -> Result[bytes]:
        """Ok(data) for 9000; otherwise a Failure naming `what` was asked and the status word."""
        if self.ok:
            return Ok(self.data)
        return Failure(sw_code(self.sw), f"{what}: the card answered status word {self.sw:04X}"
                                         f" ({describe_sw(self.sw)})")


def sw_code(sw: int) -> str:
    if sw in (0x6A82, 0x6A83, 0x6A88):
        return "pcsc.not_found"
    if sw in (0x6982, 0x6983, 0x6984, 0x6300) or sw >> 4 == 0x63C:
        return "pcsc.refused"
    if sw in (0x6D00, 0x6E00):
        return "pcsc.unsupported"
    return "pcsc.card_error"


_SW_TEXT = {
    0x6282: "end of file reached before Le bytes",
    0x6300: "verification failed",
    0x6700: "wrong length",
    0x6982: "security status not satisfied",
    0x6983: "authentication method blocked",
    0x6985: "conditions of use not satisfied",
    0x6A80: "incorrect data",
    0x6A82: "application or file not found",
    0x6A83: "record not found",
    0x6A86: "incorrect P1 P2",
    0x6A88: "referenced data not found",
    0x6B00: "wrong P1 P2",
    0x6D00: "instruction not supported",
    0x6E00: "class not supported",
    0x6F00: "no precise diagnosis",
    0x9000: "success",
}


def describe_sw(sw: int) -> str:
    if sw in _SW_TEXT:
        return _SW_TEXT[sw]
    if sw >> 8 == 0x61:
        return f"{sw & 0xFF or 256} more bytes available"
    if sw >> 8 == 0x6C:
        return f"wrong Le, {sw & 0xFF or 256} bytes available"
    if sw >> 4 == 0x63C:
        return f"verification failed, {sw & 0xF} tries left"
    return "not an ISO 7816-4 status word"


def get_response(length: int) -> Command:
    """GET RESPONSE: fetch the bytes a 61xx status word announced (T=0 cards)."""
    return Command(0x00, 0xC0, le=length or 256)


def select_aid(aid: bytes) -> Command:
    """SELECT by DF name (application identifier), first or only occurrence, FCI not asked for."""
    return Command(0x00, 0xA4, 0x04, 0x0C, aid)


#: PC/SC part 3 pseudo-APDU: the reader answers with the contactless card's UID (contact cards: 6A81)
GET_UID = Command(0xFF, 0xCA, 0x00, 0x00, le=256)
