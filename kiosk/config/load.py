"""load_config: read kiosk.toml, apply KIOSK__ environment overrides, validate, explain every problem."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk import paths
from kiosk.config.errors import ConfigError, Issue, Problem, explain
from kiosk.config.locate import locate
from kiosk.config.overrides import Override, OverrideError, apply_override, read_overrides
from kiosk.config.schema import DEVICE_KINDS, SIM_DRIVER, Config, Settings

_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")


def load_config(path: Path | None = None, *, env: Mapping[str, str] | None = None,
                simulate: bool = False) -> Config:
    """The configuration from `path` (default /etc/kiosk/kiosk.toml if present, else built-in defaults).

    `env` defaults to os.environ; `simulate` makes every device use its simulator. Raises ConfigError.
    """
    env = os.environ if env is None else env
    if path is None and paths.DEFAULT_CONFIG_PATH.exists():
        path = paths.DEFAULT_CONFIG_PATH
    text, raw = ("", {}) if path is None else _read(Path(path))
    source = "built-in defaults" if path is None else str(path)

    raw.setdefault("devices", {kind: {"kind": kind} for kind in DEVICE_KINDS})
    overrides = read_overrides(env)
    problems = []
    for override in overrides:
        try:
            apply_override(raw, override)
        except OverrideError as e:
            problems.append(Problem(".".join(override.path), e.args[1], "a key path", env_var=override.var))
    if simulate and isinstance(raw.get("devices"), dict):
        for device in raw["devices"].values():
            if isinstance(device, dict):
                device["driver"] = SIM_DRIVER

    settings = None
    try:
        settings = Settings.model_validate(raw)
    except ValidationError as e:
        problems += [_place(issue, text, source if path else None, overrides) for issue in explain(e)]
    if problems or settings is None:
        # File problems in line order, then environment problems by variable name (stable within each).
        problems.sort(key=lambda p: (p.env_var is not None, p.line or 0, p.env_var or ""))
        raise ConfigError(problems)
    return Config(**{name: getattr(settings, name) for name in Settings.model_fields}, source=source)


def _read(path: Path) -> tuple[str, dict[str, Any]]:
    file = str(path)
    if not path.exists():
        raise ConfigError([Problem("", "the configuration file does not exist", "an existing file", file)])
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as e:
        raise ConfigError([Problem("", f"cannot be read ({e.strerror})", "a readable file", file)]) from e
    except UnicodeDecodeError as e:
        raise ConfigError([Problem("", "is not UTF-8 text", "a UTF-8 text file", file)]) from e
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message = str(e)
        match = _AT_LINE.search(message)
        line = int(match[1]) if match else None
        reason = _AT_LINE.sub("", message)
        raise ConfigError([Problem("", f"not valid TOML: {reason}", "valid TOML", file, line)]) from e


def _place(issue: Issue, text: str, file: str | None, overrides: list[Override]) -> Problem:
    """Put an issue where the technician wrote it: a line of the file, or an environment variable."""
    key = ".".join(issue.loc)
    in_file = locate(text, issue.loc) if text else None
    file_depth = in_file.depth if in_file else 0
    best_var, best_depth = None, 0
    for override in overrides:
        depth = _common(override.path, issue.loc)
        if depth > best_depth:
            best_var, best_depth = override.var, depth
    if best_var and (best_depth > file_depth or best_depth == len(issue.loc)):
        return Problem(key, issue.text, issue.expected, env_var=best_var)
    return Problem(key, issue.text, issue.expected, file, in_file.line if in_file else None)


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
