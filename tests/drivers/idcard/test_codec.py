"""The SAM frame codec, byte by byte: worked frames from the datasheet, resynchronisation, bad frames."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.idcard.codec import (
    MAX_LEN,
    PREAMBLE,
    Command,
    Response,
    checksum,
    decode_command,
    decode_response,
    encode,
)
from drivers.idcard.commands import (
    FIND_CARD,
    READ_BASE,
    READ_WITH_FINGERPRINT,
    RESET,
    SAM_ID,
    SAM_STATUS,
    SELECT_CARD,
)
from drivers.protocol import ChecksumError, FrameError
from tests.drivers.codec_checks import decode_all

FIND_OK = bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")
FIND_FAILED = bytes.fromhex("AAAAAA9669 0004 000080 84")
SELECT_OK = bytes.fromhex("AAAAAA9669 000C 000090 0000000000000000 9C")


@pytest.mark.parametrize("command, wire", [
    (RESET, "AAAAAA9669 0003 10FF EC"),
    (SAM_STATUS, "AAAAAA9669 0003 11FF ED"),
    (SAM_ID, "AAAAAA9669 0003 12FF EE"),
    (FIND_CARD, "AAAAAA9669 0003 2001 22"),
    (SELECT_CARD, "AAAAAA9669 0003 2002 21"),
    (READ_BASE, "AAAAAA9669 0003 3001 32"),
    (READ_WITH_FINGERPRINT, "AAAAAA9669 0003 3010 23"),
    (Command(0x61, 0xFF, b"\x50"), "AAAAAA9669 0004 61FF50 CA"),
])
def test_commands_encode_to_the_datasheet_bytes(command, wire):
    assert encode(command) == bytes.fromhex(wire)
    assert decode_command(bytes.fromhex(wire)) == (command, b"")


@pytest.mark.parametrize("wire, response", [
    (FIND_OK, Response(0, 0, 0x9F, bytes(4))),
    (FIND_FAILED, Response(0, 0, 0x80)),
    (SELECT_OK, Response(0, 0, 0x90, bytes(8))),
    (bytes.fromhex("AAAAAA9669 0004 000090 94"), Response(0, 0, 0x90)),
    (bytes.fromhex("AAAAAA9669 0004 000041 45"), Response(0, 0, 0x41)),
    (bytes.fromhex("AAAAAA9669 0004 000032 36"), Response(0, 0, 0x32)),
])
def test_worked_response_frames_decode(wire, response):
    assert decode_response(wire) == (response, b"")
    assert encode(response) == wire


def test_read_answer_header_matches_the_datasheet():
    wire = encode(Response(0, 0, 0x90, b"\x01\x00\x04\x00" + bytes(256 + 1024)))
    assert len(wire) == 1295
    assert wire[:14] == bytes.fromhex("AAAAAA96690508000090 01000400")


def test_byte_by_byte():
    buffer, frames = b"", []
    for byte in FIND_OK + SELECT_OK:
        frame, buffer = decode_response(buffer + bytes([byte]))
        if frame is not None:
            frames.append(frame)
    assert [f.sw3 for f in frames] == [0x9F, 0x90] and buffer == b""


def test_garbage_before_and_between_frames_is_skipped():
    buffer = b"\x00\x13\xaa\xaa" + FIND_OK + b"\x96\x69\xaa" + SELECT_OK
    first, rest = decode_response(buffer)
    second, rest = decode_response(rest)
    assert (first.sw3, second.sw3, rest) == (0x9F, 0x90, b"")


def test_garbage_alone_keeps_only_a_possible_preamble_start():
    assert decode_response(b"\x01\x02\x03") == (None, b"")
    assert decode_response(b"\x01\x02\xaa\xaa") == (None, b"\xaa\xaa")
    assert decode_response(b"\x01\xaa\xaa\xaa\x96") == (None, b"\xaa\xaa\xaa\x96")


@pytest.mark.parametrize("cut", [1, 5, 6, 7, 10, len(SELECT_OK) - 1])
def test_a_split_frame_waits_for_the_rest(cut):
    assert decode_response(b"xx" + SELECT_OK[:cut]) == (None, SELECT_OK[:cut] if cut > 0 else b"")
    assert decode_response(SELECT_OK[:cut] + SELECT_OK[cut:])[0].sw3 == 0x90


def test_a_bad_checksum_is_typed_and_keeps_what_follows():
    bad = FIND_OK[:-1] + b"\x00"
    with pytest.raises(ChecksumError) as err:
        decode_response(bad + SELECT_OK)
    assert err.value.code == "device.bad_checksum" and err.value.rest == SELECT_OK


@pytest.mark.parametrize("length", [b"\x00\x00", b"\x00\x03", b"\xff\xff", (MAX_LEN + 1).to_bytes(2, "big")])
def test_an_impossible_length_is_a_frame_error_and_decoding_resynchronises(length):
    with pytest.raises(FrameError) as err:
        decode_response(PREAMBLE + length + b"\x00" + FIND_OK)
    assert err.value.code == "device.bad_frame"
    assert decode_response(err.value.rest) == (Response(0, 0, 0x9F, bytes(4)), b"")


def test_a_command_needs_cmd_and_para():
    with pytest.raises(FrameError):
        decode_command(PREAMBLE + b"\x00\x02\x10\x12")


def test_reprs_show_sizes_not_data():
    assert "张" not in repr(Response(0, 0, 0x90, "张三".encode("utf-16-le")))
    assert repr(Response(0, 0, 0x90, bytes(4))) == "Response(SW 00 00 90, 4 data bytes)"


def test_checksum_is_xor_of_len_to_data():
    assert checksum(bytes.fromhex("0003 2001")) == 0x22


responses = st.builds(Response, st.integers(0, 255), st.integers(0, 255), st.integers(0, 255),
                      st.binary(max_size=300))
commands = st.builds(Command, st.integers(0, 255), st.integers(0, 255), st.binary(max_size=40))
# garbage without 0x96 can never hold a preamble, but may end in AA AA just before one
garbage = st.binary(max_size=12).map(lambda b: b.replace(b"\x96", b"\xaa"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(garbage, responses), max_size=4), st.data())
def test_frames_among_garbage_in_any_split_decode_in_order(items, data):
    wire = b"".join(g + encode(r) for g, r in items)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(wire)), max_size=6)))
    buffer, decoded = b"", []
    for start, end in zip([0, *cuts], [*cuts, len(wire)]):
        buffer += wire[start:end]
        while True:
            frame, buffer = decode_response(buffer)
            if frame is None:
                break
            decoded.append(frame)
    assert decoded == [r for _, r in items]


@settings(max_examples=200, deadline=None)
@given(commands)
def test_commands_round_trip(command):
    assert decode_command(encode(command)) == (command, b"")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64), st.sampled_from([b"", PREAMBLE, PREAMBLE + b"\x00"]))
def test_arbitrary_bytes_raise_only_protocol_errors_and_always_progress(noise, prefix):
    decode_all(decode_response, prefix + noise)
