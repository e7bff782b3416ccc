"""Technician cards: which technician holds the card, proven by a challenge the card must answer.

The card carries a small applet of ours (made up; no standard defines it, only the ISO 7816-4 command
shapes are standard):

    1. SELECT by AID   00 A4 04 0C 08 F0 4B 49 4F 53 4B 54 43   ("F0" = proprietary, unregistered
                                                                   RID; then ASCII "KIOSKTC")   -> 9000
    2. GET DATA        80 CA 00 01 00          -> the technician id, ASCII (e.g. "T-0042")       9000
    3. INTERNAL AUTHENTICATE
                       00 88 00 00 10 <16 random bytes> 00
                       -> HMAC-SHA256(key, "kiosk-technician-v1" | challenge | id)   (32 bytes)   9000

The kiosk holds one secret key per technician id (delivered with its configuration, never logged) and
accepts the card when the answer matches. What this proves: the card in the reader holds the key issued
for that id, now (the challenge is fresh, so a copied UID or a recorded answer does not pass). What it
does not prove: that the person holding the card is that technician (there is no PIN), nor anything once
a kiosk's key list leaks (the keys are symmetric: whoever reads them can make cards). A lost card is
revoked by removing its key. A production scheme would use cards that sign with a private key (PIV,
ECDSA), so kiosks hold only public keys, and ask for a PIN.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from hashlib import sha256

from drivers.errors import Failure, Ok, Result, register
from drivers.pcsc.apdu import Command, select_aid
from drivers.pcsc.reader import PcscReader

register({
    "pcsc.not_technician_card": "The card is not a technician card (it has no technician application).",
    "pcsc.technician_unknown": "The technician card names a technician this kiosk does not know.",
    "pcsc.technician_rejected": "The technician card did not prove it holds its key (copied or forged card).",
})

AID = bytes.fromhex("F04B494F534B5443")
DOMAIN = b"kiosk-technician-v1"
CHALLENGE_BYTES = 16
ID_LIMIT = 32

SELECT = select_aid(AID)
GET_ID = Command(0x80, 0xCA, 0x00, 0x01, le=256)


def authenticate(challenge: bytes) -> Command:
    return Command(0x00, 0x88, 0x00, 0x00, challenge, le=256)


def expected_answer(key: bytes, challenge: bytes, technician_id: str) -> bytes:
    """What a genuine card answers to `challenge` (the card computes the same; see simcard.py)."""
    return hmac.new(key, DOMAIN + challenge + technician_id.encode("ascii"), sha256).digest()


@dataclass(frozen=True, repr=False)
class TechnicianKeys:
    """Technician id -> secret key (at least 16 bytes). A secret: its repr names the ids only."""

    keys: Mapping[str, bytes]

    def __post_init__(self) -> None:
        for technician_id, key in self.keys.items():
            if len(key) < 16:
                raise ValueError(f"technician {technician_id!r}: a key has at least 16 bytes, not {len(key)}")

    def __repr__(self) -> str:
        return f"TechnicianKeys(ids={sorted(self.keys)}, keys=<secret>)"


@dataclass(frozen=True)
class Technician:
    technician_id: str


def check_technician(reader: PcscReader, keys: TechnicianKeys,
                     challenge: bytes | None = None) -> Result[Technician]:
    """Ok(Technician) when the card in `reader` is a genuine technician card for a known id."""
    selected = reader.transmit(SELECT)
    if isinstance(selected, Failure):
        return selected
    if not selected.value.ok:
        return Failure("pcsc.not_technician_card",
                       f"the card answered {selected.value.sw:04X} to SELECT of the technician application")
    answer = reader.transmit(GET_ID)
    raw_id = answer.value.check("reading the technician id") if isinstance(answer, Ok) else answer
    if isinstance(raw_id, Failure):
        return raw_id
    technician_id = raw_id.value.decode("ascii", "replace")
    if not 0 < len(raw_id.value) <= ID_LIMIT or not technician_id.isprintable() or "\ufffd" in technician_id:
        return Failure("pcsc.not_technician_card", f"the technician id is not 1-{ID_LIMIT} printable ASCII "
                                                   "characters")
    key = keys.keys.get(technician_id)
    if key is None:
        return Failure("pcsc.technician_unknown", f"technician {technician_id!r} has no key on this kiosk")
    challenge = challenge if challenge is not None else secrets.token_bytes(CHALLENGE_BYTES)
    answer = reader.transmit(authenticate(challenge))
    proof = answer.value.check("the technician card's authentication") if isinstance(answer, Ok) else answer
    if isinstance(proof, Failure):
        if proof.code in ("pcsc.card_removed", "pcsc.no_card", "device.disconnected", "pcsc.reader_missing"):
            return proof
        return Failure("pcsc.technician_rejected", f"technician {technician_id!r}: {proof.detail}")
    if not hmac.compare_digest(proof.value, expected_answer(key, challenge, technician_id)):
        return Failure("pcsc.technician_rejected",
                       f"technician {technician_id!r}: the card's answer to the challenge is wrong")
    return Ok(Technician(technician_id))
