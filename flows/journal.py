"""The journal: every step result and every side effect of a session, durable in SQLite before the next.

    journal = Journal(db, sealer, clock=ports.clock)     # db: sqlite-utils Database of the kiosk's store
    journal.open_session(id, service_id)
    journal.record_step(id, step_id, outcome, attempt, error, detail, captured)  # captured: sealed
    journal.effect_intended(key, id, step_id, kind, meta)  -> before the side effect
    journal.effect_finished(key, state, result)          -> after it: done, failed or unknown
    journal.end_session(id, state)                       -> and drops what the session captured

Idempotency keys are `<session>.<step>.<n>`: n grows only after an effect that surely did not happen
(failed), so a retry after a decline or a paper-out gets a new key, and nothing uncertain is ever redone.
What a step captured (names, numbers, photos, fingerprints) is sealed with the Sealer for the row it is in
(context `flow_steps:<session>:<seq>`); meta and results of effects hold no personal data and stay clear.
Each write is one transaction; the store runs with synchronous=FULL, so a write that returned survives a
power cut. The Database must be used from the thread that opened it: the engine journals on that thread.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlite_utils import Database

from flows import codec
from flows.ports import Clock, Sealer

RUNNING, INTERRUPTED = "running", "interrupted"
#: how long the outline of an ended session (steps, outcomes, side effects and their states, no personal
#: data) stays for staff looking into what happened, such as a payment without a receipt
KEEP_ENDED_DAYS = 90
INTENDED, DONE, FAILED_EFFECT, UNKNOWN = "intended", "done", "failed", "unknown"


@dataclass(frozen=True)
class SessionRow:
    id: str
    service_id: str
    state: str
    completed: bool
    step_id: str | None
    started_at: str
    ended_at: str | None


@dataclass(frozen=True, repr=False)
class StepRow:
    seq: int
    step_id: str
    outcome: str
    attempt: int
    error: str | None
    detail: str | None
    at: str
    captured: Mapping[str, Any]

    def __repr__(self) -> str:  # captured values are personal
        return f"StepRow({self.seq}, {self.step_id!r}, {self.outcome!r}, captured={sorted(self.captured)})"


@dataclass(frozen=True)
class EffectRow:
    key: str
    session_id: str
    step_id: str
    kind: str
    state: str
    meta: Mapping[str, Any]
    result: Mapping[str, Any]
    intended_at: str
    finished_at: str | None


class Journal:
    def __init__(self, db: Database, sealer: Sealer, *, clock: Clock) -> None:
        self.db, self.sealer, self.clock = db, sealer, clock

    def _now(self) -> str:
        return self.clock.utc_now().isoformat()

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taken IMMEDIATE: the write lock first (waiting on busy_timeout while the
        sync agent or the outbox writes), never a read snapshot that turns stale and fails at once."""
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    # ---- writing --------------------------------------------------------------------------------------

    def open_session(self, session_id: str, service_id: str) -> None:
        with self._write():
            self.db.execute("INSERT INTO flow_sessions (id, service_id, state, started_at) VALUES (?, ?, ?, ?)",
                            [session_id, service_id, RUNNING, self._now()])

    def record_step(self, session_id: str, step_id: str, outcome: str, attempt: int, error: str | None,
                    detail: str, captured: Mapping[str, Any]) -> int:
        with self._write():
            seq = self.db.execute("SELECT coalesce(max(seq), 0) + 1 FROM flow_steps WHERE session_id = ?",
                                  [session_id]).fetchall()[0][0]
            sealed = (self.sealer.seal(codec.dumps(dict(captured)), context=_step_context(session_id, seq))
                      if captured else None)
            self.db.execute(
                "INSERT INTO flow_steps (session_id, seq, step_id, outcome, attempt, error, detail, at, sealed) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [session_id, seq, step_id, outcome, attempt, error, detail or None, self._now(), sealed])
            self.db.execute("UPDATE flow_sessions SET step_id = ? WHERE id = ?", [step_id, session_id])
        return seq

    def effect_intended(self, key: str, session_id: str, step_id: str, kind: str,
                        meta: Mapping[str, Any]) -> None:
        """Durable before the side effect starts. A locker opening also enters its application number as
        handed out, in the same transaction: a code opens a door once, whatever happens next."""
        with self._write():
            self.db.execute(
                "INSERT INTO flow_effects (key, session_id, step_id, kind, state, meta, intended_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [key, session_id, step_id, kind, INTENDED, json.dumps(dict(meta), sort_keys=True), self._now()])
            if kind == "locker" and meta.get("application_no"):
                self.db.execute("INSERT OR IGNORE INTO flow_pickups (application_no, session_id, door, at) "
                                "VALUES (?, ?, ?, ?)",
                                [meta["application_no"], session_id, meta.get("door"), self._now()])

    def effect_finished(self, key: str, state: str, result: Mapping[str, Any]) -> None:
        with self._write():
            self.db.execute("UPDATE flow_effects SET state = ?, result = ?, finished_at = ? WHERE key = ?",
                            [state, json.dumps(dict(result), sort_keys=True), self._now(), key])

    def mark_completed(self, session_id: str) -> None:
        with self._write():
            self.db.execute("UPDATE flow_sessions SET completed = 1 WHERE id = ?", [session_id])

    def end_session(self, session_id: str, state: str) -> None:
        """The session is over: mark it, and drop what it captured in the same transaction (the outline of
        steps and effects stays). Nothing reads a finished session's values: its records went to the outbox
        when they were made, an unfinished one's for staff before this, and recovery reads only sessions
        still running. Kept, a terminal would hold every citizen's photo and fingerprints for as long as it
        runs (16.6 of the store's 20.8 MB after the 2,000-session soak). The outlines of sessions that ended
        more than KEEP_ENDED_DAYS ago go too (about 2 KB a session); which documents were handed out
        (flow_pickups) stays for good."""
        now = self.clock.utc_now()
        with self._write():
            self.db.execute("UPDATE flow_sessions SET state = ?, ended_at = ? WHERE id = ?",
                            [state, now.isoformat(), session_id])
            self.db.execute("UPDATE flow_steps SET sealed = NULL WHERE session_id = ?", [session_id])
            cutoff = (now - timedelta(days=KEEP_ENDED_DAYS)).isoformat()
            old = [(r[0],) for r in self.db.execute(
                "SELECT id FROM flow_sessions WHERE state != ? AND ended_at < ?", [RUNNING, cutoff]).fetchall()]
            if old:  # most ends find none: one scan, no deletes
                self.db.conn.executemany("DELETE FROM flow_steps WHERE session_id = ?", old)
                self.db.conn.executemany("DELETE FROM flow_effects WHERE session_id = ?", old)
                self.db.conn.executemany("DELETE FROM flow_sessions WHERE id = ?", old)

    # ---- reading --------------------------------------------------------------------------------------

    def session(self, session_id: str) -> SessionRow | None:
        row = self.db.execute("SELECT id, service_id, state, completed, step_id, started_at, ended_at "
                              "FROM flow_sessions WHERE id = ?", [session_id]).fetchall()  # all: no open read
        return _session(row[0]) if row else None

    def unfinished_sessions(self) -> list[SessionRow]:
        rows = self.db.execute("SELECT id, service_id, state, completed, step_id, started_at, ended_at "
                               "FROM flow_sessions WHERE state = ? ORDER BY started_at, id", [RUNNING]).fetchall()
        return [_session(r) for r in rows]

    def steps(self, session_id: str) -> list[StepRow]:
        rows = self.db.execute("SELECT seq, step_id, outcome, attempt, error, detail, at, sealed FROM flow_steps "
                               "WHERE session_id = ? ORDER BY seq", [session_id]).fetchall()
        found = []
        for seq, step_id, outcome, attempt, error, detail, at, sealed in rows:
            captured = (codec.loads(self.sealer.open(sealed, context=_step_context(session_id, seq)))
                        if sealed else {})
            found.append(StepRow(seq, step_id, outcome, attempt, error, detail, at, captured))
        return found

    def effects(self, session_id: str) -> list[EffectRow]:
        rows = self.db.execute("SELECT key, session_id, step_id, kind, state, meta, result, intended_at, "
                               "finished_at FROM flow_effects WHERE session_id = ? ORDER BY intended_at, key",
                               [session_id]).fetchall()
        return [EffectRow(k, s, st, kind, state, json.loads(meta), json.loads(result) if result else {}, i, f)
                for k, s, st, kind, state, meta, result, i, f in rows]

    def collected(self) -> frozenset[str]:
        """Application numbers whose document was handed out here (or whose door was about to open)."""
        return frozenset(r[0] for r in self.db.execute("SELECT application_no FROM flow_pickups").fetchall())


def _step_context(session_id: str, seq: int) -> bytes:
    return f"flow_steps:{session_id}:{seq}".encode()


def _session(row: tuple) -> SessionRow:
    sid, service, state, completed, step_id, started, ended = row
    return SessionRow(sid, service, state, bool(completed), step_id, started, ended)
