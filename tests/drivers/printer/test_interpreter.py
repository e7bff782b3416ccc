"""The ESC/POS interpreter: what python-escpos and our composer send, Chinese text split anywhere, and only
the typed protocol error on any bytes at all."""

import pytest
from escpos.printer import Dummy
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.printer import commands as c
from drivers.printer.interpreter import Interpreter
from drivers.protocol import FrameError
from tests.drivers.codec_checks import decode_all


def commands(data, chunk=None, chinese=True):
    interpreter, found, buffer = Interpreter(chinese=chinese), [], b""
    step = chunk or len(data) or 1
    for i in range(0, len(data), step):
        buffer += data[i:i + step]
        while True:
            command, buffer = interpreter.decode(buffer)
            if command is None:
                break
            found.append(command)
    return found


def texts(found):
    return "".join(x.text for x in found if isinstance(x, c.Text))


def test_python_escpos_output_reads_back():
    p = Dummy()
    p.set(align="center", bold=True, double_height=True, double_width=True)
    p.qr("PICKUP:123456", native=True, size=6)
    p.cut()
    assert commands(p.output) == [
        c.PrintMode(0), c.PrintMode(0), c.PrintMode(0x30), c.Emphasis(True), c.Align(1),
        c.QrSetting("model", 2), c.QrSetting("size", 6), c.QrSetting("error_correction", "L"),
        c.QrStore(b"PICKUP:123456"), c.QrPrint(), c.Feed(6, "lines"), c.Cut(partial=False)]


def test_chinese_text_in_gb18030_byte_by_byte():
    data = b"\x1c&" + "取件码：123".encode("gb18030") + b"\n" + "𠀀".encode("gb18030") + b"\n"
    assert data[2:8].hex(" ") == "c8 a1 bc fe c2 eb"  # device-protocols.md 4.3, as python-escpos sends it
    for chunk in (1, 2, 3, None):
        found = commands(data, chunk)
        assert texts(found) == "取件码：123𠀀"
        assert found.count(c.LineFeed()) == 2


def test_outside_chinese_mode_bytes_are_the_code_page():
    assert texts(commands(b"\x1c.Caf\x82\n")) == "Café"
    assert texts(commands(b"\x1b@Caf\x82\n", chinese=False)) == "Café"
    # ESC @ returns to the power-on mode: Chinese on a Chinese printer
    assert texts(commands(b"\x1c.\x1b@" + "中".encode("gb18030"))) == "中"


def test_invalid_gb18030_prints_as_replacement_not_an_error():
    assert texts(commands(b"\x80A\xff\n")) == "\ufffdA\ufffd"
    assert texts(commands(b"\xb0\n")) == "\ufffd"  # a lead byte cut off by a control byte


def test_cut_raster_and_status_commands():
    raster = b"\x1dv0\x00\x01\x00\x02\x00\xf0\x0f"
    assert commands(b"\x1dV\x01\x1dVB\x05" + raster + b"\x10\x04\x04\x1dr\x01") == [
        c.Cut(True), c.Cut(True, 5), c.Raster(0, 1, 2, b"\xf0\x0f"), c.StatusRequest(4), c.TransmitStatus(1)]


def test_sizes_and_modes():
    assert commands(b"\x1d!\x11\x1d!\x00\x1b3\x28\x1b2\x1ba1\x1b-\x02") == [
        c.CharacterSize(2, 2), c.CharacterSize(1, 1), c.LineSpacing(40), c.LineSpacing(None), c.Align(1),
        c.Underline(2)]


def test_commands_a_receipt_does_not_draw_are_read_whole():
    data = b"\x1bp\x00\x32\x32" + b"\x1dk\x02123456789012\x00" + b"\x1d(L\x02\x00\x30\x31" + b"A"
    found = commands(data)
    assert [type(x) for x in found] == [c.Ignored, c.Ignored, c.Ignored, c.Text]
    assert texts(found) == "A"


@pytest.mark.parametrize(("data", "rest"), [
    (b"\x1bZ\x01A", b"\x01A"),              # unknown ESC command
    (b"\x01A", b"A"),                       # a stray control byte
    (b"\x1ba\x07A", b"A"),                  # a parameter out of range
    (b"\x10\x04\x09A", b"A"),               # no such status
    (b"\x1dv0\x00\x00\x01\x01\x00A", b"A"),  # a raster image wider than any printer
])
def test_bad_commands_raise_frame_error_past_the_bad_bytes(data, rest):
    with pytest.raises(FrameError) as e:
        Interpreter().decode(data)
    assert e.value.rest == rest


def test_incomplete_commands_wait():
    for partial in (b"\x1b", b"\x1d(k\x10\x00\x31P0abc", b"\x1dv0\x00\x02\x00\x02\x00\xff", b"\x10\x04"):
        assert Interpreter().decode(partial) == (None, partial)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=200), st.booleans())
def test_arbitrary_bytes_raise_only_the_protocol_error(data, chinese):
    decode_all(Interpreter(chinese=chinese).decode, data)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([b"\x1b", b"\x1d", b"\x1c", b"\x10", b"(", b"k", b"v", b"0", b"\x04", b"\x00",
                                 b"\xff", b"\x81", b"\x30", b"V", b"!", b"a", b"\n"]), max_size=60))
def test_command_shaped_noise_raises_only_the_protocol_error(parts):
    decode_all(Interpreter().decode, b"".join(parts))
