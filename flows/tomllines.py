"""Find the line of a key in TOML text, for error messages (tomllib reports no positions).

A line-by-line scan that knows table headers (`[a.b]`, `[[a.b]]`), keys and dotted keys (`a.b = 1`, quoted
parts too) and skips the inside of multi-line strings and arrays. When the key itself is not written (a
missing key, or one inside an inline table), the answer is the line of the deepest table or key above it.
The idea is kiosk/config/locate.py's; flows cannot import kiosk, so it is kept here in its own form.
"""

from __future__ import annotations

import re

_PART = r'(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')'
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"^\s*\[\[?\s*(?P<name>{_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(rf"^\s*(?P<name>{_DOTTED})\s*=")
_SPLIT = re.compile(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)')


def split_key(dotted: str) -> tuple[str, ...]:
    """`steps."my step".on` -> ("steps", "my step", "on")."""
    return tuple(next(g for g in m.groups() if g is not None) for m in _SPLIT.finditer(dotted))


class LineIndex:
    """Every written key path of a TOML text and its line; `line(path)` answers for any path."""

    def __init__(self, text: str) -> None:
        self._lines: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        open_quote: str | None = None
        depth = 0  # open brackets of a multi-line array
        for number, line in enumerate(text.splitlines(), start=1):
            if open_quote:
                if open_quote in line:
                    open_quote = None
                continue
            if depth > 0:
                depth = max(0, depth + _brackets(line))
                continue
            if header := _HEADER.match(line):
                table = split_key(header["name"])
                self._lines.setdefault(table, number)
                continue
            if key := _KEY.match(line):
                self._lines.setdefault(table + split_key(key["name"]), number)
                rest = line[key.end():]
                open_quote = next((q for q in ('"""', "'''") if rest.count(q) == 1), None)
                depth = max(0, _brackets(rest))

    def line(self, path: tuple[str, ...]) -> int | None:
        """The line where `path` is written, else that of its deepest written parent, else None."""
        for n in range(len(path), 0, -1):
            found = self._lines.get(tuple(path[:n]))
            if found is not None:
                return found
        return None


def _brackets(text: str) -> int:
    """Net open square brackets outside strings and comments (enough for arrays spread over lines)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'', "", text).split("#", 1)[0]
    return text.count("[") - text.count("]")
