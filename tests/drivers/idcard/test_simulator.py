"""The simulated reader at the byte level: the datasheet's state machine and its answers to bad frames."""

import json

import pytest

from drivers.idcard.codec import Command, decode_response, encode
from drivers.idcard.commands import (
    FIND_CARD,
    READ_BASE,
    READ_WITH_FINGERPRINT,
    RESET,
    SAM_STATUS,
    SELECT_CARD,
)
from drivers.idcard.simulator import create

FIND_OK = bytes.fromhex("AAAAAA9669 0008 00009F 00000000 97")
FIND_FAILED = bytes.fromhex("AAAAAA9669 0004 000080 84")
SELECT_OK = bytes.fromhex("AAAAAA9669 000C 000090 0000000000000000 9C")


def sw3(answer: bytes) -> int:
    frame, rest = decode_response(answer)
    assert rest == b""
    return frame.sw3


def test_find_without_a_card_then_with_one(sample):
    sim = create()
    assert sim.receive(encode(FIND_CARD)) == FIND_FAILED
    sim.put_card(sample)
    assert sim.receive(encode(FIND_CARD)) == FIND_OK
    assert sim.receive(encode(SELECT_CARD)) == SELECT_OK


def test_select_before_find_and_read_before_select_fail(sample):
    sim = create()
    sim.put_card(sample)
    assert sw3(sim.receive(encode(SELECT_CARD))) == 0x81
    assert sw3(sim.receive(encode(READ_BASE))) == 0x41
    sim.receive(encode(FIND_CARD))
    assert sw3(sim.receive(encode(READ_BASE))) == 0x41
    sim.receive(encode(SELECT_CARD))
    answer = sim.receive(encode(READ_BASE))
    assert len(answer) == 1295 and answer[:14] == bytes.fromhex("AAAAAA96690508000090 01000400")


@pytest.mark.parametrize("templates, total", [(0, 1297), (1, 1809), (2, 2321)])
def test_read_with_fingerprints_has_the_datasheets_sizes(sample, templates, total):
    sim = create({"card": dict(sample, fingerprints=templates), "phase": "selected"})
    assert len(sim.receive(encode(READ_WITH_FINGERPRINT))) == total


def test_commands_split_into_single_bytes_and_with_garbage_are_answered_once():
    sim = create()
    wire = b"\x00\xaa" + encode(SAM_STATUS) + b"\x13" + encode(RESET)
    answers = b"".join(sim.receive(bytes([b])) for b in wire)
    assert answers == bytes.fromhex("AAAAAA9669 0004 000090 94") * 2


def test_bad_checksum_length_and_command_get_sw3_10_11_21():
    sim = create()
    assert sw3(sim.receive(encode(SAM_STATUS)[:-1] + b"\x00")) == 0x10
    assert sw3(sim.receive(bytes.fromhex("AAAAAA9669 0001 00"))) == 0x11
    assert sw3(sim.receive(encode(Command(0x55, 0x01)))) == 0x21
    assert sw3(sim.receive(encode(SAM_STATUS))) == 0x90  # and it goes on working


def test_a_faulty_sam_answers_every_command_with_its_fault(sample):
    sim = create({"card": sample})
    sim.sam_fault(0x60)
    assert [sw3(sim.receive(encode(c))) for c in (SAM_STATUS, RESET, FIND_CARD)] == [0x60] * 3
    sim.clear_sam_fault()
    assert sw3(sim.receive(encode(FIND_CARD))) == 0x9F


def test_the_card_taken_during_a_read(sample):
    sim = create({"card": sample, "phase": "selected"})
    sim.take_card_during_next_read()
    assert sw3(sim.receive(encode(READ_BASE))) == 0x41
    assert sim.receive(encode(FIND_CARD)) == FIND_FAILED


def test_baud_rate_commands_are_recorded():
    sim = create()
    assert sw3(sim.receive(bytes.fromhex("AAAAAA9669 0003 6000 63"))) == 0x90
    assert sw3(sim.receive(encode(Command(0x60, 0x04)))) == 0x90
    assert sim.snapshot()["baudrate"] == 9600


def test_snapshot_is_json_and_restores(sample):
    sim = create()
    sim.put_card(sample)
    sim.receive(encode(FIND_CARD))
    state = json.loads(json.dumps(sim.snapshot()))
    again = create(state)
    assert again.snapshot() == sim.snapshot()
    assert again.receive(encode(SELECT_CARD)) == SELECT_OK


def test_wire_faults_apply_to_the_next_answer_only():
    sim = create()
    sim.corrupt_next_answer("truncated")
    assert len(sim.receive(encode(SAM_STATUS))) == 5
    assert sw3(sim.receive(encode(SAM_STATUS))) == 0x90
    with pytest.raises(ValueError):
        sim.corrupt_next_answer("fire")


def test_put_card_checks_its_fields(sample):
    with pytest.raises(ValueError):
        create().put_card(dict(sample, favourite_colour="blue"))
    with pytest.raises(ValueError):
        create().put_card(dict(sample, fingerprints=3))
