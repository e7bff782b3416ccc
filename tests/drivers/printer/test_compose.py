"""The exact bytes of a job: ESC @, Chinese mode, GB18030 text, styles only when they change, QR native or
raster, feed and cut."""

import pytest

from drivers.printer import commands as c
from drivers.printer import layout as L
from drivers.printer.compose import PrinterProfile, compose, qr_bytes, qr_module_dots
from drivers.printer.interpreter import Interpreter
from drivers.printer.layout import paper
from tests.drivers.codec_checks import decode_all

from .conftest import RECEIPT_EN, document

GOLDEN_58_ZH = (  # one string a printed line; LF (0a) between them
    "1b 40 1c 26 1b 61 01 1b 45 01 1d 21 11 ca d0 c3 f1 d6 d0 d0 c4 32 34 d0 a1 ca b1 d7 d4",
    "d6 fa b7 fe ce f1 c7 f8",
    "1d 21 00 d2 b5 ce f1 ca dc c0 ed bb d8 d6 b4",
    "1b 61 00 1b 45 00 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d",
    "b0 ec c0 ed ca c2 cf ee 20 20 20 20 20 20 20 20 20 20 be d3 c3 f1 c9 ed b7 dd d6 a4 b2 b9 c1 ec",
    "c9 ea c7 eb b1 e0 ba c5 20 20 20 20 20 20 20 20 53 5a 32 30 32 35 30 33 31 34 30 30 30 31 32 33",
    "c9 ed b7 dd d6 a4 ba c5 20 20 20 20 20 20 31 31 30 31 30 31 2a 2a 2a 2a 2a 2a 2a 2a 31 32 33 58",
    "b0 ec c0 ed ca b1 bc e4 20 20 20 20 32 30 32 35 c4 ea 30 33 d4 c2 31 34 c8 d5 20 30 33 3a 31 32",
    "b7 d1 d3 c3 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 20 32 30 2e 30 30 d4 aa",
    "2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d 2d",
    "1b 45 01 ba f3 d0 f8 b2 bd d6 e8 a3 ba",
    "1b 45 00 31 2e 20 d6 a4 bc fe d6 c6 d7 f7 d4 bc d0 e8 37 b8 f6 b9 a4 d7 f7 c8 d5 a3 ac cd ea b3 c9 ba f3",
    "20 20 20 bd ab b6 cc d0 c5 cd a8 d6 aa c4 fa a1 a3",
    "32 2e 20 c6 be b1 be bb d8 d6 b4 b6 fe ce ac c2 eb b5 bd d7 d4 d6 fa c8 a1 bc fe b9 f1 c8 a1",
    "20 20 20 d6 a4 a1 a3",
    "1b 64 01 1b 61 01 1d 28 6b 04 00 31 41 32 00 1d 28 6b 03 00 31 43 07 1d 28 6b 03 00 31 45 31 1d 28 6b 29 00 31 50 30 68 74 74 70 73 3a 2f 2f 67 6f 76 2e 65 78 61 6d 70 6c 65 2f 71 2f 53 5a 32 30 32 35 30 33 31 34 30 30 30 31 32 33 1d 28 6b 03 00 31 51 30",
    "c9 a8 c2 eb b2 e9 d1 af b0 ec c0 ed bd f8 b6 c8 a3 ac c6 be b4 cb c2 eb c8 a1 bc fe",
    "c7 eb cd d7 c9 c6 b1 a3 b9 dc b1 be bb d8 d6 b4",
    "1b 64 04 1d 56 01",
)


def test_exact_bytes_of_a_small_chinese_slip():
    slip = (L.Line("取件凭条", "center", True, True), L.Line("取件码：8841"), L.Line("Locker 12", "right"),
            L.Qr("PICKUP:8841"), L.Cut())
    expected = [
        "1b 40", "1c 26",                                   # ESC @, FS & (Chinese mode)
        "1b 61 01", "1b 45 01", "1d 21 11",                 # centre, bold, double size
        "c8 a1 bc fe c6 be cc f5", "0a",                    # 取件凭条 in GB18030, LF
        "1b 61 00", "1b 45 00", "1d 21 00",                 # back to left, regular, normal size
        "c8 a1 bc fe c2 eb a3 ba 38 38 34 31", "0a",        # 取件码：8841 (device-protocols.md 4.3)
        "1b 61 02", "4c 6f 63 6b 65 72 20 31 32", "0a",     # right: Locker 12
        "1b 61 01",                                         # QR centred
        "1d 28 6b 04 00 31 41 32 00",                       # model 2
        "1d 28 6b 03 00 31 43 08",                          # module 8 dots
        "1d 28 6b 03 00 31 45 31",                          # error correction M
        "1d 28 6b 0e 00 31 50 30 50 49 43 4b 55 50 3a 38 38 34 31",  # store 11 bytes
        "1d 28 6b 03 00 31 51 30", "0a",                    # print
        "1b 64 04", "1d 56 01",                             # feed 4 lines, partial cut
    ]
    assert compose(slip, PrinterProfile(paper_mm=58)).hex(" ") == " ".join(expected)


def test_exact_bytes_of_the_chinese_application_receipt_on_58_mm():
    assert compose(document(paper_mm=58), PrinterProfile(paper_mm=58)).hex(" ") == " 0a ".join(GOLDEN_58_ZH)


def test_raster_fallback_sends_the_same_symbol_as_an_image_the_paper_wide():
    data = compose(document(RECEIPT_EN, "en", 80), PrinterProfile(paper_mm=80, native_qr=False))
    assert b"\x1d(k" not in data
    found = decode_all(Interpreter().decode, data)
    rasters = [x for x in found if isinstance(x, c.Raster)]
    assert len(rasters) == 1 and rasters[0].width_bytes == 576 // 8
    assert found[-1] == c.Cut(partial=True)


def test_a_printer_without_chinese_mode_gets_plain_ascii_or_a_clear_refusal():
    data = compose(document(RECEIPT_EN, "en", 58), PrinterProfile(paper_mm=58, chinese=False))
    assert b"\x1c&" not in data
    text = "".join(x.text for x in decode_all(Interpreter(chinese=False).decode, data) if isinstance(x, c.Text))
    assert "APPLICATION RECEIPT" in text and "110101********123X" in text
    with pytest.raises(ValueError, match="no Chinese mode"):
        compose(document(paper_mm=58), PrinterProfile(paper_mm=58, chinese=False))


def test_qr_modules_fit_the_paper():
    url = "https://gov.example/q/SZ20250314000123"  # version 3: 29 modules
    assert qr_module_dots(url, paper(58)) == 7      # 203 of 384 dots
    assert qr_module_dots(url, paper(80)) == 8      # capped: a bigger code scans no better
    assert qr_bytes(url, PrinterProfile(paper_mm=58)).count(b"\x1d(k\x03\x00\x31\x43\x07") == 1
