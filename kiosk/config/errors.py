"""ConfigError, and turning pydantic's validation errors into sentences a technician can act on."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from dataclasses import dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from kiosk.config.schema import DEVICE_TABLE_EXPECTED, Settings


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the configuration, and where it was written."""

    key: str  # dotted key, e.g. "ui.idle_timeout_s"; "" when the problem is the whole file
    text: str  # what is wrong, e.g. 'expected a whole number ..., got "abc"'
    expected: str  # what a valid value looks like, in plain words
    file: str | None = None
    line: int | None = None
    env_var: str | None = None  # set when the value came from an environment variable

    def render(self) -> str:
        if self.env_var:
            where = f"environment variable {self.env_var}"
        elif self.file:
            where = f"{self.file}:{self.line}" if self.line else self.file
        else:
            where = "built-in defaults"
        parts = self.key.split(".") if self.key else []
        if len(parts) > 3 and parts[0] == "devices":  # inside a device's list: [devices.NAME] doors.1.size
            return f"{where}: [{'.'.join(parts[:2])}] {'.'.join(parts[2:])}: {self.text}"
        if len(parts) > 1:
            return f"{where}: [{'.'.join(parts[:-1])}] {parts[-1]}: {self.text}"
        if parts:
            return f"{where}: {parts[0]}: {self.text}"
        return f"{where}: {self.text}"


class ConfigError(Exception):
    """The configuration cannot be used. str() is every problem, one a line, the first problem first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("ConfigError needs at least one problem")
        self.problems = tuple(problems)
        first = self.problems[0]
        self.file, self.line, self.key = first.file, first.line, first.key
        self.expected, self.env_var = first.expected, first.env_var
        super().__init__("\n".join(p.render() for p in self.problems))


@dataclass(frozen=True)
class Issue:
    """A validation error before it is placed in a file or an environment variable."""

    loc: tuple[str, ...]
    text: str
    expected: str


def show(value: Any) -> str:
    """A value as the technician wrote it, more or less: TOML spelling for booleans, quotes around text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (datetime.date, datetime.time)):
        return f"the date/time {value.isoformat()}"
    return repr(value)


def _target(loc: tuple[str, ...]) -> tuple[type[BaseModel] | None, FieldInfo | None, bool]:
    """(model holding the last key, its field or None if unknown, whether loc names a devices entry)."""
    model: type[BaseModel] | None = Settings
    i = 0
    while model is not None and i < len(loc):
        field = model.model_fields.get(loc[i])
        if field is None or i == len(loc) - 1:
            return model, field, False
        annotation = _not_none(field.annotation)
        if get_origin(annotation) is dict:  # the next part is a name chosen by the user
            i += 1
            if i == len(loc) - 1:
                return None, None, True
            annotation = get_args(annotation)[1]
        elif get_origin(annotation) is list:  # the next part is an index into the list
            i += 1
            if i == len(loc) - 1:
                return None, None, False
            annotation = get_args(annotation)[0]
        model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
        i += 1
    return None, None, False


def _not_none(annotation: Any) -> Any:
    """`X | None` -> X; anything else unchanged."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    return args[0] if get_origin(annotation) in (UnionType, Union) and len(args) == 1 else annotation


def _expected(field: FieldInfo | None) -> str:
    extra = field.json_schema_extra if field else None
    return str(extra.get("expected", "")) if isinstance(extra, dict) else ""


#: Custom errors of DeviceConfig's cross-key checks, and the key each is placed on.
DEVICE_RULES = {"central_cert_pair": "client_key", "device_driver": "driver", "device_locker_only": "doors", "locker_door_twice": "doors",
                "locker_wire_twice": "doors"}


def explain(error: ValidationError) -> list[Issue]:
    """One Issue per pydantic error, in pydantic's order."""
    issues = []
    for err in error.errors():
        loc = tuple(str(part) for part in err["loc"])
        model, field, is_entry = _target(loc)
        kind = err["type"]
        ctx = err.get("ctx") or {}
        if kind == "device_needs_port":
            issues.append(Issue(loc + ("port",), err["msg"], "a port such as /dev/serial/by-id/..."))
        elif kind in DEVICE_RULES:
            # a rule across a device's keys: placed on the key (and list entry) it is about
            at = loc + (DEVICE_RULES[kind],) + ((str(ctx["index"]),) if "index" in ctx else ())
            issues.append(Issue(at, err["msg"], ctx.get("expected", err["msg"])))
        elif "kiosk_rule" in ctx:  # a rule of ours that says it all (CentralConfig in a production build)
            issues.append(Issue(loc, err["msg"], str(ctx["kiosk_rule"])))
        elif kind == "extra_forbidden" and model is not None:
            known = ", ".join(model.model_fields)
            what = "section" if model is Settings else "key"
            issues.append(Issue(loc, f"unknown {what} (known {what}s: {known})", f"one of: {known}"))
        elif is_entry:
            issues.append(Issue(loc, f"expected {DEVICE_TABLE_EXPECTED}, got {show(err['input'])}",
                                DEVICE_TABLE_EXPECTED))
        else:
            expected = _expected(field) or err["msg"].lower()
            if kind == "missing":
                issues.append(Issue(loc, f"missing; expected {expected}", expected))
            else:
                issues.append(Issue(loc, f"expected {expected}, got {show(err['input'])}", expected))
    return issues
