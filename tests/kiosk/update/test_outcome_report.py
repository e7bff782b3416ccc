"""What root recorded reaches the kiosk's log and the central platform once: a rollback on a terminal in an
empty hall is known at the centre with the next upload."""

from __future__ import annotations

import json

from kiosk.log import log_event
from kiosk.store import Store
from kiosk.update.report import STREAM, report_outcomes
from kiosk.update.state import Outcome, UpdateState, load_state, save_state
from sync.db import connect


def test_each_outcome_is_logged_and_queued_for_the_platform_once(tmp_path, log_lines):
    state_dir = tmp_path / "kiosk-update"
    save_state(UpdateState(rolled_back=("0.2.0",), results=(
        Outcome("r1", "0.2.0", "0.1.0", "rolled_back", "update.not_healthy", "2025-01-01T00:00:00.000Z"),)),
        state_dir)
    with Store.open(tmp_path / "data") as store:
        conn = connect(store.path)
        assert report_outcomes(conn, log_event, state_dir) == 1
        assert report_outcomes(conn, log_event, state_dir) == 0, "a restart does not report it again"
        rows = conn.execute("SELECT stream, payload FROM outbox").fetchall()
        conn.close()

    assert [(s, json.loads(p)["result"]) for s, p in rows] == [(STREAM, "rolled_back")]
    [event] = log_lines.events("update.outcome")
    assert (event["version"], event["result"], event["code"]) == ("0.2.0", "rolled_back", "update.not_healthy")


def test_a_missing_or_damaged_state_file_is_a_fresh_state(tmp_path):
    assert load_state(tmp_path / "none") == UpdateState()
    (tmp_path / "state.json").write_text("{half")
    assert load_state(tmp_path) == UpdateState()
