"""Social-security cards (社会保障卡): the card number and the social-security number on the card.

What is standard and what is not:
* standard (ISO 7816-4): the command shapes, SELECT by DF name (00 A4 04 00) and READ RECORD by short
  file identifier (00 B2 <record> <SFI << 3 | 4> <Le>), and the status words;
* from public reader-vendor sample code, not from the national specification (which is not public), and
  not yet checked against a real card: the application name "sx1.sh.社会保障" (ASCII + GBK, the "SSSE"
  application), the card number as record 07 of EF05 (9 characters) and the social-security number (the
  holder's ID number, 18 characters) as record 08 of EF06, each record a tag-length-value with the record
  number as tag. Real cards may also want a PIN or a SAM before EF06 can be read; this does not do that.

Both numbers are personal data: masked in reprs and in every Failure, never logged.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import Failure, Ok, Result, register
from drivers.idcard.idnumber import is_valid, mask
from drivers.pcsc.apdu import Command
from drivers.pcsc.reader import PcscReader

register({
    "pcsc.not_social_security_card": "The card is not a social-security card (no SSSE application).",
    "pcsc.bad_social_security_record": "A record on the social-security card is not in the expected form.",
})

SSSE_NAME = b"sx1.sh." + "社会保障".encode("gbk")
SELECT_SSSE = Command(0x00, 0xA4, 0x04, 0x00, SSSE_NAME)

CARD_NUMBER = (5, 0x07, 9)              # EF05, record 07, 9 characters
SOCIAL_SECURITY_NUMBER = (6, 0x08, 18)  # EF06, record 08, 18 characters


def read_record(sfi: int, record: int, length: int) -> Command:
    return Command(0x00, 0xB2, record, (sfi << 3) | 0x04, le=length + 2)


@dataclass(frozen=True, repr=False)
class SocialSecurityCard:
    card_number: str
    social_security_number: str

    def __repr__(self) -> str:
        return (f"SocialSecurityCard(card_number={mask(self.card_number)!r}, "
                f"social_security_number={mask(self.social_security_number)!r})")


def parse_record(tag: int, length: int, raw: bytes) -> str | None:
    """The text of a `tag length value` record, or None when it is not that record in that form."""
    if len(raw) != 2 + length or raw[0] != tag or raw[1] != length:
        return None
    try:
        text = raw[2:].decode("ascii")
    except UnicodeDecodeError:
        return None
    return text if text.isalnum() else None


def read_social_security(reader: PcscReader) -> Result[SocialSecurityCard]:
    selected = reader.transmit(SELECT_SSSE)
    if isinstance(selected, Failure):
        return selected
    if selected.value.sw1 not in (0x90, 0x61):  # some cards announce their FCI with 61xx
        return Failure("pcsc.not_social_security_card",
                       f"the card answered {selected.value.sw:04X} to SELECT of the SSSE application")
    fields = []
    for name, (sfi, record, length) in (("card number", CARD_NUMBER), ("number", SOCIAL_SECURITY_NUMBER)):
        answer = reader.transmit(read_record(sfi, record, length))
        raw = answer.value.check(f"reading the social-security {name}") if isinstance(answer, Ok) else answer
        if isinstance(raw, Failure):
            return raw
        text = parse_record(record, length, raw.value)
        if text is None:
            return Failure("pcsc.bad_social_security_record",
                           f"EF{sfi:02X} record {record:02X} ({name}): {len(raw.value)} bytes, not a "
                           f"{length}-character record")
        fields.append(text)
    card_number, number = fields
    if not is_valid(number):
        return Failure("pcsc.bad_social_security_record",
                       f"EF06 record 08: {mask(number)} is not a valid ID number (check character)")
    return Ok(SocialSecurityCard(card_number, number))
