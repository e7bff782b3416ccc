"""Command and response APDUs: the bytes cards and readers exchange, and what status words mean."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.pcsc.apdu import GET_UID, BadApdu, Command, Response, describe_sw, select_aid


def test_the_get_uid_pseudo_apdu_is_ff_ca_00_00_00():
    assert GET_UID.encode() == bytes.fromhex("FFCA000000")


def test_select_by_aid():
    assert select_aid(bytes.fromhex("F04B494F534B5443")).encode() == bytes.fromhex("00A4040C08F04B494F534B5443")


@pytest.mark.parametrize("raw, command", [
    ("00B0000010", Command(0x00, 0xB0, le=0x10)),                            # case 2
    ("00A4040C02AABB", Command(0x00, 0xA4, 0x04, 0x0C, b"\xAA\xBB")),       # case 3
    ("0088000002010200", Command(0x00, 0x88, data=b"\x01\x02", le=256)),  # case 4, Le 00 = 256
    ("80CA0001", Command(0x80, 0xCA, 0x00, 0x01)),                          # case 1
])
def test_the_four_cases(raw, command):
    assert Command.decode(bytes.fromhex(raw)) == command
    assert command.encode() == bytes.fromhex(raw)


commands = st.builds(Command, st.integers(0, 255), st.integers(0, 255), st.integers(0, 255), st.integers(0, 255),
                     st.binary(max_size=255), st.none() | st.integers(1, 256))


@given(commands)
def test_commands_survive_the_wire(command):
    assert Command.decode(command.encode()) == command


@given(st.binary(max_size=300))
def test_arbitrary_bytes_give_a_command_or_bad_apdu(raw):
    try:
        Command.decode(raw)
    except BadApdu:
        pass


@pytest.mark.parametrize("raw", ["00A4", "00A4040C05AABB", "00A4040C00AABB"])
def test_malformed_commands_are_refused(raw):
    with pytest.raises(BadApdu):
        Command.decode(bytes.fromhex(raw))


def test_a_command_that_cannot_be_short_is_refused_when_built():
    with pytest.raises(ValueError, match="extended APDU"):
        Command(0x00, 0xD6, data=bytes(256))
    with pytest.raises(ValueError, match="not a byte"):
        Command(0x100, 0xA4)


def test_response_splits_data_and_status_word():
    response = Response.decode(bytes.fromhex("04A1B2C39000"))
    assert (response.data, response.sw, response.sw1, response.sw2) == (bytes.fromhex("04A1B2C3"), 0x9000, 0x90, 0)
    assert response.check("reading the UID").value == bytes.fromhex("04A1B2C3")
    assert response.encode() == bytes.fromhex("04A1B2C39000")
    with pytest.raises(BadApdu):
        Response.decode(b"\x90")


@pytest.mark.parametrize("sw, code", [
    (0x6A82, "pcsc.not_found"), (0x6A83, "pcsc.not_found"), (0x6982, "pcsc.refused"), (0x63C2, "pcsc.refused"),
    (0x6D00, "pcsc.unsupported"), (0x6E00, "pcsc.unsupported"), (0x6F00, "pcsc.card_error"),
    (0x6A81, "pcsc.card_error"),
])
def test_status_words_become_error_codes_that_name_the_word(sw, code):
    failure = Response(b"", sw).check("selecting the application")
    assert failure.code == code
    assert f"{sw:04X}" in failure.detail and "selecting the application" in failure.detail


def test_status_words_are_described_for_technicians():
    assert describe_sw(0x6A82) == "application or file not found"
    assert describe_sw(0x6110) == "16 more bytes available"
    assert describe_sw(0x6C08) == "wrong Le, 8 bytes available"
    assert describe_sw(0x63C1) == "verification failed, 1 tries left"


def test_a_response_repr_shows_no_card_data():
    assert "110105" not in repr(Response(b"110105194912310021", 0x9000))
