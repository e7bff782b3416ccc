"""Scanned codes on a serial line: the code's bytes, then a suffix (CR, LF or CR LF, set on the scanner by
programming barcodes; device-protocols.md section 6).

    decode(buffer) -> (ScannedCode | None, rest)   per drivers/protocol.py

There is no header to resynchronise on: a line is a code. A code is cut at the configured suffix; stray CR
or LF at either end (a CR LF scanner read with a CR or LF setting) are stripped, and empty lines skipped.
A line that cannot be a scan (bytes invalid in the encoding, control bytes a symbology does not carry, or
longer than `max_length`) raises FrameError and is dropped whole, so a citizen scans again rather than the
kiosk acting on a damaged code. An overlong line with no suffix yet is cut, and a NUL put before what is
kept marks its tail as garbage too, so no fragment of it is ever taken for a code.

A scan may be personal data (a pickup QR code): neither reprs nor error messages include its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from drivers.protocol import FrameError

#: control bytes codes may carry: TAB, and the ISO/IEC 15434 / GS1 separators EOT, FS, GS, RS
ALLOWED_CONTROLS = frozenset(b"\t\x04\x1c\x1d\x1e\r\n")
_GARBAGE = frozenset(range(0x20)) - ALLOWED_CONTROLS | {0x7F}
_MARK = b"\x00"  # refused by every line check: marks the tail of a line cut for being too long


class Suffix(Enum):
    CR = b"\r"
    LF = b"\n"
    CRLF = b"\r\n"


@dataclass(frozen=True, repr=False)
class ScannedCode:
    text: str

    def __repr__(self) -> str:
        return f"ScannedCode({len(self.text)} characters)"


@dataclass(frozen=True)
class ScanCodec:
    suffix: Suffix = Suffix.CR
    encoding: str = "utf-8"
    max_length: int = 4096  # bytes; QR codes hold at most 2953 bytes

    def encode(self, code: ScannedCode) -> bytes:
        """The bytes a scanner sends for `code` (used by the simulator). ValueError if it cannot be framed."""
        data = code.text.encode(self.encoding)
        if self.suffix.value in data or data != data.strip(b"\r\n") or not data:
            raise ValueError("a code must not be empty, contain the suffix, or start or end with CR or LF")
        if len(data) > self.max_length or _GARBAGE.intersection(data):
            raise ValueError("a code must be short and free of control bytes")
        return data + self.suffix.value

    def decode(self, buffer: bytes) -> tuple[ScannedCode | None, bytes]:
        while True:
            end = buffer.find(self.suffix.value)
            if end < 0:
                if len(buffer) > self.max_length:
                    raise FrameError(f"no suffix within {self.max_length} bytes", _MARK + buffer[-1:])
                return None, buffer
            line, buffer = buffer[:end], buffer[end + len(self.suffix.value):]
            line = line.strip(b"\r\n")
            if not line or line == _MARK:  # an empty line, or the cut end of an overlong one
                continue
            return ScannedCode(self._text(line, buffer)), buffer

    def _text(self, line: bytes, rest: bytes) -> str:
        if len(line) > self.max_length:
            raise FrameError(f"a line of {len(line)} bytes, longer than any code", rest)
        if _GARBAGE.intersection(line):
            raise FrameError("a line with control bytes no code carries", rest)
        try:
            return line.decode(self.encoding)
        except UnicodeDecodeError:
            raise FrameError(f"a line that is not valid {self.encoding}", rest) from None
