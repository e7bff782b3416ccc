"""The simulated module on its own: bytes in, bytes out, as the datasheet describes; its state file."""

import json

import pytest

from drivers.fingerprint import codec, synthetic
from drivers.fingerprint import commands as cmd
from drivers.fingerprint.codec import ACK, DATA, END
from drivers.fingerprint.simulator import DEFAULT_BAUDRATE, create

from .conftest import packets


def ask(module, payload, address=codec.DEFAULT_ADDRESS):
    return packets(module.receive(codec.encode(codec.command(payload, address))))


def test_default_link_is_57600_and_state_round_trips_through_json():
    assert DEFAULT_BAUDRATE == 57600
    module = create({"capacity": 50, "security_level": 4})
    module.library[7] = synthetic.scan("alice", 90)
    module.place_finger("bob", 66)
    again = create(json.loads(json.dumps(module.snapshot())))
    assert again.snapshot() == module.snapshot()
    assert again.library[7] == module.library[7] and again.finger == ("bob", 66)


@pytest.mark.parametrize("state, error", [
    ({"colour": "red"}, TypeError), ({"packet_size_code": 9}, ValueError),
    ({"capacity": 2, "library": {"5": "00"}}, ValueError), ({"finger": {"quality": 3}}, KeyError)])
def test_a_state_it_does_not_know_is_refused(state, error):
    with pytest.raises(error):
        create(state)


def test_answers_the_worked_frames():
    module, gen_img = create(), bytes.fromhex("EF01FFFFFFFF010003010005")
    assert module.receive(gen_img) == bytes.fromhex("EF01FFFFFFFF07000302000C")  # no finger
    module.place_finger("alice")
    assert module.receive(gen_img) == bytes.fromhex("EF01FFFFFFFF07000300000A")  # OK


def test_input_split_anywhere_is_buffered():
    module = create()
    frame = codec.encode(codec.command(cmd.template_num()))
    assert module.receive(frame[:5]) == b"" and module.receive(frame[5:11]) == b""
    assert packets(module.receive(frame[11:]))[0].payload == b"\x00\x00\x00"


def test_a_damaged_command_is_answered_01_and_another_address_is_ignored():
    module = create()
    frame = bytearray(codec.encode(codec.command(cmd.template_num())))
    frame[-1] ^= 1
    assert packets(module.receive(bytes(frame)))[0].payload == b"\x01"
    assert ask(module, cmd.template_num(), address=0x01020304) == []


def test_until_the_password_is_verified_only_vfypwd_is_answered():
    module = create({"password": 7})
    assert ask(module, cmd.template_num())[0].payload == b"\x21"
    assert ask(module, cmd.verify_password(6))[0].payload == b"\x13"
    assert ask(module, cmd.verify_password(7))[0].payload == b"\x00"
    assert ask(module, cmd.template_num())[0].payload == b"\x00\x00\x00"


def test_templates_come_from_the_identity():
    module = create()
    module.place_finger("alice", 90)
    ask(module, cmd.gen_img())
    ask(module, cmd.img2tz(1))
    assert module.buffers[1] == synthetic.scan("alice", 90)
    assert synthetic.score(synthetic.scan("alice", 90), synthetic.scan("alice", 40)) >= module.threshold
    assert synthetic.score(synthetic.scan("alice", 90), synthetic.scan("bob", 90)) < module.threshold


def test_upload_sends_an_ack_then_packets_of_the_packet_size():
    module = create({"packet_size_code": 1})
    module.buffers[1] = synthetic.scan("alice", 90)
    answer = ask(module, cmd.up_char(1))
    assert answer[0].pid == ACK and [p.pid for p in answer[1:]] == [DATA] * 7 + [END]
    assert b"".join(p.payload for p in answer[1:]) == module.buffers[1]


def test_a_download_in_packets_over_the_packet_size_is_not_taken():
    module = create({"packet_size_code": 0})
    assert ask(module, cmd.down_char(2))[0].payload == b"\x00"
    for packet in codec.data_packets(synthetic.scan("alice", 90), 64):
        assert module.receive(codec.encode(packet)) == b""
    assert module.buffers[2] is None


def test_library_bounds():
    module = create({"capacity": 2})
    module.buffers[1] = synthetic.scan("alice", 90)
    assert ask(module, cmd.store(1, 2))[0].payload == b"\x0b"
    assert ask(module, cmd.store(1, 1))[0].payload == b"\x00"
    assert ask(module, cmd.read_index_table(0))[0].payload == b"\x00\x02" + bytes(31)
    assert ask(module, cmd.delete_char(1, 2))[0].payload == b"\x10"
