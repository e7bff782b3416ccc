"""The simulator's own contract: state in and out, the default wall, and the datasheet's replies."""

import json

from drivers.locker import kerong, simulator


def test_default_state_round_trips_through_json():
    model = simulator.create()
    assert len(model.wall.doors) == 24 and model.on_bus == [0, 1]
    model.receive(bytes.fromhex("0200310336"))  # unlock board 0 lock 1 = door 1
    model.jam(2)
    state = json.loads(json.dumps(model.snapshot()))
    again = simulator.create(state)
    assert again.snapshot() == state
    assert again.door_is_open(1) and again.locks[(0, 2)].jammed


def test_answers_per_datasheet_and_stays_silent_for_absent_boards():
    model = simulator.create()
    reply = model.receive(bytes.fromhex("0200300335"))
    assert reply == kerong.encode(kerong.BoardData(0x00, 0xFFFF, 0))
    assert model.receive(bytes.fromhex("0220300355")) == b""   # board 2 is not on the bus
    assert model.receive(bytes.fromhex("02F0320327")) == b""   # the bus-wide query is not simulated


def test_commands_split_across_reads_and_bad_frames_are_ignored():
    model = simulator.create()
    assert model.receive(b"\x02\x00\x31") == b""
    assert model.receive(b"\x03\x36") != b""
    assert model.receive(bytes.fromhex("0201310300")) == b""  # bad checksum: a board ignores it
    assert model.fired == [(0, 1)]


def test_unlock_all():
    model = simulator.create()
    model.receive(bytes.fromhex("0210330348"))
    assert [c for b, c in model.fired if b == 1] == list(range(1, 17))
