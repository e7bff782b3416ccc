"""Scanned codes split from the byte stream: suffixes, split reads, garbage, overlong lines."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.protocol import FrameError, ProtocolError
from drivers.scanner.codec import ScanCodec, ScannedCode, Suffix

from .conftest import PICKUP


def codes(codec, data, chunk=1):
    """Feed `data` in chunks; the codes found and the errors met, in order."""
    buffer, found = b"", []
    for i in range(0, len(data), chunk):
        buffer += data[i:i + chunk]
        while True:
            try:
                code, buffer = codec.decode(buffer)
            except FrameError as e:
                found.append("error")
                buffer = e.rest
                continue
            if code is None:
                break
            found.append(code.text)
    return found


@pytest.mark.parametrize("suffix", list(Suffix))
def test_each_suffix_byte_by_byte(suffix):
    codec = ScanCodec(suffix)
    data = b"".join(codec.encode(ScannedCode(t)) for t in ("ABC-123", PICKUP, "https://gov.example/q?x=1"))
    assert codes(codec, data) == ["ABC-123", PICKUP, "https://gov.example/q?x=1"]


def test_encode_bytes():
    assert ScanCodec(Suffix.CRLF).encode(ScannedCode("A1")) == b"A1\r\n"
    assert ScanCodec(Suffix.CR).encode(ScannedCode("A1")) == b"A1\r"
    assert ScanCodec(Suffix.LF, encoding="gbk").encode(ScannedCode("取")) == "取".encode("gbk") + b"\n"


def test_a_crlf_scanner_read_with_a_cr_or_lf_setting():
    assert codes(ScanCodec(Suffix.CR), b"ONE\r\nTWO\r\n") == ["ONE", "TWO"]
    assert codes(ScanCodec(Suffix.LF), b"ONE\r\nTWO\r\n") == ["ONE", "TWO"]


def test_empty_lines_are_skipped_and_a_partial_code_waits():
    codec = ScanCodec(Suffix.CR)
    assert codec.decode(b"\r\r\rAB") == (None, b"AB")
    assert codes(codec, b"\r\rAB\r", chunk=2) == ["AB"]


def test_embedded_line_breaks_and_gs1_separators_are_part_of_a_crlf_code():
    codec = ScanCodec(Suffix.CRLF)
    assert codes(codec, b"line 1\nline 2\r\n]d2\x1d0104\r\n") == ["line 1\nline 2", "]d2\x1d0104"]


def test_garbage_lines_are_refused_whole_and_the_next_code_reads():
    codec = ScanCodec(Suffix.CR)
    found = codes(codec, b"\x00\xffAB\rGOOD\r\xff\xfe\r\x01\x02\rNEXT\r")
    assert found == ["error", "GOOD", "error", "error", "NEXT"]


def test_errors_never_carry_the_scanned_text():
    codec = ScanCodec(Suffix.CR)
    secret = PICKUP.encode()
    with pytest.raises(FrameError) as err:
        codec.decode(secret + b"\x07\r")
    assert "310104" not in str(err.value) and "ZHANG" not in str(err.value)
    assert "310104" not in repr(ScannedCode(PICKUP))


def test_an_overlong_line_is_cut_and_its_tail_refused():
    codec = ScanCodec(Suffix.CR, max_length=16)
    assert codes(codec, b"X" * 40 + b"\rOK\r", chunk=5) == ["error", "error", "error", "OK"]
    with pytest.raises(FrameError):
        codec.decode(b"Y" * 17 + b"\r")


def test_encode_refuses_what_cannot_be_framed():
    for text in ("", "A\rB", "\nA", "A\x00"):
        with pytest.raises(ValueError):
            ScanCodec(Suffix.CR).encode(ScannedCode(text))


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(Suffix)), st.lists(TEXT, min_size=1, max_size=5), st.integers(1, 64))
def test_round_trip_in_any_chunks(suffix, texts, chunk):
    codec = ScanCodec(suffix)
    texts = [t.strip("\r\n") or "x" for t in texts]
    assert codes(codec, b"".join(codec.encode(ScannedCode(t)) for t in texts), chunk) == texts


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(list(Suffix)), st.binary(max_size=200))
def test_arbitrary_bytes_raise_only_protocol_errors(suffix, data):
    codec = ScanCodec(suffix, max_length=32)
    buffer = data
    for _ in range(len(data) + 2):
        try:
            code, buffer = codec.decode(buffer)
        except ProtocolError as e:
            buffer = e.rest
            continue
        if code is None:
            break
        assert isinstance(code.text, str)
