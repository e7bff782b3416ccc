"""vpcd's socket protocol: 2-byte big-endian length, then a control byte or an APDU."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drivers.pcsc import vpcd
from drivers.pcsc.vpcd import ApduMessage, Control, ControlMessage
from drivers.protocol import FrameError

GET_ATR = bytes.fromhex("000104")
SELECT = bytes.fromhex("000700A4040C02AABB")


def decode_all(data):
    messages, buffer = [], data
    while True:
        message, buffer = vpcd.decode(buffer)
        if message is None:
            return messages, buffer
        messages.append(message)


def test_control_messages():
    for byte, control in [(0, Control.POWER_OFF), (1, Control.POWER_ON), (2, Control.RESET), (4, Control.GET_ATR)]:
        assert vpcd.decode(bytes((0, 1, byte))) == (ControlMessage(control), b"")


def test_an_apdu_and_what_follows_it():
    assert vpcd.decode(SELECT + GET_ATR) == (ApduMessage(bytes.fromhex("00A4040C02AABB")), GET_ATR)


def test_byte_by_byte():
    stream, buffer, messages = GET_ATR + SELECT + GET_ATR, b"", []
    for byte in stream:
        buffer += bytes((byte,))
        found, buffer = decode_all(buffer)
        messages += found
    assert messages == [ControlMessage(Control.GET_ATR), ApduMessage(SELECT[2:]), ControlMessage(Control.GET_ATR)]
    assert buffer == b""


def test_unknown_control_byte_and_empty_message_are_frame_errors_with_the_rest():
    with pytest.raises(FrameError) as bad:
        vpcd.decode(bytes.fromhex("000103") + GET_ATR)
    assert bad.value.rest == GET_ATR
    with pytest.raises(FrameError, match="length 0"):
        vpcd.decode(bytes.fromhex("0000") + GET_ATR)


def test_encode_round_trip_and_card_replies():
    assert vpcd.encode(ControlMessage(Control.RESET)) == bytes.fromhex("000102")
    assert vpcd.encode(ApduMessage(b"\xFF\xCA\x00\x00\x00")) == bytes.fromhex("0005FFCA000000")
    assert vpcd.decode_reply(vpcd.frame(b"\x3B\x00") + b"\x00") == (b"\x3B\x00", b"\x00")
    assert vpcd.decode_reply(b"\x00\x05\x3B") == (None, b"\x00\x05\x3B")
    with pytest.raises(ValueError):
        vpcd.encode(ApduMessage(b"\x00"))


@given(st.binary(max_size=64))
def test_arbitrary_bytes_raise_only_frame_errors(data):
    try:
        decode_all(data)
    except FrameError:
        pass


def test_the_default_port_is_the_one_debian_gives_the_first_virtual_reader():
    """`kiosk run --simulate` on a machine whose pcscd has Debian's vpcd configuration finds its reader."""
    config = Path("/etc/reader.conf.d/vpcd").read_text(encoding="ascii").split()
    assert int(config[config.index("CHANNELID") + 1], 0) == vpcd.DEFAULT_PORT == 35963
