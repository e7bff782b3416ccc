"""Simulated cards, pure: vpcd messages in, answers out. vicc.py puts one on the wire.

A VirtualCard has an ATR, a UID and applets. It plays the reader's part too for the PC/SC pseudo-APDU
FF CA 00 00 (get UID), since vpcd hands every APDU to the card: a real contactless reader answers that
itself. SELECT by AID picks an applet; other commands go to the selected applet. Power off, power on and
reset deselect, as on a real card.

    technician_card("T-0042", key)          the technician applet of technician.py
    social_security_card("A12345678", "11010519491231002X")   the SSSE records of socialsecurity.py
    blank_card()                            a contactless card with a UID and nothing else
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from drivers.idcard.idnumber import mask
from drivers.pcsc import socialsecurity, technician
from drivers.pcsc.apdu import BadApdu, Command, Response
from drivers.pcsc.vpcd import ApduMessage, Control, ControlMessage, Message

OK = 0x9000


def sw(word: int, data: bytes = b"") -> Response:
    return Response(data, word)


def contactless_atr(historical: bytes) -> bytes:
    """The ATR a PC/SC reader makes for an ISO 14443-4 card (PC/SC part 3): 3B 8n 80 01 <historical> TCK."""
    if len(historical) > 15:
        raise ValueError("an ATR has at most 15 historical bytes")
    body = bytes((0x80 | len(historical), 0x80, 0x01)) + historical
    tck = 0
    for byte in body:
        tck ^= byte
    return b"\x3B" + body + bytes((tck,))


#: PC/SC part 3's ATR for a MIFARE Classic 1K storage card (a blank staff badge)
STORAGE_CARD_ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")


class Applet(Protocol):
    aid: bytes

    def process(self, command: Command) -> Response: ...


@dataclass(repr=False)
class TechnicianApplet:
    technician_id: str
    key: bytes
    aid: bytes = technician.AID

    def __repr__(self) -> str:
        return f"TechnicianApplet({self.technician_id!r}, key=<secret>)"

    def process(self, command: Command) -> Response:
        if (command.cla, command.ins, command.p1, command.p2) == (0x80, 0xCA, 0x00, 0x01):
            return sw(OK, self.technician_id.encode("ascii"))
        if (command.cla, command.ins) == (0x00, 0x88):
            if len(command.data) != technician.CHALLENGE_BYTES:
                return sw(0x6700)
            return sw(OK, technician.expected_answer(self.key, command.data, self.technician_id))
        return sw(0x6D00)


@dataclass(repr=False)
class SocialSecurityApplet:
    card_number: str
    number: str
    aid: bytes = socialsecurity.SSSE_NAME

    def __repr__(self) -> str:
        return f"SocialSecurityApplet({mask(self.card_number)!r}, {mask(self.number)!r})"

    def process(self, command: Command) -> Response:
        if (command.cla, command.ins) != (0x00, 0xB2):
            return sw(0x6D00)
        records = {(5, 0x07): self.card_number, (6, 0x08): self.number}
        text = records.get((command.p2 >> 3, command.p1)) if command.p2 & 0x07 == 0x04 else None
        if text is None:
            return sw(0x6A83)
        return sw(OK, bytes((command.p1, len(text))) + text.encode("ascii"))


@dataclass(eq=False)
class VirtualCard:
    atr: bytes
    uid: bytes = b""
    applets: tuple[Applet, ...] = ()
    label: str = "card"
    powered: bool = False
    selected: Applet | None = None
    commands: list[tuple[int, int]] = field(default_factory=list)  # (CLA, INS) seen; no data: it may be personal

    def receive(self, message: Message) -> bytes | None:
        """The answer to one vpcd message: the ATR, a response APDU, or None (power and reset)."""
        if isinstance(message, ControlMessage):
            if message.control is Control.GET_ATR:
                return self.atr
            self.powered = message.control is not Control.POWER_OFF
            self.selected = None
            return None
        assert isinstance(message, ApduMessage)
        try:
            command = Command.decode(message.apdu)
        except BadApdu:
            return sw(0x6700).encode()
        self.commands.append((command.cla, command.ins))
        return self.process(command).encode()

    def process(self, command: Command) -> Response:
        if (command.cla, command.ins) == (0xFF, 0xCA):
            if command.p1 != 0x00:
                return sw(0x6A81)
            return sw(OK, self.uid) if self.uid else sw(0x6A81)
        if (command.cla, command.ins, command.p1) == (0x00, 0xA4, 0x04):
            self.selected = next((a for a in self.applets if a.aid == command.data), None)
            return sw(OK) if self.selected is not None else sw(0x6A82)
        if self.selected is not None:
            return self.selected.process(command)
        return sw(0x6D00) if command.cla == 0x00 else sw(0x6E00)

    def snapshot(self) -> dict[str, object]:
        """What a developer panel shows (no personal data: applets by AID only)."""
        return {"label": self.label, "atr": self.atr.hex(" ").upper(), "uid": self.uid.hex(" ").upper(),
                "powered": self.powered, "applets": [a.aid.hex().upper() for a in self.applets],
                "selected": self.selected.aid.hex().upper() if self.selected else None}


def blank_card(uid: bytes = bytes.fromhex("04A1B2C3")) -> VirtualCard:
    return VirtualCard(STORAGE_CARD_ATR, uid, label="blank card")


def technician_card(technician_id: str, key: bytes, uid: bytes = bytes.fromhex("04C0FFEE")) -> VirtualCard:
    return VirtualCard(contactless_atr(b"KIOSKTC"), uid, (TechnicianApplet(technician_id, key),),
                       label=f"technician card {technician_id}")


def social_security_card(card_number: str, number: str, uid: bytes = bytes.fromhex("08123456")) -> VirtualCard:
    return VirtualCard(contactless_atr(b"SSSE"), uid, (SocialSecurityApplet(card_number, number),),
                       label="social-security card")
