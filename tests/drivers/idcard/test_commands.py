"""The read answers' layout (30 01 / 30 10), the SW3 table, the SAM id."""

import pytest

from drivers.errors import ERROR_CODES
from drivers.idcard.commands import SW3_FAILURES, format_sam_id, parse_read
from drivers.protocol import FrameError

TEXT, PHOTO = bytes(range(256)), bytes([7]) * 1024


def test_base_read_is_text_then_photo():
    data = parse_read(b"\x01\x00\x04\x00" + TEXT + PHOTO, with_fingerprint=False)
    assert (data.text, data.photo_wlt, data.fingerprints) == (TEXT, PHOTO, b"")


@pytest.mark.parametrize("templates, total", [(0, 1297), (1, 1809), (2, 2321)])
def test_fingerprint_read_sizes_match_the_datasheet(templates, total):
    prints = bytes([9]) * (512 * templates)
    data = b"\x01\x00\x04\x00" + len(prints).to_bytes(2, "big") + TEXT + PHOTO + prints
    assert 5 + 2 + 3 + len(data) + 1 == total
    parsed = parse_read(data, with_fingerprint=True)
    assert (parsed.text, parsed.photo_wlt, parsed.fingerprints) == (TEXT, PHOTO, prints)
    assert "bytes" in repr(parsed) and "\\x07" not in repr(parsed)


@pytest.mark.parametrize("data", [
    b"\x01\x00",                                     # too short for its lengths
    b"\x01\x00\x04\x00" + TEXT + PHOTO[:-1],         # photo cut short
    b"\x00\xff\x04\x00" + TEXT[:255] + PHOTO,        # text is not 256 bytes
])
def test_lengths_that_do_not_add_up_are_frame_errors(data):
    with pytest.raises(FrameError):
        parse_read(data, with_fingerprint=False)


def test_every_sw3_failure_has_a_registered_code():
    assert {code for code, _, _ in SW3_FAILURES.values()} <= set(ERROR_CODES)
    assert SW3_FAILURES[0x80][0] == "idcard.no_card"
    assert 0x90 not in SW3_FAILURES and 0x9F not in SW3_FAILURES


def test_sam_id_format():
    data = bytes([5, 0, 1, 0]) + (20240101).to_bytes(4, "little") + (1).to_bytes(4, "little") + (
        42).to_bytes(4, "little")
    assert format_sam_id(data) == "05.01-20240101-000000001-000000042"
    with pytest.raises(FrameError):
        format_sam_id(data[:15])
