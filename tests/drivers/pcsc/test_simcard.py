"""The simulated cards by themselves: what they answer to each vpcd message (no pcscd involved)."""

from drivers.pcsc import socialsecurity, technician
from drivers.pcsc.apdu import GET_UID, Response
from drivers.pcsc.simcard import (
    STORAGE_CARD_ATR,
    blank_card,
    contactless_atr,
    social_security_card,
    technician_card,
)
from drivers.pcsc.vpcd import ApduMessage, Control, ControlMessage


def ask(card, command):
    return Response.decode(card.receive(ApduMessage(command.encode())))


def test_atr_power_and_reset():
    card = blank_card()
    assert card.receive(ControlMessage(Control.GET_ATR)) == STORAGE_CARD_ATR
    assert card.receive(ControlMessage(Control.POWER_ON)) is None and card.powered
    assert card.receive(ControlMessage(Control.POWER_OFF)) is None and not card.powered


def test_contactless_atr_has_its_check_byte():
    atr = contactless_atr(b"SSSE")
    assert atr[:4] == bytes.fromhex("3B848001") and atr[4:-1] == b"SSSE"
    check = 0
    for byte in atr[1:]:
        check ^= byte
    assert check == 0


def test_uid_and_unknown_application():
    card = blank_card(uid=bytes.fromhex("04112233"))
    assert ask(card, GET_UID) == Response(bytes.fromhex("04112233"), 0x9000)
    assert ask(card, technician.SELECT).sw == 0x6A82


def test_a_reset_deselects_the_application():
    card = technician_card("T-0042", bytes(32))
    assert ask(card, technician.SELECT).ok
    assert ask(card, technician.GET_ID).data == b"T-0042"
    card.receive(ControlMessage(Control.RESET))
    assert ask(card, technician.GET_ID).sw == 0x6E00  # no application selected: CLA 80 unknown


def test_technician_applet_answers_the_challenge_with_its_key():
    key, challenge = bytes(range(32)), bytes(16)
    card = technician_card("T-0042", key)
    ask(card, technician.SELECT)
    answer = ask(card, technician.authenticate(challenge))
    assert answer.ok and answer.data == technician.expected_answer(key, challenge, "T-0042")
    assert ask(card, technician.authenticate(b"short")).sw == 0x6700


def test_social_security_records_are_tag_length_value():
    card = social_security_card("A12345678", "11010519491231002X")
    assert ask(card, socialsecurity.SELECT_SSSE).ok
    answer = ask(card, socialsecurity.read_record(*socialsecurity.CARD_NUMBER))
    assert answer.data == b"\x07\x09A12345678"
    assert ask(card, socialsecurity.read_record(5, 0x01, 9)).sw == 0x6A83


def test_a_snapshot_for_the_developer_panel_has_no_personal_data():
    card = social_security_card("A12345678", "11010519491231002X")
    ask(card, socialsecurity.SELECT_SSSE)
    shown = repr(card.snapshot()) + repr(card)
    assert "A12345678" not in shown and "19491231" not in shown
    assert card.snapshot()["selected"] == socialsecurity.SSSE_NAME.hex().upper()
    assert "key=<secret>" in repr(technician_card("T-1", bytes(32)).applets)
