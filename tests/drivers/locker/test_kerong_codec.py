"""KR-CU16 frames byte by byte: the worked examples of device-protocols.md 3.1, resync, split, bad frames."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.locker import kerong
from drivers.locker.kerong import BoardData, Command, KerongCU16, decode_command, decode_reply, encode
from drivers.protocol import ChecksumError, FrameError
from tests.drivers.codec_checks import decode_all

REPLY = bytes.fromhex("020035FEFF00000337")  # board 0: lock 1 open, the other hooks closed, no item


@pytest.mark.parametrize("command, wire", [
    (Command(0x00, kerong.UNLOCK), "0200310336"),
    (Command(0x01, kerong.UNLOCK), "0201310337"),
    (Command(0x0F, kerong.UNLOCK), "020F310345"),
    (Command(0x12, kerong.UNLOCK), "0212310348"),
    (Command(0x00, kerong.QUERY), "0200300335"),
    (Command(0xF0, kerong.QUERY_BUS), "02F0320327"),
    (Command(0x00, kerong.UNLOCK_ALL), "0200330338"),
])
def test_worked_commands(command, wire):
    assert encode(command).hex().upper() == wire.upper()
    assert decode_command(bytes.fromhex(wire)) == (command, b"")


def test_worked_reply():
    assert decode_reply(REPLY) == (BoardData(0x00, 0xFFFE, 0x0000), b"")
    assert encode(BoardData(0x00, 0xFFFE, 0)) == REPLY


def test_board_protocol_encodes_by_board_and_channel():
    cu16 = KerongCU16()
    assert cu16.encode_open(1, 3) == bytes.fromhex("0212310348")
    assert cu16.encode_query(0) == bytes.fromhex("0200300335")
    reply, rest = cu16.decode(REPLY + b"\x02")
    assert rest == b"\x02"
    assert reply.board == 0 and 1 not in reply.closed and reply.closed == frozenset(range(2, 17))
    assert reply.items == frozenset()


def test_byte_by_byte():
    buffer, frames = b"", []
    for byte in REPLY * 2:
        frame, buffer = decode_reply(buffer + bytes([byte]))
        if frame is not None:
            frames.append(frame)
    assert frames == [BoardData(0, 0xFFFE, 0)] * 2 and buffer == b""


def test_garbage_before_and_between_frames_is_skipped():
    noise = b"\xff\x00\x02\x01\x02"  # STX bytes in noise that do not start a reply
    frame, rest = decode_reply(noise + REPLY + noise + REPLY)
    assert frame == BoardData(0, 0xFFFE, 0)
    frame, rest = decode_reply(rest)
    assert frame == BoardData(0, 0xFFFE, 0) and rest == b""


def test_split_and_truncated_frames_wait_for_more():
    assert decode_reply(REPLY[:1]) == (None, REPLY[:1])
    assert decode_reply(b"junk" + REPLY[:8]) == (None, REPLY[:8])
    assert decode_reply(b"junk") == (None, b"")


def test_bad_checksum_is_typed_and_keeps_what_follows():
    bad = REPLY[:-1] + b"\x00"
    with pytest.raises(ChecksumError) as err:
        decode_reply(bad + REPLY)
    assert err.value.code == "device.bad_checksum" and err.value.rest == REPLY


def test_missing_etx_is_a_frame_error_that_resyncs_on_the_next_byte():
    bad = REPLY[:7] + b"\x04" + REPLY[8:]
    with pytest.raises(FrameError) as err:
        decode_reply(bad + REPLY)
    assert decode_reply(err.value.rest) == (BoardData(0, 0xFFFE, 0), b"")


def test_settings_polarity_and_channel_base():
    inverted = KerongCU16(closed_bit=0, channel_base=0)
    reply = inverted.reply(BoardData(0x10, 0x0001, 0x0000))
    assert reply.board == 1 and reply.reported == frozenset(range(16))
    assert reply.closed == frozenset(range(1, 16))  # bit 0 set = lock 0 open, the others closed
    assert inverted.encode_open(1, 0) == encode(Command(0x10, kerong.UNLOCK))
    with pytest.raises(ValueError):
        inverted.encode_open(1, 16)
    with pytest.raises(ValueError):
        KerongCU16().encode_query(16)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 255), st.integers(0, 0xFFFF), st.integers(0, 0xFFFF))
def test_reply_round_trip(address, hooks, sensors):
    data = BoardData(address, hooks, sensors)
    assert decode_reply(encode(data)) == (data, b"")


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 255), st.sampled_from(sorted(kerong.COMMANDS)))
def test_command_round_trip(address, cmd):
    assert decode_command(encode(Command(address, cmd))) == (Command(address, cmd), b"")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_raise_only_protocol_errors(data):
    for decode in (decode_reply, decode_command, KerongCU16().decode):
        decode_all(decode, data)
