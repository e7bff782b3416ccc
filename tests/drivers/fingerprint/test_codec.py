"""The EF01 packet codec, byte by byte against the reference's worked frames, and the hard cases."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.fingerprint import codec
from drivers.fingerprint import commands as cmd
from drivers.fingerprint.codec import ACK, COMMAND, DATA, END, Packet, decode, encode
from drivers.protocol import ChecksumError, FrameError
from tests.drivers.codec_checks import decode_all

# (payload, the frame in device-protocols.md 2.7)
WORKED_COMMANDS = [
    (cmd.verify_password(0), "EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B"),
    (cmd.gen_img(), "EF 01 FF FF FF FF 01 00 03 01 00 05"),
    (cmd.img2tz(1), "EF 01 FF FF FF FF 01 00 04 02 01 00 08"),
    (cmd.img2tz(2), "EF 01 FF FF FF FF 01 00 04 02 02 00 09"),
    (cmd.reg_model(), "EF 01 FF FF FF FF 01 00 03 05 00 09"),
    (cmd.store(1, 5), "EF 01 FF FF FF FF 01 00 06 06 01 00 05 00 13"),
    (cmd.search(1, 0, 1000), "EF 01 FF FF FF FF 01 00 08 04 01 00 00 03 E8 00 F9"),
    (cmd.delete_char(5, 1), "EF 01 FF FF FF FF 01 00 07 0C 00 05 00 01 00 1A"),
    (cmd.read_sys_para(), "EF 01 FF FF FF FF 01 00 03 0F 00 13"),
    (cmd.template_num(), "EF 01 FF FF FF FF 01 00 03 1D 00 21"),
]

WORKED_ACKS = [
    (b"\x00", "EF 01 FF FF FF FF 07 00 03 00 00 0A"),
    (b"\x02", "EF 01 FF FF FF FF 07 00 03 02 00 0C"),
    (bytes.fromhex("0000050064"), "EF 01 FF FF FF FF 07 00 07 00 00 05 00 64 00 77"),
    (b"\x09", "EF 01 FF FF FF FF 07 00 03 09 00 13"),
]


@pytest.mark.parametrize("payload, frame", WORKED_COMMANDS)
def test_commands_encode_to_the_worked_frames(payload, frame):
    assert encode(codec.command(payload)) == bytes.fromhex(frame)
    assert decode(bytes.fromhex(frame)) == (Packet(COMMAND, payload), b"")


@pytest.mark.parametrize("payload, frame", WORKED_ACKS)
def test_acks_decode_from_the_worked_frames(payload, frame):
    assert decode(bytes.fromhex(frame)) == (Packet(ACK, payload), b"")
    assert encode(codec.ack(payload)) == bytes.fromhex(frame)


def test_another_address_is_carried():
    frame = encode(codec.command(cmd.gen_img(), address=0x12345678))
    assert frame[2:6] == bytes.fromhex("12345678")
    assert decode(frame)[0].address == 0x12345678


def test_a_frame_fed_byte_by_byte_waits_then_decodes():
    frame = bytes.fromhex(WORKED_ACKS[2][1])
    buffer = b""
    for i, byte in enumerate(frame):
        buffer += bytes([byte])
        packet, buffer = decode(buffer)
        if i < len(frame) - 1:
            assert packet is None
    assert packet == Packet(ACK, bytes.fromhex("0000050064")) and buffer == b""


def test_garbage_before_and_between_frames_is_skipped():
    ok, no_finger = bytes.fromhex(WORKED_ACKS[0][1]), bytes.fromhex(WORKED_ACKS[1][1])
    packet, rest = decode(b"\x00\xff\x55\xef" + ok + b"noise\x01" + no_finger)
    assert packet.payload == b"\x00"
    packet, rest = decode(rest)
    assert packet.payload == b"\x02" and rest == b""


def test_garbage_alone_is_dropped_but_a_trailing_header_half_is_kept():
    assert decode(b"no header here") == (None, b"")
    assert decode(b"junk\xef") == (None, b"\xef")


def test_a_truncated_frame_waits_from_its_header():
    frame = bytes.fromhex(WORKED_ACKS[2][1])
    assert decode(b"xx" + frame[:10]) == (None, frame[:10])


def test_a_bad_checksum_is_typed_and_rest_is_the_next_frame():
    frame = bytearray.fromhex(WORKED_ACKS[0][1])
    frame[-1] ^= 0x01
    following = bytes.fromhex(WORKED_ACKS[1][1])
    with pytest.raises(ChecksumError) as err:
        decode(bytes(frame) + following)
    assert err.value.rest == following and err.value.code == "device.bad_checksum"


@pytest.mark.parametrize("header", ["EF 01 FF FF FF FF 05 00 03", "EF 01 FF FF FF FF 07 00 01",
                                    "EF 01 FF FF FF FF 02 01 03"])
def test_impossible_pid_or_length_is_a_frame_error_resynchronising_after_the_header(header):
    raw = bytes.fromhex(header) + bytes.fromhex(WORKED_ACKS[0][1])
    with pytest.raises(FrameError) as err:
        decode(raw)
    assert err.value.rest == raw[2:]
    assert decode(err.value.rest)[0] == Packet(ACK, b"\x00")


def test_data_packets_honour_the_packet_size_and_end_with_pid_08():
    chunks = codec.data_packets(bytes(range(256)) * 2, 128)
    assert [p.pid for p in chunks] == [DATA, DATA, DATA, END]
    assert all(len(p.payload) == 128 for p in chunks)
    assert codec.data_packets(b"abc", 32) == [Packet(END, b"abc")]
    with pytest.raises(ValueError):
        codec.data_packets(b"abc", 100)


def test_a_payload_over_256_bytes_is_a_programming_error():
    with pytest.raises(ValueError):
        Packet(DATA, bytes(257))
    with pytest.raises(ValueError):
        Packet(0x05, b"")


def test_system_parameters_parse_and_encode():
    raw = bytes.fromhex("0004 0000 012C 0003 FFFFFFFF 0002 0006".replace(" ", ""))
    params = cmd.SystemParameters.parse(raw)
    assert (params.capacity, params.security_level) == (300, 3)
    assert (params.packet_size, params.baudrate) == (128, 57600)
    assert params.address == 0xFFFFFFFF and params.encode() == raw
    with pytest.raises(ValueError):
        cmd.SystemParameters.parse(raw[:15])


def test_index_table_bits_name_slots():
    table = bytes([0b00000101, 0, 0x80]) + bytes(29)
    assert cmd.used_pages(table, 1) == {256, 258, 256 + 23}


packets = st.builds(Packet, st.sampled_from([COMMAND, DATA, ACK, END]), st.binary(max_size=256),
                    st.integers(0, 0xFFFFFFFF))


@settings(max_examples=200, deadline=None)
@given(packets, st.binary(max_size=20).filter(lambda b: b"\xef" not in b))
def test_round_trip_after_garbage(packet, garbage):
    assert decode(garbage + encode(packet)) == (packet, b"")


@settings(max_examples=200, deadline=None)
@given(st.lists(packets, min_size=1, max_size=4), st.integers(1, 50))
def test_split_anywhere_every_packet_comes_out(sent, chunk):
    stream, got, buffer = b"".join(encode(p) for p in sent), [], b""
    for i in range(0, len(stream), chunk):
        buffer += stream[i:i + chunk]
        while True:
            packet, buffer = decode(buffer)
            if packet is None:
                break
            got.append(packet)
    assert got == sent


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_protocol_errors_and_always_shrink(data):
    decode_all(decode, b"\xef\x01" + data)
