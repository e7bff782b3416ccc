"""The card's 256-byte text block: UCS-2 little-endian fields padded with spaces (device-protocols.md 1.6).

Resident card (card-type flag at byte 248 blank):

    name 0+30 | sex 30+2 | nation 32+4 | birth 36+16 | address 52+70 | ID number 122+36 |
    issuing authority 158+30 | valid from 188+16 | valid to 204+16 ("长期" = long-term) | reserved 220+36

Foreigner's permanent residence card (flag `I`, the 2017 layout):

    English name 0+120 | sex 120+2 | residence number 122+30 | nationality 152+6 | Chinese name 158+30 |
    valid from 188+16 | valid to 204+16 | birth 220+16 | card version 236+4 | authority code 240+8 | flag 248+2

Any other flag (residence permits, the 2023 foreigner's card) is refused as unsupported: their layouts are
not confirmed by two sources. The decoded IdentityCard never shows name, address or ID number in its repr,
since a repr ends up in tracebacks and logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from drivers.idcard.idnumber import mask
from drivers.idcard.nations import nation_name
from drivers.protocol import ProtocolError

TEXT_SIZE = 256
LONG_TERM = "长期"
TYPE_FLAG_AT = 248


class TextBlockError(ProtocolError):
    """The text block breaks the layout. The message names the field, never its content."""

    code = "idcard.bad_text_block"


class UnsupportedCardError(TextBlockError):
    """A card whose type flag names a layout the kiosk does not read."""

    code = "idcard.unsupported_card"


class CardType(Enum):
    RESIDENT = " "
    FOREIGN_PERMANENT = "I"


class Sex(Enum):  # GB/T 2261.1
    UNKNOWN = "0"
    MALE = "1"
    FEMALE = "2"
    UNSPECIFIED = "9"


@dataclass(frozen=True, repr=False)
class IdentityCard:
    card_type: CardType
    name: str                   # Chinese name; may be empty on a foreigner's card
    sex: Sex
    nation_code: str            # GB 3304, two digits; empty on a foreigner's card
    birth_date: date
    address: str                # empty on a foreigner's card
    id_number: str              # citizen ID number; the permanent residence number on a foreigner's card
    issuing_authority: str      # the authority's name; its code on a foreigner's card
    valid_from: date
    valid_to: date | None       # None: long-term (长期)
    english_name: str = ""      # foreigner's card only
    nationality: str = ""       # foreigner's card only, GB/T 2659 code
    card_version: str = ""      # foreigner's card only

    @property
    def nation(self) -> str | None:
        """The nation's name (GB 3304), None when the card has no or an unknown code."""
        return nation_name(self.nation_code)

    @property
    def long_term(self) -> bool:
        return self.valid_to is None

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def __repr__(self) -> str:
        return (f"IdentityCard(card_type={self.card_type.name}, name=<masked>, sex={self.sex.name}, "
                f"nation_code={self.nation_code!r}, birth_date=<masked>, address=<masked>, "
                f"id_number={mask(self.id_number)!r}, issuing_authority={self.issuing_authority!r}, "
                f"valid_from={self.valid_from.isoformat()}, "
                f"valid_to={self.valid_to.isoformat() if self.valid_to else LONG_TERM})")

    __str__ = __repr__


def _text(block: bytes, at: int, size: int, what: str) -> str:
    try:
        return block[at:at + size].decode("utf-16-le").rstrip(" \x00")
    except UnicodeDecodeError:
        raise TextBlockError(f"{what} is not UCS-2 text") from None


def _date(text: str, what: str) -> date:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        raise TextBlockError(f"{what} is not a YYYYMMDD date")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise TextBlockError(f"{what} is not a calendar date") from None


def _sex(text: str) -> Sex:
    try:
        return Sex(text)
    except ValueError:
        raise TextBlockError("sex is not a GB/T 2261.1 code") from None


def _valid_to(text: str) -> date | None:
    return None if text == LONG_TERM else _date(text, "valid-to date")


def card_type_of(block: bytes) -> str:
    """The card-type flag (byte 248) as text: " " for an ordinary resident card."""
    return _text(block, TYPE_FLAG_AT, 2, "card type flag") or " "


def decode_text_block(block: bytes) -> IdentityCard:
    if len(block) != TEXT_SIZE:
        raise TextBlockError(f"text block is {len(block)} bytes, not {TEXT_SIZE}")
    flag = card_type_of(block)
    if flag == CardType.FOREIGN_PERMANENT.value:
        return IdentityCard(
            card_type=CardType.FOREIGN_PERMANENT, name=_text(block, 158, 30, "Chinese name"),
            sex=_sex(_text(block, 120, 2, "sex")), nation_code="",
            birth_date=_date(_text(block, 220, 16, "birth date"), "birth date"), address="",
            id_number=_text(block, 122, 30, "residence number"),
            issuing_authority=_text(block, 240, 8, "authority code"),
            valid_from=_date(_text(block, 188, 16, "valid-from date"), "valid-from date"),
            valid_to=_valid_to(_text(block, 204, 16, "valid-to date")),
            english_name=_text(block, 0, 120, "English name"), nationality=_text(block, 152, 6, "nationality"),
            card_version=_text(block, 236, 4, "card version"))
    if flag != CardType.RESIDENT.value:
        raise UnsupportedCardError(f"unsupported card type flag {flag!r}")
    return IdentityCard(
        card_type=CardType.RESIDENT, name=_text(block, 0, 30, "name"), sex=_sex(_text(block, 30, 2, "sex")),
        nation_code=_text(block, 32, 4, "nation"),
        birth_date=_date(_text(block, 36, 16, "birth date"), "birth date"),
        address=_text(block, 52, 70, "address"), id_number=_text(block, 122, 36, "ID number"),
        issuing_authority=_text(block, 158, 30, "issuing authority"),
        valid_from=_date(_text(block, 188, 16, "valid-from date"), "valid-from date"),
        valid_to=_valid_to(_text(block, 204, 16, "valid-to date")))


def _field(text: str, size: int) -> bytes:
    raw = text.encode("utf-16-le")
    if len(raw) > size:
        raise ValueError(f"a field of {size} bytes cannot hold {len(raw)} bytes")
    return raw + " ".encode("utf-16-le") * ((size - len(raw)) // 2)


def encode_text_block(card: IdentityCard) -> bytes:
    """The 256 bytes a card with these fields holds (for tests and tools; the simulator has its own)."""
    def day(d: date) -> str:
        return d.strftime("%Y%m%d")

    valid_to = day(card.valid_to) if card.valid_to else LONG_TERM
    if card.card_type is CardType.FOREIGN_PERMANENT:
        parts = [(card.english_name, 120), (card.sex.value, 2), (card.id_number, 30), (card.nationality, 6),
                 (card.name, 30), (day(card.valid_from), 16), (valid_to, 16), (day(card.birth_date), 16),
                 (card.card_version, 4), (card.issuing_authority, 8), ("I", 2), ("", 6)]
    else:
        parts = [(card.name, 30), (card.sex.value, 2), (card.nation_code, 4), (day(card.birth_date), 16),
                 (card.address, 70), (card.id_number, 36), (card.issuing_authority, 30),
                 (day(card.valid_from), 16), (valid_to, 16), ("", 36)]
    return b"".join(_field(text, size) for text, size in parts)
