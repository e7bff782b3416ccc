"""A sans-I/O reader of the ESC/POS byte stream a receipt printer receives (used by the simulator).

    interpreter = Interpreter(chinese=True)
    command, rest = interpreter.decode(buffer)     # per drivers/protocol.py

`decode` returns (None, buffer) while a command is still incomplete and raises FrameError, with `rest` set
past the bad bytes, for a byte sequence no printer command starts with (an unknown ESC/GS/FS/DLE command, a
stray control byte, a parameter out of range, a size no printer takes). Unknown commands are errors rather
than guesses because their length is unknown: reading on could turn their parameters into text.

Text is decoded here because its meaning depends on the mode: in Chinese mode (FS &, the power-on state of
China-market printers) a byte from 81 to FE starts a GB18030 character of two bytes (second byte 40..FE) or
four (81..FE 30..39 81..FE 30..39); otherwise every byte is a character of the selected code page (ESC t;
PC437 unless known). A character split across reads waits for its tail; invalid sequences print as U+FFFD, as
a printer prints garbage for them. ESC @ returns to the power-on mode (`chinese` as constructed): Chinese
printers keep Chinese mode across ESC @ (DantSu/ESCPOS-ThermalPrinter-Android #185).
"""

from __future__ import annotations

from collections.abc import Callable

from drivers.printer import commands as c
from drivers.protocol import FrameError

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10
MAX_TEXT_RUN = 512
MAX_RASTER_WIDTH_BYTES = 255   # 2040 dots: wider than any receipt printer
MAX_RASTER_HEIGHT = 4095
MAX_QR_DATA = 7089             # the most a QR symbol holds (numeric, version 40, level L)
MAX_BARCODE = 255

_CODE_PAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252", 17: "cp866",
               18: "cp852", 19: "cp858"}
_EC_LEVELS = {48: "L", 49: "M", 50: "Q", 51: "H"}
_ONE_PARAMETER_IGNORED = {
    ESC: {ord(ch): name for ch, name in (("M", "font"), ("G", "double strike"), ("{", "upside down"),
                                          ("V", "rotation"), (" ", "character spacing"), ("R", "character set"),
                                          ("r", "colour"), ("U", "unidirectional"), ("=", "peripheral"))},
    GS: {ord(ch): name for ch, name in (("B", "reverse"), ("h", "barcode height"), ("w", "barcode width"),
                                         ("H", "barcode text position"), ("f", "barcode font"),
                                         ("a", "auto status back"), ("b", "smoothing"), ("I", "printer id"),
                                         ("/", "print downloaded image"))},
    FS: {ord(ch): name for ch, name in (("-", "Chinese underline"), ("W", "Chinese quadruple size"),
                                         ("C", "Kanji code system"))},
}
_TWO_PARAMETERS_IGNORED = {
    ESC: {ord("$"): "absolute position", ord("\\"): "relative position", ord("c"): "panel and sensors"},
    GS: {ord("L"): "left margin", ord("W"): "print area width", ord("P"): "motion units",
         ord("$"): "vertical position", ord("\\"): "vertical relative position"},
    FS: {ord("S"): "Chinese spacing", ord("p"): "print stored logo"},
}

Step = tuple["c.Command | None", bytes]


class Interpreter:
    def __init__(self, *, chinese: bool = True) -> None:
        self.power_on_chinese = chinese
        self.chinese = chinese
        self.code_page = 0

    # ---- the codec contract -----------------------------------------------------------------------

    def decode(self, buffer: bytes) -> Step:
        if not buffer:
            return None, buffer
        first = buffer[0]
        if first >= 0x20:
            return self._text(buffer)
        handler = _CONTROL.get(first)
        if handler is None:
            raise FrameError(f"control byte {first:02X} starts no printer command", buffer[1:])
        command, rest = handler(self, buffer)
        if isinstance(command, c.Initialize):
            self.chinese, self.code_page = self.power_on_chinese, 0
        elif isinstance(command, c.ChineseMode):
            self.chinese = command.on
        elif isinstance(command, c.CodePage):
            self.code_page = command.page
        return command, rest

    # ---- text ---------------------------------------------------------------------------------------

    def _text(self, buffer: bytes) -> Step:
        end = 0
        limit = min(len(buffer), MAX_TEXT_RUN)
        while end < limit and buffer[end] >= 0x20:
            end += 1
        run = buffer[:end]
        if not self.chinese:
            return c.Text(run.decode(_CODE_PAGES.get(self.code_page, "cp437"), errors="replace")), buffer[end:]
        text, used = _gb18030(run, complete=end < len(buffer))
        if used == 0:
            return None, buffer  # only the start of a character so far
        return c.Text(text), buffer[used:]

    # ---- commands -----------------------------------------------------------------------------------

    def _esc(self, buffer: bytes) -> Step:
        if len(buffer) < 2:
            return None, buffer
        op = buffer[1]
        if op == ord("@"):
            return c.Initialize(), buffer[2:]
        if op == ord("2"):
            return c.LineSpacing(None), buffer[2:]
        if op in (ord("S"), ord("L")):
            return c.Ignored("page mode" if op == ord("L") else "standard mode"), buffer[2:]
        if op == ord("*"):
            return _bit_image_column(buffer)
        if op == ord("D"):
            return _terminated(buffer, 2, 33, "tab stops")
        if op == ord("p"):
            return _fixed(buffer, 5, lambda b: c.Ignored("drawer kick"))
        simple = _ESC_ONE.get(op)
        if simple is not None:
            return _fixed(buffer, 3, lambda b: simple(b[2], buffer))
        return _ignored(buffer, ESC, op)

    def _gs(self, buffer: bytes) -> Step:
        if len(buffer) < 2:
            return None, buffer
        op = buffer[1]
        if op == ord("!"):
            return _fixed(buffer, 3, lambda b: c.CharacterSize((b[2] >> 4) + 1, (b[2] & 0x0F) + 1)
                          if b[2] & 0x88 == 0 else _bad(b, 3, "GS ! size beyond 8"))
        if op == ord("V"):
            return _cut(buffer)
        if op == ord("v"):
            return _raster(buffer)
        if op == ord("("):
            return _gs_paren(buffer)
        if op == ord("r"):
            return _fixed(buffer, 3, lambda b: c.TransmitStatus(b[2] & 0x0F) if b[2] in (1, 2, 49, 50)
                          else _bad(b, 3, "GS r takes 1, 2, 49 or 50"))
        if op == ord("k"):
            return _barcode(buffer)
        if op == ord("*"):
            if len(buffer) < 4:
                return None, buffer
            return _sized(buffer, 4, buffer[2] * buffer[3] * 8, "define downloaded image")
        if op == ord("8"):
            if len(buffer) < 7:
                return None, buffer
            if buffer[2] != ord("L"):
                raise FrameError("GS 8 takes L", buffer[3:])
            size = int.from_bytes(buffer[3:7], "little")
            if size > 1 << 20:
                raise FrameError("GS 8 L graphics data over 1 MB", buffer[7:])
            return _sized(buffer, 7, size, "graphics")
        return _ignored(buffer, GS, op)

    def _fs(self, buffer: bytes) -> Step:
        if len(buffer) < 2:
            return None, buffer
        op = buffer[1]
        if op == ord("&"):
            return c.ChineseMode(True), buffer[2:]
        if op == ord("."):
            return c.ChineseMode(False), buffer[2:]
        if op == ord("!"):
            return _fixed(buffer, 3, lambda b: c.ChinesePrintMode(b[2]))
        return _ignored(buffer, FS, op)

    def _dle(self, buffer: bytes) -> Step:
        if len(buffer) < 3:
            return None, buffer
        op, n = buffer[1], buffer[2]
        if op == 0x04:
            if 1 <= n <= 4:
                return c.StatusRequest(n), buffer[3:]
            raise FrameError(f"DLE EOT {n} is not a status this printer sends", buffer[3:])
        if op == 0x05 and n <= 2:
            return c.Ignored("real-time request"), buffer[3:]
        if op == 0x14:
            length = {1: 5, 2: 5, 7: 4, 8: 10}.get(n)
            if length is None:
                raise FrameError(f"DLE DC4 function {n} is unknown", buffer[3:])
            return _fixed(buffer, length, lambda b: c.Ignored("real-time command"))
        raise FrameError(f"DLE {op:02X} {n:02X} starts no real-time command", buffer[2:])


# ---- helpers (pure functions of the buffer) ----------------------------------------------------------

def _gb18030(run: bytes, *, complete: bool) -> tuple[str, int]:
    """Decode a run of bytes >= 0x20 in Chinese mode: (text, bytes used). A trailing partial character is
    left unused unless the run is complete (a control byte follows), when it prints as U+FFFD."""
    out, i = [], 0
    while i < len(run):
        b = run[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
            continue
        if 0x81 <= b <= 0xFE and i + 1 < len(run) and 0x30 <= run[i + 1] <= 0x39:
            size = 4
        elif 0x81 <= b <= 0xFE:
            size = 2
        else:
            out.append("\ufffd")
            i += 1
            continue
        if i + size > len(run):
            if not complete:
                break
            out.append("\ufffd")
            i = len(run)
            continue
        out.append(run[i:i + size].decode("gb18030", errors="replace"))
        i += size
    return "".join(out), i


def _bad(buffer: bytes, length: int, why: str):
    raise FrameError(why, buffer[length:])


def _fixed(buffer: bytes, length: int, build: Callable[[bytes], c.Command]) -> Step:
    """A command of `length` bytes; `build` reads its parameters from the buffer's start (and may raise)."""
    if len(buffer) < length:
        return None, buffer
    return build(buffer), buffer[length:]


def _sized(buffer: bytes, header: int, size: int, name: str) -> Step:
    if len(buffer) < header + size:
        return None, buffer
    return c.Ignored(name), buffer[header + size:]


def _terminated(buffer: bytes, start: int, limit: int, name: str) -> Step:
    end = buffer.find(b"\x00", start, start + limit + 1)
    if end < 0:
        if len(buffer) > start + limit:
            raise FrameError(f"{name} without its closing NUL", buffer[start + limit:])
        return None, buffer
    return c.Ignored(name), buffer[end + 1:]


def _ignored(buffer: bytes, prefix: int, op: int) -> Step:
    name = _ONE_PARAMETER_IGNORED[prefix].get(op)
    if name is not None:
        return _fixed(buffer, 3, lambda b: c.Ignored(name))
    name = _TWO_PARAMETERS_IGNORED[prefix].get(op)
    if name is not None:
        return _fixed(buffer, 4, lambda b: c.Ignored(name))
    raise FrameError(f"{prefix:02X} {op:02X} starts no command this printer knows", buffer[2:])


def _zero_to_two(build: Callable[[int], c.Command], name: str):
    """ESC a / ESC - take 0, 1, 2 or their ASCII digits 48, 49, 50."""
    def make(n: int, buffer: bytes) -> c.Command:
        if n in (0, 1, 2, 48, 49, 50):
            return build(n % 48)
        raise FrameError(f"{name} takes 0, 1, 2 or 48, 49, 50, not {n}", buffer[3:])
    return make


_ESC_ONE: dict[int, Callable[[int, bytes], c.Command]] = {
    ord("a"): _zero_to_two(c.Align, "ESC a"),
    ord("-"): _zero_to_two(c.Underline, "ESC -"),
    ord("E"): lambda n, b: c.Emphasis(bool(n & 1)),
    ord("!"): lambda n, b: c.PrintMode(n),
    ord("d"): lambda n, b: c.Feed(n, "lines"),
    ord("J"): lambda n, b: c.Feed(n, "dots"),
    ord("3"): lambda n, b: c.LineSpacing(n),
    ord("t"): lambda n, b: c.CodePage(n),
}


def _cut(buffer: bytes) -> Step:
    if len(buffer) < 3:
        return None, buffer
    m = buffer[2]
    if m in (0, 1, 48, 49):
        return c.Cut(partial=m in (1, 49)), buffer[3:]
    if m in (65, 66):
        return _fixed(buffer, 4, lambda b: c.Cut(partial=m == 66, feed_dots=b[3]))
    raise FrameError(f"GS V {m} is no cut mode", buffer[3:])


def _raster(buffer: bytes) -> Step:
    if len(buffer) < 8:
        return None, buffer
    if buffer[2] not in (0, 48) or buffer[3] not in (0, 1, 2, 3, 48, 49, 50, 51):
        raise FrameError("GS v takes 0 then a mode 0..3", buffer[3:])
    width = buffer[4] | buffer[5] << 8
    height = buffer[6] | buffer[7] << 8
    if not (0 < width <= MAX_RASTER_WIDTH_BYTES and 0 < height <= MAX_RASTER_HEIGHT):
        raise FrameError(f"a raster image of {width} bytes x {height} rows fits no printer", buffer[8:])
    size = width * height
    if len(buffer) < 8 + size:
        return None, buffer
    return c.Raster(buffer[3] % 48, width, height, bytes(buffer[8:8 + size])), buffer[8 + size:]


def _bit_image_column(buffer: bytes) -> Step:
    if len(buffer) < 5:
        return None, buffer
    m, columns = buffer[2], buffer[3] | buffer[4] << 8
    if m not in (0, 1, 32, 33) or not 0 < columns <= 2400:
        raise FrameError("ESC * takes mode 0, 1, 32 or 33 and at most 2400 columns", buffer[5:])
    return _sized(buffer, 5, columns * (1 if m < 32 else 3), "column bit image")


def _barcode(buffer: bytes) -> Step:
    if len(buffer) < 3:
        return None, buffer
    m = buffer[2]
    if m <= 6:
        return _terminated(buffer, 3, MAX_BARCODE, "barcode")
    if 65 <= m <= 79:
        if len(buffer) < 4:
            return None, buffer
        return _sized(buffer, 4, buffer[3], "barcode")
    raise FrameError(f"GS k {m} is no barcode system", buffer[3:])


def _gs_paren(buffer: bytes) -> Step:
    """GS ( fn pL pH data: every function carries its length. Function k, symbol 49 is the QR code."""
    if len(buffer) < 5:
        return None, buffer
    fn, size = buffer[2], buffer[3] | buffer[4] << 8
    if fn != ord("k"):
        return _sized(buffer, 5, size, f"GS ( {chr(fn) if 0x20 < fn < 0x7F else hex(fn)}")
    if size < 2 or size > MAX_QR_DATA + 3:
        raise FrameError(f"GS ( k with {size} parameter bytes", buffer[5:])
    if len(buffer) < 5 + size:
        return None, buffer
    cn, qfn, params, rest = buffer[5], buffer[6], bytes(buffer[7:5 + size]), buffer[5 + size:]
    if cn != 49:
        return c.Ignored("2D symbol"), rest
    if qfn == 65 and len(params) == 2 and params[0] in (49, 50, 51):
        return c.QrSetting("model", params[0] - 48), rest
    if qfn == 67 and len(params) == 1 and 1 <= params[0] <= 16:
        return c.QrSetting("size", params[0]), rest
    if qfn == 69 and len(params) == 1 and params[0] in _EC_LEVELS:
        return c.QrSetting("error_correction", _EC_LEVELS[params[0]]), rest
    if qfn == 80 and len(params) >= 1 and params[0] == 48:
        return c.QrStore(params[1:]), rest
    if qfn == 81 and len(params) == 1 and params[0] == 48:
        return c.QrPrint(), rest
    if qfn == 82 and len(params) == 1 and params[0] == 48:
        return c.Ignored("QR size information"), rest
    raise FrameError(f"GS ( k QR function {qfn} with these parameters is not a QR command", rest)


def _single(command: c.Command) -> Callable[[Interpreter, bytes], Step]:
    return lambda self, buffer: (command, buffer[1:])


_CONTROL: dict[int, Callable[[Interpreter, bytes], Step]] = {
    0x0A: _single(c.LineFeed()),
    0x09: _single(c.Tab()),
    0x0D: _single(c.Ignored("carriage return")),
    0x0C: _single(c.Ignored("form feed")),
    0x18: _single(c.Ignored("cancel")),
    0x00: _single(c.Ignored("NUL")),
    ESC: Interpreter._esc,
    GS: Interpreter._gs,
    FS: Interpreter._fs,
    DLE: Interpreter._dle,
}
