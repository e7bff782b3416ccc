"""Social-security cards: card number and number read; the numbers never show in reprs or failures."""

from drivers.pcsc.simcard import (
    SocialSecurityApplet,
    VirtualCard,
    contactless_atr,
    social_security_card,
    technician_card,
)
from drivers.pcsc.socialsecurity import SocialSecurityCard, read_social_security

from .conftest import KEY, insert

NUMBER = "11010519491231002X"


def test_read_the_card(emulator, reader):
    insert(emulator, reader, social_security_card("A12345678", NUMBER))
    card = read_social_security(reader).value
    assert card == SocialSecurityCard("A12345678", NUMBER)
    assert "A12345678" not in repr(card) and "19491231" not in repr(card)
    assert repr(card).count("110105") == 1  # first 6 and last 4 characters only


def test_a_number_with_a_wrong_check_character(emulator, reader):
    insert(emulator, reader, social_security_card("A12345678", "110105194912310021"))
    failure = read_social_security(reader)
    assert failure.code == "pcsc.bad_social_security_record"
    assert "19491231" not in failure.detail and "EF06" in failure.detail


def test_a_record_in_another_form(emulator, reader):
    """A card whose EF05 record is longer than the 9 characters a card number has."""
    card = VirtualCard(contactless_atr(b"SSSE"), applets=(SocialSecurityApplet("A1234567890", NUMBER),))
    insert(emulator, reader, card)
    failure = read_social_security(reader)
    assert failure.code == "pcsc.bad_social_security_record"
    assert "EF05" in failure.detail and "A1234567890" not in failure.detail


def test_another_card_is_not_a_social_security_card(emulator, reader):
    insert(emulator, reader, technician_card("T-0042", KEY))
    failure = read_social_security(reader)
    assert failure.code == "pcsc.not_social_security_card" and "6A82" in failure.detail
