"""Width-aware layout of receipt lines in printer columns, and the document a receipt is made of.

A receipt printer prints font A in cells of 12 x 24 dots: 32 columns on 58 mm paper (384 dots), 48 on
80 mm (576 dots). In Chinese mode every character that is not ASCII is a two-byte GB18030 character printed
in a 24-dot cell, so it takes two columns; that includes full-width punctuation such as "：" and "（".
Double-size lines (GS ! 0x11) take twice the columns.

A Document is what composing turns into bytes: lines that already fit, QR codes, feeds and a cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Align = Literal["left", "center", "right"]

# No line may start with these (Chinese line-breaking rules, in short): they are kept with what precedes.
_CLOSING = set("，。、；：？！）》」』】〕,.;:?!)]}%")


@dataclass(frozen=True)
class Paper:
    width_mm: int
    columns: int
    dots: int


PAPERS = {58: Paper(58, 32, 384), 80: Paper(80, 48, 576)}


def paper(width_mm: int) -> Paper:
    if width_mm not in PAPERS:
        raise ValueError(f"paper {width_mm} mm is not supported; use 58 or 80")
    return PAPERS[width_mm]


def char_columns(ch: str) -> int:
    return 1 if ord(ch) < 0x80 else 2


def text_columns(text: str) -> int:
    return sum(char_columns(ch) for ch in text)


def wrap(text: str, columns: int) -> list[str]:
    """Break `text` into lines of at most `columns`: ASCII words break at spaces (a word longer than a line
    is cut), Chinese between any two characters, and no line starts with closing punctuation."""
    if columns < 2:
        raise ValueError("a line needs at least two columns")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, columns))
    return lines


def _tokens(text: str) -> list[str]:
    """Words of ASCII letters (with their trailing space) and single non-ASCII characters."""
    tokens, word = [], ""
    for ch in text:
        if ord(ch) < 0x80 and ch != " ":
            word += ch
            continue
        if word:
            tokens.append(word)
            word = ""
        if ch == " " and tokens and tokens[-1].endswith(" "):
            continue
        if ch == " " and tokens:
            tokens[-1] += " "
        elif ch != " ":
            tokens.append(ch)
    if word:
        tokens.append(word)
    return tokens


def _wrap_paragraph(text: str, columns: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in _tokens(text.strip()):
        while text_columns(token.rstrip()) > columns:  # a word longer than a line: cut it
            room = columns - text_columns(line)
            if room < 1:
                lines.append(line.rstrip())
                line, room = "", columns
            cut = _fit(token, room)
            lines.append((line + token[:cut]).rstrip())
            line, token = "", token[cut:]
        if text_columns((line + token).rstrip()) <= columns:
            line += token
            continue
        if token[0] in _CLOSING and line:  # carry the last character down with the punctuation
            carried, line = line.rstrip()[-1], line.rstrip()[:-1]
            lines.append(line.rstrip())
            line = carried + token
            continue
        lines.append(line.rstrip())
        line = token
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def _fit(text: str, columns: int) -> int:
    used = 0
    for i, ch in enumerate(text):
        used += char_columns(ch)
        if used > columns:
            return max(i, 1)
    return len(text)


def row(label: str, value: str, columns: int) -> list[str]:
    """`label` at the left and `value` at the right of one line; when both do not fit, the label on its own
    line and the value below it, right-aligned, wrapped if need be."""
    gap = columns - text_columns(label) - text_columns(value)
    if gap >= 1:
        return [label + " " * gap + value]
    lines = wrap(label, columns)
    for part in wrap(value, columns):
        lines.append(" " * (columns - text_columns(part)) + part)
    return lines


# ---- the document ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    text: str
    align: Align = "left"
    bold: bool = False
    double: bool = False  # double width and height


@dataclass(frozen=True, repr=False)
class Qr:
    data: str

    def __repr__(self) -> str:
        return f"Qr({len(self.data)} characters)"


@dataclass(frozen=True)
class Feed:
    lines: int


@dataclass(frozen=True)
class Cut:
    partial: bool = True


Block = Line | Qr | Feed | Cut
Document = tuple[Block, ...]


def check_fits(document: Document, page: Paper) -> None:
    """ValueError naming the first line wider than the paper (layout's job is to make this never happen)."""
    for number, block in enumerate(document, 1):
        if isinstance(block, Line):
            width = text_columns(block.text) * (2 if block.double else 1)
            if width > page.columns:
                raise ValueError(f"block {number} is {width} columns wide; {page.width_mm} mm paper has "
                                 f"{page.columns}")
