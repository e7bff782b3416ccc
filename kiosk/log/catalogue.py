"""The catalogue of log events: every line the kiosk writes is one of these, with declared fields only.

To log something new, add an EventSpec here: a dotted name, its type and disposition, its level, one line
saying what happened, and each field with its kind (kiosk/log/fields.py says how each kind is written).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, get_args

from kiosk.log.fields import FIELD_KINDS, FieldKind

EventType = Literal["application", "device", "session", "sync", "security", "user-action"]
Disposition = Literal["success", "failure", "na"]
Level = Literal["debug", "info", "warning", "error"]

#: Keys every line has; no field may use them.
RESERVED_KEYS = frozenset({"ts", "event", "type", "disposition", "level"})


class UnknownEventError(Exception):
    """log_event was called with a name that is not in the catalogue (a programming error)."""


class UndeclaredFieldError(Exception):
    """log_event was given a field its event does not declare (a programming error)."""


@dataclass(frozen=True)
class EventSpec:
    name: str
    type: EventType
    disposition: Disposition
    level: Level
    description: str
    fields: Mapping[str, FieldKind] = field(default_factory=dict)

    def __post_init__(self) -> None:
        problems = [] if "." in self.name else ["name is not dotted"]
        checks = (("type", self.type, EventType), ("disposition", self.disposition, Disposition),
                  ("level", self.level, Level))
        for what, value, allowed in checks:
            if value not in get_args(allowed):
                problems.append(f"{what} {value!r}")
        problems += [f"field {name!r} of kind {kind!r}" for name, kind in self.fields.items()
                     if kind not in FIELD_KINDS or name in RESERVED_KEYS]
        if problems:
            raise ValueError(f"event {self.name!r} is malformed: {', '.join(problems)}")
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))


_E = EventSpec
_CATALOGUE = (
    _E("app.started", "application", "success", "info", "The kiosk process started.",
       {"version": "code", "platform": "text", "config_source": "path", "simulate": "bool"}),
    _E("app.stopped", "application", "success", "info", "The kiosk process is stopping.", {"reason": "code"}),
    _E("app.config_invalid", "application", "failure", "error", "The configuration was refused at start.",
       {"source": "path", "line": "int", "key": "code"}),
    _E("ui.first_frame", "application", "success", "info", "The first frame of the UI was shown.",
       {"startup_ms": "int"}),
    _E("ui.screen_shown", "user-action", "na", "info", "A screen was shown.", {"screen": "code"}),
    _E("ui.language_changed", "user-action", "success", "info", "The citizen changed the language.",
       {"language": "code"}),
    _E("ui.large_text_changed", "user-action", "success", "info", "Large-text mode was switched on or off.",
       {"enabled": "bool"}),
    _E("session.started", "session", "na", "info", "A citizen session started.", {"session_id": "code"}),
    _E("session.idle_warning", "session", "na", "info", "The 'are you still there?' countdown started.",
       {"session_id": "code", "seconds_left": "int"}),
    _E("session.ended", "session", "na", "info", "A session ended (timeout, cancel or finished).",
       {"session_id": "code", "reason": "code"}),
    _E("session.wiped", "security", "success", "info", "A session's personal data was wiped from memory.",
       {"session_id": "code"}),
    _E("store.opened", "application", "success", "info", "The SQLite store was opened.",
       {"path": "path", "schema_version": "int"}),
    _E("store.migrated", "application", "success", "info", "The store schema was migrated one version up.",
       {"from_version": "int", "to_version": "int"}),
    _E("store.integrity_failed", "application", "failure", "error",
       "The store failed its integrity check and was moved to quarantine.",
       {"path": "path", "quarantined_to": "path", "reason": "text"}),
    _E("network.state_changed", "sync", "na", "info", "The central platform became reachable or unreachable.",
       {"online": "bool", "waiting": "int"}),
    _E("speech.unavailable", "application", "failure", "warning", "Voice guidance cannot speak.",
       {"engine": "code", "reason": "text"}),
    _E("security.shortcut_blocked", "security", "success", "warning",
       "A keyboard shortcut that could leave the kiosk was blocked.", {"key": "code"}),
    _E("sim.device_served", "device", "success", "info",
       "A simulated device is served on a pseudo-terminal for the kiosk's driver.",
       {"device": "code", "kind": "code", "path": "path"}),
    _E("sim.control_listening", "device", "success", "info",
       "The simulators' control handle listens for `kiosk sim` commands.", {"path": "path"}),
    _E("sim.control_action", "device", "na", "info",
       "A simulator was acted on through its control handle (arguments are not logged).",
       {"device": "code", "action": "code", "ok": "bool"}),
    _E("device.status_changed", "device", "na", "info",
       "A device's status changed (logged once per change, not on every poll).",
       {"device": "code", "kind": "code", "port": "path", "state": "code", "code": "code", "previous": "code",
        "detail": "text"}),
    _E("device.code_scanned", "device", "na", "info",
       "A scanner read a code (its text is never logged: it may carry personal data).",
       {"device": "code", "ok": "bool", "code": "code"}),
    _E("diag.report", "user-action", "na", "info",
       "A technician asked for the diagnostics report (`kiosk diag` or the maintenance screen).",
       {"tests": "int", "passed": "bool"}),
)

EVENTS: Mapping[str, EventSpec] = MappingProxyType({spec.name: spec for spec in _CATALOGUE})
if len(EVENTS) != len(_CATALOGUE):
    raise ValueError("the log catalogue names an event twice")
