"""The 8A/80 XOR boards byte by byte (device-protocols.md 3.2)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.locker import xor8a
from drivers.locker.xor8a import Frame, Xor8A80, decode_command, decode_reply, encode
from drivers.protocol import ChecksumError, FrameError
from tests.drivers.codec_checks import decode_all

QUERY_ALL_REPLY = bytes.fromhex("80010101013 3B3".replace(" ", ""))  # locks 1, 9 and 17 closed


@pytest.mark.parametrize("wire", ["8A0101119B", "8A0105119F", "8A0100119A", "80010133B3", "80010033B2"])
def test_worked_commands(wire):
    frame, rest = decode_command(bytes.fromhex(wire))
    assert rest == b"" and encode(frame) == bytes.fromhex(wire)


def test_board_protocol_commands():
    boards = Xor8A80()
    assert boards.encode_open(1, 1) == bytes.fromhex("8A0101119B")
    assert boards.encode_open(1, 5) == bytes.fromhex("8A0105119F")
    assert boards.encode_query(1) == bytes.fromhex("80010033B2")


def test_query_all_reply():
    reply, rest = Xor8A80().decode(QUERY_ALL_REPLY)
    assert rest == b"" and reply.board == 1
    assert reply.closed == frozenset({1, 9, 17}) and reply.reported == frozenset(range(1, 25))
    assert reply.items is None


def test_open_replies():
    boards = Xor8A80()
    opened, _ = boards.decode(boards.open_reply(1, 5, closed=False))
    stuck, _ = boards.decode(boards.open_reply(1, 5, closed=True))
    assert opened.reported == frozenset({5}) and opened.closed == frozenset()
    assert stuck.closed == frozenset({5})


def test_byte_by_byte_with_garbage_between():
    buffer, frames = b"", []
    for byte in b"\x11\x22" + QUERY_ALL_REPLY + b"\x33" + QUERY_ALL_REPLY:
        frame, buffer = decode_reply(buffer + bytes([byte]))
        if frame is not None:
            frames.append(frame)
    assert len(frames) == 2 and buffer == b""


def test_truncated_frame_waits():
    assert decode_reply(QUERY_ALL_REPLY[:6]) == (None, QUERY_ALL_REPLY[:6])


def test_bad_checksum_and_bad_frame():
    with pytest.raises(ChecksumError) as err:
        decode_reply(QUERY_ALL_REPLY[:-1] + b"\x00" + b"rest")
    assert err.value.rest == b"rest"
    with pytest.raises(FrameError):
        decode_reply(encode(Frame(xor8a.QUERY_HEAD, bytes([1, 0, 0, 0, 0x44]))))
    with pytest.raises(FrameError):
        Xor8A80().decode(encode(Frame(xor8a.OPEN_HEAD, bytes([1, 1, 0x55]))))


def test_settings():
    boards = Xor8A80(closed_bit=0, channel_base=0)
    reply, _ = boards.decode(QUERY_ALL_REPLY)
    assert 0 not in reply.closed and 1 in reply.closed and reply.reported == frozenset(range(24))
    assert boards.encode_open(1, 0) == bytes.fromhex("8A0101119B")
    with pytest.raises(ValueError):
        boards.encode_open(0, 1)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 255), st.sets(st.integers(1, 24)))
def test_query_reply_round_trip(board, closed):
    boards = Xor8A80()
    reply, rest = boards.decode(boards.query_reply(board, frozenset(closed)))
    assert rest == b"" and reply.board == board and reply.closed == frozenset(closed)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_raise_only_protocol_errors(data):
    for decode in (decode_reply, decode_command, Xor8A80().decode):
        decode_all(decode, data)
