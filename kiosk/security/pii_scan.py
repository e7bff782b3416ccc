"""Find a citizen's personal data written in plain text in files: the store, its WAL, logs, reports.

    needles = citizen_needles(name="张三", id_number="110101199001010015", phone="13800138000")
    hits = scan_files(files_under(data_dir), needles)      # [] when nothing leaked

Each needle is looked for in every encoding a program might have used to write it: UTF-8, UTF-16 (both byte
orders, as Qt and SQLite's UTF-16 text do), GB18030 (the Chinese national encoding), and the \\uXXXX escapes
of JSON written with ensure_ascii. An ID number is also looked for with a lower-case check letter.
A hit says which file, where, which kind of data and in which encoding; never the value itself, so a report
of hits can be logged or printed safely. Pure apart from reading the files; used by tests/security and by
the soak (bench/soak.py) after its run.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")


@dataclass(frozen=True)
class Needle:
    """One piece of personal data to look for. `kind`: name, id_number, phone ... (what a hit reports)."""

    kind: str
    text: str = field(repr=False)

    def patterns(self) -> dict[bytes, str]:
        """Every byte string this text may have been written as -> the encoding's name."""
        texts = {self.text, self.text.lower(), self.text.upper()} if self.kind == "id_number" else {self.text}
        found: dict[bytes, str] = {}
        for text in sorted(texts):
            for encoding in ENCODINGS:
                try:
                    found.setdefault(text.encode(encoding), encoding)
                except UnicodeEncodeError:
                    continue
            escaped = json.dumps(text)[1:-1].encode("ascii")
            found.setdefault(escaped, "json-escaped")
        return {p: e for p, e in found.items() if p}


@dataclass(frozen=True)
class Hit:
    path: Path
    offset: int
    kind: str
    encoding: str

    def __str__(self) -> str:
        return f"{self.path} at byte {self.offset}: a {self.kind} ({self.encoding})"


def citizen_needles(*, name: str = "", id_number: str = "", phone: str = "") -> tuple[Needle, ...]:
    """The needles for one citizen; empty values are left out."""
    return tuple(Needle(kind, text) for kind, text in (("name", name), ("id_number", id_number),
                                                      ("phone", phone)) if text)


def scan_bytes(data: bytes, needles: Iterable[Needle]) -> list[tuple[int, str, str]]:
    """(offset, kind, encoding) of every occurrence of every needle in `data`, by offset."""
    found = set()
    for needle in needles:
        for pattern, encoding in needle.patterns().items():
            at = data.find(pattern)
            while at >= 0:
                found.add((at, needle.kind, encoding))
                at = data.find(pattern, at + 1)
    return sorted(found)


def scan_files(paths: Iterable[Path], needles: Iterable[Needle]) -> list[Hit]:
    """The hits in each readable file of `paths` (a file that vanished meanwhile is skipped)."""
    needles = tuple(needles)
    hits = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            continue
        hits += [Hit(Path(path), offset, kind, encoding) for offset, kind, encoding in scan_bytes(data, needles)]
    return hits


def files_under(*folders: Path, exclude: Iterable[Path] = ()) -> list[Path]:
    """Every regular file below `folders`, sorted, except those below an `exclude` folder (or named there)."""
    excluded = [Path(e).resolve() for e in exclude]
    files = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            real = path.resolve()
            if path.is_file() and not path.is_symlink() and not any(
                    real == e or e in real.parents for e in excluded):
                files.append(path)
    return files
