"""Service definitions from TOML files into flows.definition objects, checked, every problem with its line.

    load_definition(path, ids=..., icons=...) -> Definition      (raises DefinitionError)
    load_definitions(folder=DEFINITIONS_DIR) -> tuple[Definition, ...]
    check_files(paths) -> list[Problem]                            (what `kiosk flows check` prints)

A file's shape (one file per service, its name the service id):

    id = "id_photo"                 title = "service.id_photo"      prompt = "prompt.service.id_photo"
    department = "general"          icon = "photo"                  fee_fen = 1000
    needs_network = false           offline_note = "offline.id_photo"   # needed when needs_network

    [steps.capture]                 # steps in order; the first is where a session starts
    type = "photo_capture"          # one of flows.steps.STEP_TYPES
    title = "..."  prompt = "..."   # optional: default step.<type>.title / step.<type>.prompt
    timeout_s = 90  retries = 2     # optional: the step type's defaults
    completes = true                # optional: finishing this step ok means the service was delivered
    params = { purpose = "id_photo" }
    on = { ok = "print", failed = "capture_failed", timeout = "capture_failed" }

    [demo.happy]                    # scripted citizens, see flows.demo
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from flows import demo as demo_format
from flows.definition import ENDS, Definition, Step
from flows.i18n import flow_catalogues, known_ids
from flows.paths import DEFINITIONS_DIR, assets_dir, icon_names
from flows.problems import DefinitionError, Problem
from flows.steps import STEP_TYPES, StepType
from flows.tomllines import LineIndex

DEPARTMENTS = ("public_security", "social_security", "general")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TOP = {"id": str, "title": str, "prompt": str, "department": str, "icon": str, "fee_fen": int,
        "needs_network": bool, "offline_note": str, "steps": dict, "demo": dict}
_OPTIONAL_TOP = {"offline_note", "demo"}
_STEP = {"type": str, "title": str, "prompt": str, "params": dict, "on": dict, "timeout_s": float,
         "retries": int, "completes": bool}
_KIND = {"str": str, "int": int, "float": float, "bool": bool, "list": list, "dict": dict}


def is_kind(value: Any, kind: type | str) -> bool:
    typ = _KIND[kind] if isinstance(kind, str) else kind
    if typ is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if typ is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if typ is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, typ)


def _kind_name(kind: type | str) -> str:
    name = kind if isinstance(kind, str) else kind.__name__
    return {"str": "text", "int": "whole number", "float": "number", "bool": "true or false",
            "list": "list of texts", "dict": "table"}[name]


class _Checker:
    """Collects problems for one file, each placed at the line of the key it is about."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.index = LineIndex(text)
        self.problems: list[Problem] = []

    def add(self, path: tuple[str, ...], message: str, step: str | None = None) -> None:
        self.problems.append(Problem(self.file, self.index.line(path), step, message))


def load_definition(path: Path, *, ids: frozenset[str] | None = None,
                    icons: frozenset[str] | None = None) -> Definition:
    """The definition in `path`, or DefinitionError listing every problem. `ids` (translation ids) and
    `icons` default to those of the shipped assets."""
    path = Path(path)
    ids = known_ids(flow_catalogues(assets_dir() / "i18n")) if ids is None else ids
    icons = icon_names() if icons is None else icons
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as e:
        raise DefinitionError([Problem(str(path), None, None, f"cannot be read ({e.strerror})")]) from None
    except UnicodeDecodeError:
        raise DefinitionError([Problem(str(path), None, None, "is not UTF-8 text")]) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        match = re.search(r"\(at line (\d+), column \d+\)$", str(e))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(e))
        raise DefinitionError([Problem(str(path), int(match[1]) if match else None, None,
                                       f"not valid TOML: {reason}")]) from None
    checker = _Checker(str(path), text)
    definition = _definition(raw, path, checker, ids, icons)
    if checker.problems or definition is None:
        raise DefinitionError(checker.problems)
    return definition


def load_definitions(folder: Path = DEFINITIONS_DIR) -> tuple[Definition, ...]:
    """Every *.toml of `folder`, sorted by file name; DefinitionError with the problems of all of them."""
    ids = known_ids(flow_catalogues(assets_dir() / "i18n"))
    icons = icon_names()
    found, problems = [], []
    for path in sorted(Path(folder).glob("*.toml")):
        try:
            found.append(load_definition(path, ids=ids, icons=icons))
        except DefinitionError as e:
            problems += e.problems
    if problems:
        raise DefinitionError(problems)
    return tuple(found)


def check_files(paths: Iterable[Path]) -> list[Problem]:
    """Every problem of the given definition files (folders: their *.toml), for `kiosk flows check`."""
    ids = known_ids(flow_catalogues(assets_dir() / "i18n"))
    icons = icon_names()
    problems: list[Problem] = []
    for given in paths:
        given = Path(given)
        files = sorted(given.glob("*.toml")) if given.is_dir() else [given]
        for path in files:
            try:
                load_definition(path, ids=ids, icons=icons)
            except DefinitionError as e:
                problems += e.problems
    return problems


# ---- the checks -----------------------------------------------------------------------------------------


def _definition(raw: dict, path: Path, c: _Checker, ids: frozenset[str],
                icons: frozenset[str]) -> Definition | None:
    for key in sorted(set(raw) - set(_TOP)):
        c.add((key,), f"unknown key {key!r} (known: {', '.join(_TOP)})")
    for key, kind in _TOP.items():
        if key not in raw:
            if key not in _OPTIONAL_TOP:
                c.add((), f"missing key {key!r}")
        elif not is_kind(raw[key], kind):
            c.add((key,), f"{key} must be a {_kind_name(kind)}, not {raw[key]!r}")
    if c.problems:
        return None
    if raw["id"] != path.stem:
        c.add(("id",), f"id {raw['id']!r} must be the file's name ({path.stem!r})")
    if raw["department"] not in DEPARTMENTS:
        c.add(("department",), f"unknown department {raw['department']!r} (known: {', '.join(DEPARTMENTS)})")
    if raw["icon"] not in icons:
        c.add(("icon",), f"no icon {raw['icon']!r} in assets/icons")
    if raw["fee_fen"] < 0:
        c.add(("fee_fen",), "fee_fen cannot be negative")
    if raw["needs_network"] and "offline_note" not in raw:
        c.add(("needs_network",), "a service that needs the network names an offline_note (where else to go)")
    for key in ("title", "prompt", "offline_note"):
        if key in raw and raw[key] not in ids:
            c.add((key,), f"no translation for {raw[key]!r} in flows_zh_CN.ts and flows_en.ts")
    steps = [s for s in (_step(raw["id"], sid, body, c, ids) for sid, body in raw["steps"].items()) if s]
    if not raw["steps"]:
        c.add(("steps",), "a definition has at least one step")
    if c.problems:
        return None
    _graph(steps, c)
    demos = demo_format.parse_demos(raw.get("demo", {}), steps, c.add)
    if c.problems:
        return None
    return Definition(raw["id"], raw["title"], raw["prompt"], raw["department"], raw["icon"], raw["fee_fen"],
                      raw["needs_network"], raw.get("offline_note", ""), tuple(steps), demos, str(path))


def _step(service: str, sid: str, body: Any, c: _Checker, ids: frozenset[str]) -> Step | None:
    where = ("steps", sid)
    before = len(c.problems)
    if not _ID.match(sid):
        c.add(where, "a step id is lower-case letters, digits and _", sid)
    if not isinstance(body, dict):
        c.add(where, "a step is a table", sid)
        return None
    for key in sorted(set(body) - set(_STEP)):
        c.add(where + (key,), f"unknown key {key!r} (known: {', '.join(_STEP)})", sid)
    for key, kind in _STEP.items():
        if key in body and not is_kind(body[key], kind):
            c.add(where + (key,), f"{key} must be a {_kind_name(kind)}, not {body[key]!r}", sid)
    if "type" not in body:
        c.add(where, "missing key 'type'", sid)
    elif isinstance(body["type"], str) and body["type"] not in STEP_TYPES:
        c.add(where + ("type",), f"unknown step type {body['type']!r} (known: {', '.join(sorted(STEP_TYPES))})",
              sid)
    if len(c.problems) > before:
        return None
    kind = STEP_TYPES[body["type"]]
    params = _params(kind, body.get("params", {}), where, sid, c)
    on = body.get("on", {})
    outcomes = kind.outcomes(params)
    for outcome, target in on.items():
        if outcome not in outcomes:
            c.add(where + ("on", outcome), f"a {kind.name} step has no outcome {outcome!r} "
                  f"(it has: {', '.join(sorted(outcomes))})", sid)
        if not isinstance(target, str):
            c.add(where + ("on", outcome), f"a transition names a step, not {target!r}", sid)
    missing = kind.missing_transitions(params, on)
    if missing:
        c.add(where + ("on",), f"no transition for outcome {', '.join(missing)}", sid)
    title = body.get("title", f"step.{kind.name}.title")
    prompt = body.get("prompt", f"step.{kind.name}.prompt")
    for key, value in (("title", title), ("prompt", prompt)):
        if value not in ids:
            c.add(where + (key,), f"no translation for {key} {value!r} in flows_zh_CN.ts and flows_en.ts", sid)
    for value in kind.translation_ids(params) if len(c.problems) == before else ():
        if value not in ids:
            c.add(where + ("params",), f"no translation for {value!r} in flows_zh_CN.ts and flows_en.ts", sid)
    timeout_s = float(body.get("timeout_s", kind.timeout_s))
    retries = body.get("retries", kind.retries)
    if timeout_s <= 0:
        c.add(where + ("timeout_s",), "timeout_s must be more than 0", sid)
    if retries < 0:
        c.add(where + ("retries",), "retries cannot be negative", sid)
    if len(c.problems) > before:
        return None
    return Step(sid, kind.name, title, prompt, params, dict(on), timeout_s, retries,
                body.get("completes", False), c.index.line(where) or 0)


def _params(kind: StepType, raw: dict, where: tuple[str, ...], sid: str, c: _Checker) -> dict[str, Any]:
    declared = {p.name: p for p in kind.params}
    for name in sorted(set(raw) - set(declared)):
        known = ", ".join(declared) or "none"
        c.add(where + ("params", name), f"a {kind.name} step has no parameter {name!r} (it has: {known})", sid)
    params: dict[str, Any] = {}
    for p in kind.params:
        at = where + ("params", p.name)
        if p.name not in raw:
            if p.required:
                c.add(where + ("params",), f"missing parameter {p.name!r} ({_kind_name(p.kind)})", sid)
            elif p.default is not None:
                params[p.name] = p.default
            continue
        value = raw[p.name]
        if not is_kind(value, p.kind):
            c.add(at, f"parameter {p.name} must be a {_kind_name(p.kind)}, not {value!r}", sid)
            continue
        items = value if isinstance(value, list) else [value]
        bad = [v for v in items if p.allowed and v not in p.allowed]
        if bad:
            c.add(at, f"parameter {p.name}: {bad[0]!r} is not one of {', '.join(map(repr, p.allowed))}", sid)
        if p.minimum is not None and value < p.minimum:
            c.add(at, f"parameter {p.name} must be at least {p.minimum:g}", sid)
        if p.kind == "list" and (not value or len(set(value)) != len(value)):
            c.add(at, f"parameter {p.name} must list distinct values, at least one", sid)
        params[p.name] = value
    return params


def _graph(steps: list[Step], c: _Checker) -> None:
    """Every transition names a step or an end; every step can be reached from the first."""
    known = {s.id for s in steps}
    for s in steps:
        for outcome, target in s.on.items():
            if target not in known and target not in ENDS:
                c.add(("steps", s.id, "on", outcome), f"transition {outcome!r} goes to a missing step {target!r} "
                      f"(steps: {', '.join(sorted(known))}; ends: {', '.join(sorted(ENDS))})", s.id)
    by_id = {s.id: s for s in steps}
    seen, todo = {steps[0].id}, [steps[0].id]
    while todo:
        for target in by_id[todo.pop()].on.values():
            if target in by_id and target not in seen:
                seen.add(target)
                todo.append(target)
    for s in steps:
        if s.id not in seen:
            c.add(("steps", s.id), "unreachable: no transition leads here from the first step", s.id)
    if not any(s.completes for s in steps):
        c.add(("steps",), "no step has completes = true: the session could never count as done")


def translation_ids_of(definition: Definition) -> set[str]:
    """Every translation id a definition uses (for tests and tools)."""
    found = {definition.title, definition.prompt} | ({definition.offline_note} - {""})
    for s in definition.steps:
        found |= {s.title, s.prompt, *STEP_TYPES[s.type].translation_ids(s.params)}
    return found


