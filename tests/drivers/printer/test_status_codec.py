"""Status replies: the bit patterns of DLE EOT 1..4 and GS r 1, garbage refused, the common statuses."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.printer.status import Condition, PaperSensorStatus, RealTimeStatus, decode_reply, status_request
from drivers.protocol import FrameError
from drivers.status import State
from tests.drivers.codec_checks import decode_all


def test_requests_are_dle_eot_n():
    assert [status_request(n).hex(" ") for n in (1, 2, 3, 4)] == ["10 04 01", "10 04 02", "10 04 03", "10 04 04"]
    with pytest.raises(ValueError):
        status_request(5)


def test_the_manuals_typical_replies():
    # n=1: 12 online, 1A offline; n=4: 12 paper, 1E near end, 72 / 7E no paper
    assert decode_reply(b"\x12\x1a") == (RealTimeStatus(0x12), b"\x1a")
    assert Condition.from_replies(0x1A, 0x12, 0x12).offline
    assert Condition.from_replies(0x12, 0x12, 0x1E).near_end
    assert not Condition.from_replies(0x12, 0x12, 0x1E).paper_end
    for paper in (0x72, 0x7E):
        assert Condition.from_replies(0x1A, 0x32, paper).to_status().code == "printer.paper_out"


def test_paper_sensor_reply_tells_itself_apart_by_bit_4():
    reply, rest = decode_reply(b"\x03")
    assert reply == PaperSensorStatus(0x03) and reply.near_end and rest == b""
    assert decode_reply(b"\x00") == (PaperSensorStatus(0x00), b"")


@pytest.mark.parametrize("byte", [0x80, 0xFF, 0x13, 0x10, 0xA5, 0x92])
def test_bytes_that_are_no_status_are_refused_and_dropped(byte):
    with pytest.raises(FrameError) as e:
        decode_reply(bytes([byte, 0x12]))
    assert e.value.rest == b"\x12"


@pytest.mark.parametrize(("printer", "offline", "paper", "error", "state", "code"), [
    (0x12, 0x12, 0x12, 0x12, State.READY, None),
    (0x12, 0x12, 0x1E, 0x12, State.READY, "printer.paper_near_end"),
    (0x1A, 0x32, 0x7E, 0x12, State.MAINTENANCE, "printer.paper_out"),
    (0x1A, 0x16, 0x12, 0x12, State.MAINTENANCE, "printer.cover_open"),
    (0x1A, 0x36, 0x7E, 0x12, State.MAINTENANCE, "printer.cover_open"),  # the cover first: shut it, then paper
    (0x1A, 0x52, 0x12, 0x1A, State.HARDWARE_ERROR, "printer.cutter_error"),
    (0x1A, 0x52, 0x12, 0x16, State.HARDWARE_ERROR, "printer.mechanical_error"),
    (0x1A, 0x52, 0x12, 0x32, State.HARDWARE_ERROR, "printer.unrecoverable_error"),
    (0x1A, 0x52, 0x12, 0x52, State.HARDWARE_ERROR, "printer.overheated"),
    (0x1A, 0x52, 0x12, 0x12, State.HARDWARE_ERROR, "printer.error"),   # error, cause not given (cheap printers)
    (0x1A, 0x12, 0x12, 0x12, State.HARDWARE_ERROR, "printer.offline"),
])
def test_status_bits_map_to_common_statuses(printer, offline, paper, error, state, code):
    status = Condition.from_replies(printer, offline, paper, error).to_status()
    assert (status.state, status.code) == (state, code)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_arbitrary_bytes_raise_only_the_protocol_error(data):
    decode_all(decode_reply, data)
