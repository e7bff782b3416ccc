"""Paper for the simulated printer: interpreted ESC/POS commands drawn as a thermal printer prints them.

The print head is `page.dots` wide (384 or 576 dots at 8 dots/mm). Characters sit in 12 x 24 (ASCII) and
24 x 24 (Chinese) dot cells, scaled by GS ! / ESC !, wrapped when a line is full, justified by ESC a when the
line is printed (LF). Line spacing is 30 dots unless ESC 3 says otherwise; a taller line feeds its height.
QR codes (GS ( k) are drawn with the `qrcode` package at the requested module size and error correction,
raster images (GS v 0) dot for dot. A cut ends the receipt: `finish` returns it as a PNG with a dashed cut
mark under the paper, or a torn edge when the paper ran out first. Everything outside the white paper is an
annotation of the simulator, never something the printer would print.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from functools import cached_property

import qrcode
from PIL import Image, ImageDraw

from drivers.printer import commands as c
from drivers.printer.fonts import BASELINE, CELL, Fonts
from drivers.printer.layout import Paper, char_columns

DEFAULT_SPACING = 30
MARGIN = 24          # grey border around the paper in the PNG
TOP = 16             # paper above the first line and below the last
DOTS_PER_MM = 8
TAIL = 56            # room under the paper for the cut mark and its label
_QR_LEVELS = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
              "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}


@dataclass(frozen=True, repr=False)
class PrintedReceipt:
    """One receipt as it left the printer: the picture, its text line by line, the QR payloads printed.
    The PNG is encoded when first asked for, so the printer answers status requests while it "prints"."""

    image: Image.Image
    lines: tuple[str, ...]
    qr_codes: tuple[str, ...]
    complete: bool            # False: the paper ran out (or the cover opened) before the cut
    cut: str                  # "partial" | "full" | "torn"
    size: tuple[int, int]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @cached_property
    def png(self) -> bytes:
        out = io.BytesIO()
        self.image.save(out, format="PNG")
        return out.getvalue()

    def __repr__(self) -> str:
        return f"PrintedReceipt({len(self.lines)} lines, {self.cut}, {self.size[0]}x{self.size[1]})"


@dataclass
class _Style:
    align: int = 0
    bold: bool = False
    underline: int = 0
    width: int = 1
    height: int = 1
    spacing: int = DEFAULT_SPACING


@dataclass
class _Cell:
    char: str
    bold: bool
    underline: int
    width: int
    height: int

    @property
    def dots(self) -> int:
        return CELL // 2 * char_columns(self.char) * self.width


@dataclass
class _Qr:
    size: int = 3
    level: str = "L"
    data: bytes = b""


@dataclass
class PaperRenderer:
    page: Paper
    fonts: Fonts
    style: _Style = field(default_factory=_Style)
    qr: _Qr = field(default_factory=_Qr)
    strips: list[Image.Image] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    qr_codes: list[str] = field(default_factory=list)
    fed: int = 0                                       # dots of paper used by this receipt
    _cells: list[_Cell] = field(default_factory=list)

    @property
    def blank(self) -> bool:
        return not self.strips and not self._cells

    # ---- commands --------------------------------------------------------------------------------

    def apply(self, command: c.Command) -> None:
        s = self.style
        match command:
            case c.Text(text):
                for ch in text:
                    self._add(ch)
            case c.Tab():
                stop = (self._x() // (8 * CELL // 2) + 1) * 8
                while self._x() < stop * CELL // 2 and self._x() + CELL // 2 <= self.page.dots:
                    self._add(" ")
            case c.LineFeed():
                self._print_line()
            case c.Feed(amount, unit):
                if self._cells:
                    self._print_line()
                self._blank(amount * s.spacing if unit == "lines" else amount)
            case c.Initialize():
                self.style, self.qr, self._cells = _Style(), _Qr(), []
            case c.Align(align):
                s.align = align
            case c.Emphasis(on):
                s.bold = on
            case c.Underline(dots):
                s.underline = dots
            case c.PrintMode(bits):
                s.bold, s.underline = bool(bits & 0x08), 1 if bits & 0x80 else 0
                s.height, s.width = 2 if bits & 0x10 else 1, 2 if bits & 0x20 else 1
            case c.CharacterSize(width, height):
                s.width, s.height = width, height
            case c.LineSpacing(dots):
                s.spacing = DEFAULT_SPACING if dots is None else dots
            case c.QrSetting("size", value):
                self.qr.size = int(value)
            case c.QrSetting("error_correction", value):
                self.qr.level = str(value)
            case c.QrStore(data):
                self.qr.data = data
            case c.QrPrint():
                self._print_qr()
            case c.Raster():
                self._print_raster(command)
            case c.Cut(_, feed_dots):
                if self._cells:
                    self._print_line()
                self._blank(feed_dots)

    # ---- text ------------------------------------------------------------------------------------

    def _x(self) -> int:
        return sum(cell.dots for cell in self._cells)

    def _add(self, ch: str) -> None:
        s = self.style
        cell = _Cell(ch, s.bold, s.underline, s.width, s.height)
        if self._x() + cell.dots > self.page.dots:
            self._print_line()
        if cell.dots <= self.page.dots:
            self._cells.append(cell)

    def _print_line(self) -> None:
        cells, self._cells = self._cells, []
        tallest = max((cell.height * CELL for cell in cells), default=CELL)
        strip = Image.new("L", (self.page.dots, max(self.style.spacing, tallest + 6)), 255)
        width = sum(cell.dots for cell in cells)
        x = (0, (self.page.dots - width) // 2, self.page.dots - width)[self.style.align]
        for cell in cells:
            self._draw_cell(strip, cell, x, tallest - cell.height * CELL)
            x += cell.dots
        self.lines.append("".join(cell.char for cell in cells).rstrip())
        self._add_strip(strip)

    def _draw_cell(self, strip: Image.Image, cell: _Cell, x: int, top: int) -> None:
        if cell.char == " " and not cell.underline:
            return
        natural = (CELL // 2 * char_columns(cell.char), CELL)
        glyph = Image.new("L", natural, 255)
        draw = ImageDraw.Draw(glyph)
        font = self.fonts.bold if cell.bold and self.fonts.bold else self.fonts.regular
        stroke = 1 if cell.bold and self.fonts.bold is None else 0
        draw.text((0, BASELINE), cell.char, font=font, fill=0, anchor="ls", stroke_width=stroke, stroke_fill=0)
        if cell.underline:
            draw.rectangle((0, CELL - cell.underline, natural[0], CELL - 1), fill=0)
        if cell.width != 1 or cell.height != 1:
            glyph = glyph.resize((natural[0] * cell.width, CELL * cell.height), Image.Resampling.NEAREST)
        strip.paste(glyph, (x, top))

    # ---- images ----------------------------------------------------------------------------------

    def _print_qr(self) -> None:
        if self._cells:
            self._print_line()
        if not self.qr.data:
            return
        code = qrcode.QRCode(error_correction=_QR_LEVELS[self.qr.level], box_size=self.qr.size, border=0)
        code.add_data(self.qr.data)
        try:
            code.make(fit=True)
        except (ValueError, qrcode.exceptions.DataOverflowError):
            return  # a printer prints nothing for a symbol it cannot build
        symbol = code.make_image().get_image().convert("L")
        if symbol.width > self.page.dots:
            return
        self.qr_codes.append(self.qr.data.decode("utf-8", errors="replace"))
        self._paste(symbol)

    def _print_raster(self, raster: c.Raster) -> None:
        if self._cells:
            self._print_line()
        bits = bytes(b ^ 0xFF for b in raster.data)  # PIL's "1": a set bit is white; ESC/POS: black
        image = Image.frombytes("1", (raster.width_bytes * 8, raster.height), bits).convert("L")
        scale_x, scale_y = (2 if raster.mode & 1 else 1), (2 if raster.mode & 2 else 1)
        if scale_x != 1 or scale_y != 1:
            image = image.resize((image.width * scale_x, image.height * scale_y), Image.Resampling.NEAREST)
        self._paste(image.crop((0, 0, min(image.width, self.page.dots), image.height)))

    def _paste(self, image: Image.Image) -> None:
        strip = Image.new("L", (self.page.dots, image.height), 255)
        x = (0, (self.page.dots - image.width) // 2, self.page.dots - image.width)[self.style.align]
        strip.paste(image, (x, 0))
        self._add_strip(strip)

    def _blank(self, dots: int) -> None:
        if dots > 0:
            self._add_strip(Image.new("L", (self.page.dots, dots), 255))

    def _add_strip(self, strip: Image.Image) -> None:
        self.strips.append(strip)
        self.fed += strip.height

    # ---- the finished receipt --------------------------------------------------------------------

    def finish(self, cut: str) -> PrintedReceipt:
        """The receipt so far as a PNG (`cut`: "partial", "full" or "torn"), and a fresh paper."""
        if self._cells:
            self._print_line()
        width = self.page.width_mm * DOTS_PER_MM  # the paper is wider than the print head's reach
        height = sum(s.height for s in self.strips) + 2 * TOP
        picture = Image.new("L", (width + 2 * MARGIN, height + MARGIN + TAIL), 200)
        paper = Image.new("L", (width, height), 255)
        y = TOP
        for strip in self.strips:
            paper.paste(strip, ((width - self.page.dots) // 2, y))
            y += strip.height
        picture.paste(paper, (MARGIN, MARGIN))
        draw = ImageDraw.Draw(picture)
        bottom = MARGIN + height
        if cut == "torn":
            teeth = [(MARGIN + x, bottom - (8 if (x // 12) % 2 else 0)) for x in range(0, width + 1, 12)]
            draw.polygon([(MARGIN, bottom + 1), *teeth, (MARGIN + width, bottom + 1)], fill=200)
            label = "paper ran out: incomplete"
        else:
            for x in range(4, width + 2 * MARGIN - 4, 16):
                draw.line((x, bottom + 12, x + 8, bottom + 12), fill=90, width=2)
            label = f"{cut} cut"
        draw.text((MARGIN, bottom + 18), label, font=self.fonts.regular, fill=90)
        receipt = PrintedReceipt(picture, tuple(self.lines), tuple(self.qr_codes), cut != "torn", cut,
                                 picture.size)
        self.strips, self.lines, self.qr_codes, self.fed = [], [], [], 0
        return receipt
