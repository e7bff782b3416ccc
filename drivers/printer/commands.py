"""The ESC/POS commands the interpreter (interpreter.py) reads out of a byte stream, as frozen values.

Only what a receipt uses is modelled in detail; commands a receipt printer understands but the simulator
does not draw (barcodes, drawer kick, margins, page mode ...) come out as `Ignored(name)`, so they are
consumed whole and never taken for text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class LineFeed:
    """LF: print the line buffer and feed one line."""


@dataclass(frozen=True)
class Tab:
    """HT: move to the next tab stop (every 8 columns by default)."""


@dataclass(frozen=True)
class Feed:
    """ESC d n (lines) or ESC J n (dots): print the buffer and feed."""

    amount: int
    unit: str  # "lines" | "dots"


@dataclass(frozen=True)
class Initialize:
    """ESC @: back to the power-on settings; the print buffer is cleared."""


@dataclass(frozen=True)
class Align:
    align: int  # 0 left, 1 centre, 2 right


@dataclass(frozen=True)
class Emphasis:
    on: bool


@dataclass(frozen=True)
class Underline:
    dots: int  # 0 off, 1 or 2 dots thick


@dataclass(frozen=True)
class PrintMode:
    """ESC ! n: bit 3 emphasis, bit 4 double height, bit 5 double width, bit 7 underline."""

    bits: int


@dataclass(frozen=True)
class CharacterSize:
    """GS ! n: width and height multipliers 1..8."""

    width: int
    height: int


@dataclass(frozen=True)
class ChineseMode:
    """FS & (on) / FS . (off): two-byte GB18030 characters instead of the single-byte code page."""

    on: bool


@dataclass(frozen=True)
class ChinesePrintMode:
    """FS ! n: bit 2 double width, bit 3 double height, bit 7 underline, for Chinese characters."""

    bits: int


@dataclass(frozen=True)
class LineSpacing:
    dots: int | None  # None: the default spacing (ESC 2)


@dataclass(frozen=True)
class CodePage:
    page: int


@dataclass(frozen=True)
class QrSetting:
    """GS ( k, QR functions 165/167/169: model, module size (dots), error correction ("L" "M" "Q" "H")."""

    name: str  # "model" | "size" | "error_correction"
    value: int | str


@dataclass(frozen=True, repr=False)
class QrStore:
    """GS ( k function 180: the symbol's data. Not shown in reprs (a pickup code)."""

    data: bytes

    def __repr__(self) -> str:
        return f"QrStore({len(self.data)} bytes)"


@dataclass(frozen=True)
class QrPrint:
    """GS ( k function 181: print the stored symbol."""


@dataclass(frozen=True, repr=False)
class Raster:
    """GS v 0: a raster bit image, `width_bytes` x 8 dots wide, row by row, 1 = black."""

    mode: int  # 0 normal, 1 double width, 2 double height, 3 both
    width_bytes: int
    height: int
    data: bytes

    def __repr__(self) -> str:
        return f"Raster({self.width_bytes * 8}x{self.height} dots, mode {self.mode})"


@dataclass(frozen=True)
class Cut:
    """GS V: feed `feed_dots` (function B) and cut, fully or leaving a tab."""

    partial: bool
    feed_dots: int = 0


@dataclass(frozen=True)
class StatusRequest:
    """DLE EOT n: answer a real-time status byte now."""

    n: int


@dataclass(frozen=True)
class TransmitStatus:
    """GS r n: answer the paper-sensor (1) or drawer (2) status once everything before it is processed."""

    n: int


@dataclass(frozen=True)
class Ignored:
    """A command read whole but not drawn."""

    name: str


Command = (Text | LineFeed | Tab | Feed | Initialize | Align | Emphasis | Underline | PrintMode | CharacterSize
           | ChineseMode | ChinesePrintMode | LineSpacing | CodePage | QrSetting | QrStore | QrPrint | Raster
           | Cut | StatusRequest | TransmitStatus | Ignored)
