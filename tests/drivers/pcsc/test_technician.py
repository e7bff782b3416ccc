"""Technician cards: the right card opens maintenance mode; copies, strangers and other cards do not."""

from dataclasses import dataclass

import pytest

from drivers.pcsc import technician
from drivers.pcsc.apdu import Response
from drivers.pcsc.simcard import (
    VirtualCard,
    blank_card,
    contactless_atr,
    social_security_card,
    technician_card,
)
from drivers.pcsc.technician import Technician, TechnicianKeys, check_technician

from .conftest import KEY, insert

KEYS = TechnicianKeys({"T-0042": KEY, "T-0007": bytes(range(100, 132))})


def test_the_technicians_card_is_accepted(emulator, reader):
    insert(emulator, reader, technician_card("T-0042", KEY))
    assert check_technician(reader, KEYS).value == Technician("T-0042")
    assert check_technician(reader, KEYS).ok  # a fresh challenge each time, and it still answers


def test_a_card_with_the_right_id_but_another_key_is_refused(emulator, reader):
    """A forged card: same UID, same technician id, but it does not hold the key."""
    insert(emulator, reader, technician_card("T-0042", bytes(32)))
    failure = check_technician(reader, KEYS)
    assert failure.code == "pcsc.technician_rejected" and "T-0042" in failure.detail


@dataclass
class ReplayingApplet:
    """A copy made by recording a genuine card once: it answers every challenge with the old answer."""

    recorded: bytes
    aid: bytes = technician.AID

    def process(self, command):
        if command.ins == 0xCA:
            return Response(b"T-0042", 0x9000)
        return Response(self.recorded, 0x9000)


def test_a_recorded_answer_does_not_pass_a_new_challenge(emulator, reader):
    old = technician.expected_answer(KEY, bytes(16), "T-0042")
    insert(emulator, reader, VirtualCard(contactless_atr(b"KIOSKTC"), bytes.fromhex("04C0FFEE"),
                                         (ReplayingApplet(old),)))
    assert check_technician(reader, KEYS, challenge=bytes(16)).ok  # the recorded challenge: it passes ...
    assert check_technician(reader, KEYS).code == "pcsc.technician_rejected"  # ... a fresh one does not


def test_a_copied_uid_alone_is_not_a_technician_card(emulator, reader):
    insert(emulator, reader, blank_card(uid=technician_card("T-0042", KEY).uid))
    assert check_technician(reader, KEYS).code == "pcsc.not_technician_card"


def test_a_technician_this_kiosk_does_not_know(emulator, reader):
    insert(emulator, reader, technician_card("T-9999", KEY))
    failure = check_technician(reader, KEYS)
    assert failure.code == "pcsc.technician_unknown" and "T-9999" in failure.detail


def test_a_citizens_card_is_not_a_technician_card(emulator, reader):
    insert(emulator, reader, social_security_card("A12345678", "11010519491231002X"))
    assert check_technician(reader, KEYS).code == "pcsc.not_technician_card"


def test_no_card(reader):
    assert check_technician(reader, KEYS).code == "pcsc.no_card"


def test_keys_are_secret_and_long_enough():
    assert "T-0042" in repr(KEYS) and KEY.hex() not in repr(KEYS) and repr(KEY) not in repr(KEYS)
    with pytest.raises(ValueError, match="T-1.*16 bytes"):
        TechnicianKeys({"T-1": b"short"})
