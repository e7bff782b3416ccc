"""The terminal's clock against the central platform's, as the sync agent last measured it.

The agent records the offset on every heartbeat the platform answers (sync/status.py). This reads it from the
store with a connection of its own, read-only, so any thread (the diagnostics handle, `kiosk diag` without a
running kiosk, the maintenance screen) can ask. An offset beyond CLOCK_TOLERANCE_S fails the diagnostics:
receipts, the journal, pickup codes' lifetimes and the PIN lockout all stamp times with this clock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from drivers.errors import register
from sync.status import CLOCK_MEASURED_AT, CLOCK_OFFSET, CLOCK_TOLERANCE_S, HEARTBEAT_AT

register({"diag.clock_off": "The terminal's clock is more than a minute away from the central platform's."})

STORE_FILE = "kiosk.db"


def _settings(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
    except sqlite3.Error:
        return {}
    try:
        rows = conn.execute("SELECT key, value FROM settings WHERE key IN (?, ?, ?)",
                            (HEARTBEAT_AT, CLOCK_OFFSET, CLOCK_MEASURED_AT)).fetchall()
    except sqlite3.Error:  # a store not migrated yet, or busy past the timeout: nothing measured
        return {}
    finally:
        conn.close()
    return {k: v for k, v in rows if v is not None}


def judge(offset_s: float | None, measured_at: str | None, heartbeat_at: str | None = None) -> dict[str, Any]:
    """The clock's figures and verdict: ok False only for a measured offset beyond the tolerance."""
    if offset_s is None:
        sentence = "not measured yet: no heartbeat has been answered by the central platform"
        ok = True
    elif abs(offset_s) > CLOCK_TOLERANCE_S:
        way = "behind" if offset_s > 0 else "ahead of"
        sentence = (f"the terminal's clock is {abs(offset_s):.0f} s {way} the central platform's (more than "
                    f"{CLOCK_TOLERANCE_S:.0f} s): set the time (check NTP) and restart the kiosk")
        ok = False
    else:
        sentence = f"{offset_s:+.1f} s from the central platform's clock (within {CLOCK_TOLERANCE_S:.0f} s)"
        ok = True
    return {"offset_s": offset_s, "measured_at": measured_at, "last_heartbeat_at": heartbeat_at,
            "tolerance_s": CLOCK_TOLERANCE_S, "ok": ok, "sentence": sentence,
            "code": None if ok else "diag.clock_off"}


def platform_clock(data_dir: Path) -> dict[str, Any]:
    """The clock's offset from the platform as last measured (see judge), from the store in `data_dir`."""
    values = _settings(Path(data_dir) / STORE_FILE)
    try:
        offset = float(values[CLOCK_OFFSET]) if CLOCK_OFFSET in values else None
    except ValueError:
        offset = None
    return judge(offset, values.get(CLOCK_MEASURED_AT), values.get(HEARTBEAT_AT))
