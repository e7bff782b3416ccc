"""Fuzz targets for what smart cards answer on the PC/SC reader: technician cards and social-security cards.

The boundary is libpcsclite's SCardTransmit: `ScriptedCardReader` is the real PcscReader (its transmit()
with the 61xx GET RESPONSE and 6Cxx chains) over a card whose raw answers are the fuzz bytes, decoded as
PcscReader._send decodes what SCardTransmit returns. An empty answer is what pcscd reports for a card pulled
out mid-command.
"""

from __future__ import annotations

from collections import deque

from drivers.errors import Failure, Ok, Result
from drivers.pcsc.apdu import BadApdu, Command, Response
from drivers.pcsc.reader import PcscReader
from drivers.pcsc.socialsecurity import SocialSecurityCard, read_social_security
from drivers.pcsc.technician import Technician, TechnicianKeys, check_technician
from fuzz.harness import MAX_INPUT, expect, expect_result, split

#: the keys a kiosk holds; the fuzz may name any id, so these are the ids worth finding
KEYS = TechnicianKeys({"T-0042": bytes(range(32)), "A": b"k" * 16})
CHALLENGE = bytes(16)


class ScriptedCardReader(PcscReader):
    def __init__(self, answers: list[bytes]) -> None:
        super().__init__("scripted reader")
        self._answers = deque(answers)
        self.sent: list[Command] = []

    def _send(self, command: Command) -> Result[Response]:
        self.sent.append(command)
        raw = self._answers.popleft() if self._answers else b""
        if not raw:
            return Failure("pcsc.card_removed", "the scripted card stopped answering")
        try:
            return Ok(Response.decode(raw))
        except BadApdu as e:
            return Failure(e.code, str(e))


def target_pcsc_cards(data: bytes) -> None:
    """A technician card's id and challenge answer, and a social-security card's records, from a card that
    answers the fuzz bytes: Ok(Technician) / Ok(SocialSecurityCard) or a Failure with a registered code."""
    answers = split(data[:MAX_INPUT], limit=40)
    reader = ScriptedCardReader(answers)
    checked = check_technician(reader, KEYS, CHALLENGE)
    expect_result(checked)
    if isinstance(checked, Ok):
        expect(isinstance(checked.value, Technician) and checked.value.technician_id in KEYS.keys,
               "a technician the kiosk has no key for was accepted")
    expect(len(reader.sent) <= 3 * 34, "the reader kept asking the card")
    reader = ScriptedCardReader(answers)
    card = read_social_security(reader)
    expect_result(card)
    if isinstance(card, Ok):
        expect(isinstance(card.value, SocialSecurityCard), "not a SocialSecurityCard")
        repr(card.value)
