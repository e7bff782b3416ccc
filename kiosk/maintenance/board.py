"""The technician's board: one row per configured device, from the diagnostics report's entries.

The report (kiosk/diag/report.py) says what each device is; the board adds what a screen needs: a tone for
the state's colour, the age of the last change in a short form, and a self-test's evidence as lines of text.
Codes, details and evidence stay in English, as drivers and `kiosk diag` write them: technicians search for
them, and the same words appear in the log and in the readiness report.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kiosk.diag.selftests import SELF_TESTS

#: state -> tone, for the state's colour on the board
TONES = {"ready": "ok", "busy": "ok", "user_action": "ok", "maintenance": "warn",
         "hardware_error": "bad", "disconnected": "bad"}


def age(seconds: float | None) -> str:
    """'45 s', '12 min', '3 h 5 min', '2 d 4 h': how long ago, at a glance."""
    if seconds is None:
        return ""
    s = max(0, int(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min"
    if s < 86400:
        return f"{s // 3600} h {s % 3600 // 60} min"
    return f"{s // 86400} d {s % 86400 // 3600} h"


def evidence_lines(evidence: Mapping[str, Any]) -> list[str]:
    """One 'key: value' line per piece of evidence; lists joined, nested values as compact JSON."""
    lines = []
    for key, value in evidence.items():
        if isinstance(value, (list, tuple)):
            text = ", ".join(str(v) for v in value) or "-"
        elif isinstance(value, Mapping):
            text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        elif value is None:
            text = "-"
        else:
            text = str(value)
        lines.append(f"{key}: {text}")
    return lines


def test_row(result: Mapping[str, Any] | None, running: bool) -> dict:
    """A self-test's result as the board shows it (the report's `self_test` entry)."""
    if running:
        return {"state": "running", "summary": "", "code": "", "description": "", "evidence": []}
    if result is None:
        return {"state": "none", "summary": "", "code": "", "description": "", "evidence": []}
    return {"state": "pass" if result["passed"] else "fail", "summary": result["summary"],
            "code": result["code"] or "", "description": result.get("description", ""),
            "evidence": evidence_lines(result.get("evidence", {}))}


def row(entry: Mapping[str, Any], *, test: Mapping[str, Any] | None = None, running: bool = False,
        doors: int = 0, testable: bool | None = None) -> dict:
    """One device's row: the report entry, its tone and age, and its last self-test (or one running).
    `testable`: whether it has a self-test here (default: a managed device of a kind with one)."""
    state = entry.get("state")
    return {
        "name": entry["name"], "kind": entry["kind"], "driver": entry["driver"], "port": entry["port"] or "",
        "managed": entry["managed"], "state": state or "", "tone": TONES.get(state or "", "none"),
        "code": entry.get("code") or "", "detail": entry.get("detail") or "",
        "description": entry.get("description") or "",
        "model": entry.get("model") or "", "firmware": entry.get("firmware") or "",
        "serialNumber": entry.get("serial_number") or "", "since": age(entry.get("since_s")),
        "testable": (entry["managed"] and entry["kind"] in SELF_TESTS) if testable is None else testable,
        "doors": doors,
        "test": test_row(test, running),
    }


def system_values(system: Mapping[str, Any]) -> dict:
    """The system figures (kiosk/diag/system.py) as short lines of text, by what they are."""
    disk, memory = system.get("disk", {}), system.get("memory", {})
    if "error" in disk:
        disk_text = f"{disk.get('path', '')}: {disk['error']}"
    else:
        disk_text = (f"{disk.get('free_mb', '?')} MB free of {disk.get('total_mb', '?')} MB "
                     f"({disk.get('path', '')})")
    if not system.get("disk_ok", True):
        disk_text += " - TOO LITTLE"
    return {
        "software": f"kiosk {system.get('software_version', '?')}, Python {system.get('python', '?')}",
        "host": str(system.get("host", "")),
        "clock": str(system.get("clock_utc", "")),
        "uptime": f"system {age(system.get('system_uptime_s')) or '?'}, "
                  f"kiosk {age(system.get('kiosk_uptime_s')) or '?'}",
        "disk": disk_text, "diskOk": bool(system.get("disk_ok", True)),
        "memory": f"{memory.get('available_mb', '?')} MB available of {memory.get('total_mb', '?')} MB",
        "platformClock": str((system.get("platform_clock") or {}).get("sentence", "")),
        "platformClockOk": bool(system.get("clock_ok", True)),
    }
