"""Find the line of a key in TOML text, for error messages (tomllib reports no positions).

A line-by-line scan that knows table headers (`[a.b]`, `[[a.b]]`), keys and dotted keys (`a.b = 1`,
quoted parts too), and skips the inside of multi-line strings. When the key itself is not written (a missing
key, or one inside an inline table), the answer is the line of the deepest table or key above it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_PART = r'(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')'
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"^\s*\[\[?\s*(?P<name>{_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(rf"^\s*(?P<name>{_DOTTED})\s*=")
_SPLIT = re.compile(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')


class Location(NamedTuple):
    line: int
    depth: int  # how many parts of the wanted key path this line matched; == len(path) when exact


def split_key(dotted: str) -> tuple[str, ...]:
    """`devices."my printer".port` -> ("devices", "my printer", "port")."""
    return tuple(next(g for g in m.groups() if g is not None) for m in _SPLIT.finditer(dotted))


def locate(text: str, path: tuple[str, ...]) -> Location | None:
    """The line where `path` is set, else the line of its deepest written parent, else None."""
    best: Location | None = None
    table: tuple[str, ...] = ()
    open_quote: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if open_quote:
            if open_quote in line:
                open_quote = None
            continue
        key, rest = None, ""
        if header := _HEADER.match(line):
            table = split_key(header["name"])
            written = table
        elif key := _KEY.match(line):
            written = table + split_key(key["name"])
            rest = line[key.end():]
            open_quote = next((q for q in ('"""', "'''") if rest.count(q) == 1), None)
        else:
            continue
        if written == path[: len(written)] and (best is None or len(written) > best.depth):
            best = Location(number, len(written))
            if best.depth == len(path):
                return best
            if key and path[best.depth].isdigit() and rest.strip().startswith("[") and "]" not in rest:
                entry = _array_entry(text.splitlines()[number:], int(path[best.depth]))
                if entry is not None:
                    return Location(number + entry, best.depth + 1)
    return best


def _array_entry(lines: list[str], index: int) -> int | None:
    """In a multi-line array written one element a line, how many lines below its key element `index` is."""
    seen = -1
    for offset, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("]"):
            return None
        if stripped and not stripped.startswith("#"):
            seen += 1
            if seen == index:
                return offset
    return None
