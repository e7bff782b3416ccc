"""The SAM's commands, its SW3 status codes, and the layout of the answers' data (device-protocols.md 1.3-1.5).

A full card read is three commands: find (answers SW3 9F) -> select (90) -> read base info (90). SW3 codes
that are not a success map to a registered error code and to what the status of the reader becomes
(None: the reader itself is fine, only this request failed).
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import register
from drivers.idcard.codec import Command
from drivers.protocol import FrameError
from drivers.status import State

RESET = Command(0x10, 0xFF)
SAM_STATUS = Command(0x11, 0xFF)
SAM_ID = Command(0x12, 0xFF)
FIND_CARD = Command(0x20, 0x01)
SELECT_CARD = Command(0x20, 0x02)
READ_BASE = Command(0x30, 0x01)           # text + photo
READ_WITH_FINGERPRINT = Command(0x30, 0x10)  # text + photo + fingerprint templates

SUCCESS = 0x90
NO_CONTENT = 0x91
FIND_SUCCESS = 0x9F

register({
    "idcard.no_card": "No ID card on the reader; the citizen must place the card on the reader.",
    "idcard.select_failed": "The card on the reader could not be selected; it may have moved. Place it again.",
    "idcard.read_failed": "The card could not be read; it was probably taken away too soon. Place it again.",
    "idcard.no_content": "The card holds no data for this item (for example no fingerprint).",
    "idcard.unsupported_card": "The card is not a kind of ID card the reader or the kiosk can read.",
    "idcard.card_auth_failed": "The card and the reader's SAM did not authenticate each other "
                               "(damaged or not genuine card).",
    "idcard.command_rejected": "The reader's SAM rejected a command (checksum, length, value or authorisation).",
    "idcard.sam_fault": "The reader's security module (SAM) failed its self-test; the reader needs service.",
    "idcard.sam_unauthorised": "The reader's security module (SAM) is not authorised; the reader needs service.",
    "idcard.bad_text_block": "The card's text data does not follow the expected layout.",
    "idcard.invalid_id_number": "The ID number read from the card fails its check digit (GB 11643).",
})

#: SW3 (not a success) -> (error code, the reader's new state or None, English meaning for technicians)
SW3_FAILURES: dict[int, tuple[str, State | None, str]] = {
    0x91: ("idcard.no_content", None, "no content for this item"),
    0x10: ("idcard.command_rejected", None, "checksum error in the command"),
    0x11: ("idcard.command_rejected", None, "length error in the command"),
    0x21: ("idcard.command_rejected", None, "command error"),
    0x23: ("idcard.command_rejected", None, "operation not authorised"),
    0x24: ("idcard.command_rejected", None, "unrecognised error"),
    0x31: ("idcard.card_auth_failed", State.USER_ACTION, "card failed to authenticate the SAM"),
    0x32: ("idcard.card_auth_failed", State.USER_ACTION, "SAM failed to authenticate the card"),
    0x33: ("idcard.card_auth_failed", State.USER_ACTION, "information verification error"),
    0x40: ("idcard.unsupported_card", State.USER_ACTION, "unrecognised card type"),
    0x41: ("idcard.read_failed", State.USER_ACTION, "read card failed"),
    0x47: ("idcard.read_failed", State.USER_ACTION, "get-random-number failed"),
    0x60: ("idcard.sam_fault", State.MAINTENANCE, "SAM self-test failed"),
    0x66: ("idcard.sam_unauthorised", State.MAINTENANCE, "SAM not authorised"),
    0x80: ("idcard.no_card", State.USER_ACTION, "find card failed: no card"),
    0x81: ("idcard.select_failed", State.USER_ACTION, "select card failed"),
}

TEXT_SIZE = 256


@dataclass(frozen=True)
class CardData:
    """The data of a read answer: the 256-byte text block, the WLT photo, fingerprint templates (or b"")."""

    text: bytes
    photo_wlt: bytes
    fingerprints: bytes = b""

    def __repr__(self) -> str:  # personal data: sizes only
        return (f"CardData(text={len(self.text)} bytes, photo_wlt={len(self.photo_wlt)} bytes, "
                f"fingerprints={len(self.fingerprints)} bytes)")


def parse_read(data: bytes, *, with_fingerprint: bool) -> CardData:
    """Split a 30 01 answer (textLen photoLen text photo) or a 30 10 answer (textLen photoLen fpLen text photo
    fp). Raises FrameError when the lengths do not add up."""
    fields = 3 if with_fingerprint else 2
    if len(data) < 2 * fields:
        raise FrameError("read answer too short for its length fields")
    sizes = [int.from_bytes(data[2 * i:2 * i + 2], "big") for i in range(fields)]
    if sizes[0] != TEXT_SIZE or len(data) != 2 * fields + sum(sizes):
        raise FrameError("read answer lengths do not add up")
    at = 2 * fields
    text = data[at:at + sizes[0]]
    photo = data[at + sizes[0]:at + sizes[0] + sizes[1]]
    fingerprints = data[at + sizes[0] + sizes[1]:] if with_fingerprint else b""
    return CardData(bytes(text), bytes(photo), bytes(fingerprints))


def format_sam_id(data: bytes) -> str:
    """The SAM's serial as readers print it: `b0.b2-u32-u32-u32` (little-endian words; 16 data bytes)."""
    if len(data) < 16:
        raise FrameError("SAM id answer too short")
    w1, w2, w3 = (int.from_bytes(data[at:at + 4], "little") for at in (4, 8, 12))
    return f"{data[0]:02d}.{data[2]:02d}-{w1}-{w2:09d}-{w3:09d}"
