"""A problem found in a definition, named by file, line and step, and the error that carries them all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    step: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: step {self.step!r}: {self.message}" if self.step else f"{where}: {self.message}"


class DefinitionError(Exception):
    """One or more definitions are wrong; str() lists every problem, one a line, in file and line order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (p.file, p.line or 0)))
        super().__init__("\n".join(str(p) for p in self.problems))
