"""Telling what became of updates: each outcome root recorded is logged once by the kiosk and sent to the
central platform through the outbox (stream "software.update"), so a rollback on a terminal in an empty
hall is known at the centre with the next upload, even if it happened while the network was down."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kiosk.update.state import STATE_DIR, load_state
from sync import outbox
from sync.db import get_setting, put_settings, transaction

STREAM = "software.update"
REPORTED = "update.reported_ids"


def report_outcomes(db: Any, on_event: Callable[..., None], state_dir: Path = STATE_DIR) -> int:
    """Log and enqueue every outcome not reported before; how many were new."""
    reported = set(json.loads(get_setting(db, REPORTED) or "[]"))
    results = load_state(state_dir).results
    new = [r for r in results if r.id not in reported]
    if not new:
        return 0
    with transaction(db) as conn:
        for r in new:
            outbox.enqueue(conn, stream=STREAM, payload=r.to_dict(), event_id=f"update-{r.id}-{r.result}"[:64])
        put_settings(conn, {REPORTED: json.dumps(sorted({r.id for r in results} | {r.id for r in new}))})
    for r in new:
        on_event("update.outcome", version=r.version, from_version=r.from_version, result=r.result, code=r.code)
    return len(new)
