"""load_config: read kiosk.toml and its drop-ins, apply KIOSK__ environment overrides, validate, explain
every problem.

Drop-ins are `kiosk.d/*.toml` beside kiosk.toml, read in name order and merged over it table by table, key by
key (a later file wins a key; lists are replaced whole). They let a tool such as `kiosk provision` add
settings without rewriting kiosk.toml, which is the installer's file (a Debian conffile). A problem is placed
in the file that wrote the key, with its line.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kiosk import paths
from kiosk.config.errors import ConfigError, Issue, Problem, explain
from kiosk.config.locate import locate
from kiosk.config.overrides import Override, OverrideError, apply_override, read_overrides
from kiosk.config.schema import DEVICE_KINDS, SIM_DRIVER, Config, Settings

_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")

#: The folder of drop-ins, beside kiosk.toml.
DROPIN_DIR = "kiosk.d"


@dataclass(frozen=True)
class Source:
    """One file that gave settings: its name for messages, its text (to find lines in)."""

    file: str
    text: str


def load_config(path: Path | None = None, *, env: Mapping[str, str] | None = None,
                simulate: bool = False) -> Config:
    """The configuration from `path` (default /etc/kiosk/kiosk.toml if present, else built-in defaults).

    `env` defaults to os.environ; `simulate` makes every device use its simulator. Raises ConfigError.
    """
    env = os.environ if env is None else env
    if path is None and paths.DEFAULT_CONFIG_PATH.exists():
        path = paths.DEFAULT_CONFIG_PATH
    text, raw = ("", {}) if path is None else read_toml(Path(path))
    sources = [] if path is None else [Source(str(path), text)]
    for dropin in dropin_files((Path(path) if path else paths.DEFAULT_CONFIG_PATH).parent / DROPIN_DIR):
        dropin_text, dropin_raw = read_toml(dropin)
        merge(raw, dropin_raw)
        sources.append(Source(str(dropin), dropin_text))
    source = "built-in defaults" if path is None else str(path)
    if len(sources) > (path is not None):
        source += " + " + ", ".join(s.file for s in sources[path is not None:])

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
        problems += [_place(issue, sources, overrides) for issue in explain(e)]
    if problems or settings is None:
        # File problems file by file in line order, then environment problems by variable name.
        order = {s.file: n for n, s in enumerate(sources)}
        problems.sort(key=lambda p: (p.env_var is not None, order.get(p.file or "", 0), p.line or 0,
                                     p.env_var or ""))
        raise ConfigError(problems)
    return Config(**{name: getattr(settings, name) for name in Settings.model_fields}, source=source)


def dropin_files(folder: Path) -> list[Path]:
    """The drop-ins in `folder`, in name order (none when the folder does not exist)."""
    if not folder.is_dir():
        return []
    try:  # not glob(), which passes over a folder it may not read as if it were empty
        return sorted((p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file()), key=lambda p: p.name)
    except OSError as e:
        raise ConfigError([Problem("", f"the drop-in folder cannot be read ({e.strerror})", "a readable folder",
                                   str(folder))]) from e


def merge(base: dict[str, Any], over: Mapping[str, Any]) -> None:
    """Merge `over` into `base`: tables key by key, any other value (lists too) replaced."""
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            merge(base[key], value)
        else:
            base[key] = value


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """The text and parsed TOML of one configuration file; ConfigError names the file (and line)."""
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


def _place(issue: Issue, sources: list[Source], overrides: list[Override]) -> Problem:
    """Put an issue where the technician wrote it: a line of the file (the last one that wrote the key, or
    else came closest to it), or an environment variable."""
    key = ".".join(issue.loc)
    file, in_file = None, None
    for candidate in reversed(sources):
        found = locate(candidate.text, issue.loc) if candidate.text else None
        if found is not None and (in_file is None or found.depth > in_file.depth):
            file, in_file = candidate.file, found
    if file is None and sources:
        file = sources[0].file
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
