"""A laid-out Document turned into the exact ESC/POS bytes of one print job.

    ESC @                 initialise (a job never inherits the previous job's settings)
    FS &                  Chinese mode, on printers that have it (the profile says so): text goes as GB18030
    ESC a n / ESC E n /   alignment, emphasis, double size: sent only when they change
    GS ! n
    text LF               each line, already fitted to the paper by layout.py
    QR                    native (GS ( k, model 2, level M) where the printer has it, else the same symbol
                          drawn by the `qrcode` package and sent as a raster image (GS v 0) padded to the
                          paper's width, centred. python-escpos composes both.
    ESC d n, GS V m       feed the last line past the cutter, then cut (partial leaves a tab)

Text is encoded here rather than by python-escpos' text(), whose encoder sends ESC t on first use and sends
CJK punctuation outside U+4E00..U+9FA5 through a code page as "?" (device-protocols.md 4.3).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import qrcode
from PIL import Image

# python-escpos calls logging.basicConfig() when imported, which would print every kiosk log event a second
# time, as plain text, on standard error (the journal). basicConfig does nothing while the root logger has a
# handler, so a silent one stands in during the import (other threads may be logging meanwhile).
_stand_in = logging.NullHandler()
logging.root.addHandler(_stand_in)
try:
    from escpos.constants import QR_ECLEVEL_M
    from escpos.printer import Dummy
finally:
    logging.root.removeHandler(_stand_in)

from drivers.printer.layout import Cut, Document, Feed, Line, Paper, Qr, paper

ESC, GS = b"\x1b", b"\x1d"
INIT, CHINESE_ON = ESC + b"@", b"\x1c&"
_ALIGN = {"left": 0, "center": 1, "right": 2}
QR_SHARE = 0.55  # at most this share of the paper's width for a QR code
QR_MAX_MODULE = 8


@dataclass(frozen=True)
class PrinterProfile:
    """What the configured printer can do (device config; the [U] items of device-protocols.md)."""

    paper_mm: int = 80
    native_qr: bool = True       # False: QR codes go as raster images
    chinese: bool = True         # the printer has a GB18030 Chinese mode (FS &)
    cut_feed_lines: int = 4      # lines between the last text and the cutter
    confirm_jobs: bool = True    # the printer answers GS r 1 after a job (see driver.py)

    @property
    def page(self) -> Paper:
        return paper(self.paper_mm)


def encode_text(text: str, profile: PrinterProfile) -> bytes:
    if profile.chinese:
        return text.encode("gb18030")
    try:
        return text.encode("ascii")
    except UnicodeEncodeError:
        raise ValueError("this printer has no Chinese mode: print an English receipt on it") from None


def compose(document: Document, profile: PrinterProfile) -> bytes:
    out = bytearray(INIT)
    if profile.chinese:
        out += CHINESE_ON
    align, bold, double = "left", False, False
    for block in document:
        if isinstance(block, Line):
            if block.align != align:
                align = block.align
                out += ESC + b"a" + bytes([_ALIGN[align]])
            if block.bold != bold:
                bold = block.bold
                out += ESC + b"E" + bytes([bold])
            if block.double != double:
                double = block.double
                out += GS + b"!" + bytes([0x11 if double else 0x00])
            out += encode_text(block.text, profile) + b"\n"
        elif isinstance(block, Qr):
            if align != "center":
                align = "center"
                out += ESC + b"a\x01"
            out += qr_bytes(block.data, profile) + b"\n"
        elif isinstance(block, Feed):
            out += ESC + b"d" + bytes([block.lines])
        elif isinstance(block, Cut):
            out += ESC + b"d" + bytes([profile.cut_feed_lines]) + GS + b"V" + (b"\x01" if block.partial else b"\x00")
    return bytes(out)


def qr_module_dots(data: str, page: Paper) -> int:
    """The module size that keeps the symbol within QR_SHARE of the paper's width (1..8 dots)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(data.encode("utf-8"))
    code.make(fit=True)
    return max(1, min(QR_MAX_MODULE, int(page.dots * QR_SHARE) // code.modules_count))


def qr_bytes(data: str, profile: PrinterProfile) -> bytes:
    page = profile.page
    module = qr_module_dots(data, page)
    printer = _dummy(page)
    if profile.native_qr:
        printer.qr(data, ec=QR_ECLEVEL_M, size=module, native=True)
        return printer.output
    printer.image(qr_image(data, module, page), impl="bitImageRaster")
    return printer.output


def qr_image(data: str, module: int, page: Paper) -> Image.Image:
    """The symbol as a 1-bit image the paper's width, centred (the raster fallback)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=module, border=0)
    code.add_data(data.encode("utf-8"))
    code.make(fit=True)
    symbol = code.make_image().get_image().convert("1")
    canvas = Image.new("1", (page.dots, symbol.height), 1)
    canvas.paste(symbol, ((page.dots - symbol.width) // 2, 0))
    return canvas


def _dummy(page: Paper) -> Dummy:
    """python-escpos' byte collector, told the paper's width (its image code wants it; this instance only)."""
    printer = Dummy()
    data = dict(printer.profile.profile_data)
    data["media"] = {"dpi": 203, "width": {"mm": page.width_mm, "pixels": page.dots}}
    printer.profile.profile_data = data
    return printer
