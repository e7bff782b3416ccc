"""The maintenance screen's network and sync panel, as plain values: online or not, the platform's address,
the last heartbeat, the queue and its oldest record, dead letters with the platform's reasons, the clock.

Read from the store (sync/status.py), so it shows the same whether the agent is sending or waiting out a
backoff. Sentences stay in English like the board's codes and details; the panel's labels are translated in
QML. Times are shown as ages ("3 min") next to the UTC time they stand for.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from kiosk.diag.clock import judge
from kiosk.maintenance.board import age
from sync.db import parse_iso
from sync.status import SyncStatus


def _ago(stamp: str | None, now: datetime) -> str:
    if not stamp:
        return ""
    try:
        seconds = (now - parse_iso(stamp)).total_seconds()
    except ValueError:
        return stamp
    return f"{age(seconds)} ago ({stamp[:19].replace('T', ' ')} UTC)"


def panel(status: SyncStatus, dead: list[Mapping[str, Any]], *, online: bool, url: str, now: datetime,
          agent_running: bool) -> dict[str, Any]:
    """What the panel shows; keys are QML's. `dead`: sync.status.dead_letter_list()."""
    clock = judge(status.clock_offset_s, status.clock_measured_at, status.last_heartbeat_at)
    oldest = "" if status.oldest_age_s is None else age(status.oldest_age_s)
    streams = ", ".join(f"{name} {s.waiting}" for name, s in sorted(status.streams.items()))
    return {
        "online": online,
        "url": url,
        "agentRunning": agent_running,
        "lastHeartbeat": _ago(status.last_heartbeat_at, now),
        "lastSuccess": _ago(status.last_success_at, now),
        "lastError": (f"{status.last_error_code} {_ago(status.last_error_at, now)}"
                      if status.last_error_code else ""),
        "waiting": status.waiting,
        "streams": streams,
        "oldest": oldest,
        "pastRetention": status.past_retention,
        "deadCount": status.dead_letters,
        "dead": [f"{d['code']}: {d['reason'] or '-'}  ({d['stream']}, {d['id']}, {_ago(d['dead_at'], now)})"
                 for d in dead],
        "clockOk": clock["ok"],
        "clock": clock["sentence"],
    }
