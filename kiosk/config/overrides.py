"""Environment variables that override single keys: KIOSK__UI__IDLE_TIMEOUT_S=90 sets [ui] idle_timeout_s.

Only variables starting with KIOSK__ are read. The rest of the name is the key path, parts separated by
double underscores and lower-cased. The value is read as a TOML value when it is one (90 is a number, true a
boolean, "x" a text) and as plain text otherwise (/dev/ttyUSB1).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PREFIX = "KIOSK__"


@dataclass(frozen=True)
class Override:
    var: str  # the environment variable, for messages
    path: tuple[str, ...]
    value: Any


class OverrideError(ValueError):
    """An override that cannot be applied; args[0] is the variable, args[1] the reason."""


def parse_value(text: str) -> Any:
    """A TOML value if `text` is exactly one, else `text` itself."""
    try:
        parsed = tomllib.loads(f"value = {text}")
    except tomllib.TOMLDecodeError:
        return text
    return parsed["value"] if list(parsed) == ["value"] else text


def read_overrides(env: Mapping[str, str]) -> list[Override]:
    """The KIOSK__ variables of `env`, sorted by name so messages come out in a stable order."""
    overrides = []
    for var in sorted(env):
        if var.startswith(PREFIX):
            path = tuple(part.lower() for part in var[len(PREFIX):].split("__"))
            overrides.append(Override(var, path, parse_value(env[var])))
    return overrides


def apply_override(raw: dict[str, Any], override: Override) -> None:
    """Set one key in the parsed TOML; raises OverrideError when the path cannot hold it."""
    if not all(override.path):
        raise OverrideError(override.var, "the name needs key parts separated by double underscores, "
                                          "for example KIOSK__UI__IDLE_TIMEOUT_S")
    table = raw
    for depth, part in enumerate(override.path[:-1]):
        table = table.setdefault(part, {})
        if not isinstance(table, dict):
            above = ".".join(override.path[: depth + 1])
            raise OverrideError(override.var, f"{above} is not a table, so it has no key {override.path[-1]}")
    table[override.path[-1]] = override.value
