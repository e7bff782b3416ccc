"""After a crash or power cut: every session the journal still calls running is handed to staff.

    recover(journal, ports) -> list[Recovered]      # call once at start, before any new session

For each unfinished session: nothing is redone (no payment asked again as a new one, no door opened, no
print repeated); a payment whose end was not journaled is looked up at the platform by its idempotency key
(create_payment is idempotent on it, so this finds the same payment); one `interrupted_session` record goes
to the outbox (idempotent on the session id) with the steps done, the side effects and their states, and
what was captured, so staff can finish it; then the session is marked interrupted, which drops what it
captured from the journal (the record has it). A crash during recovery is harmless: the record id is stable
and the mark comes last.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flows.journal import DONE, FAILED_EFFECT, INTERRUPTED, Journal
from flows.ports import Ports

STREAM = "interrupted_session"


@dataclass(frozen=True)
class Recovered:
    session_id: str
    service_id: str
    step_id: str | None
    effects: tuple[dict[str, Any], ...]   # key, step, kind, state (+ payment_id/payment_state for payments)
    record_id: str


def recover(journal: Journal, ports: Ports) -> list[Recovered]:
    found = []
    for session in journal.unfinished_sessions():
        captured: dict[str, Any] = {}
        steps = []
        for row in journal.steps(session.id):
            captured.update(row.captured)
            steps.append({"step": row.step_id, "outcome": row.outcome, "error": row.error, "at": row.at})
        effects = tuple(_effect(e, session.service_id, ports) for e in journal.effects(session.id))
        record_id = f"interrupted.{session.id}"
        payload = {"service_id": session.service_id, "session_id": session.id, "step_id": session.step_id,
                   "completed": session.completed, "started_at": session.started_at, "steps": steps,
                   "effects": list(effects), "captured": dict(captured)}
        ports.outbox.enqueue(record_id, STREAM, payload)
        journal.end_session(session.id, INTERRUPTED)
        found.append(Recovered(session.id, session.service_id, session.step_id, effects, record_id))
        captured.clear()
    return found


def _effect(e: Any, service_id: str, ports: Ports) -> dict[str, Any]:
    entry = {"key": e.key, "step": e.step_id, "kind": e.kind, "state": e.state, **e.meta, **e.result}
    unsettled = e.state not in (DONE, FAILED_EFFECT)
    if e.kind == "payment" and (unsettled or e.result.get("payment_state") == "pending"):
        entry["payment_state"] = "unknown"
        if ports.platform is not None and "amount_fen" in e.meta:
            created = ports.platform.create_payment(e.key, e.meta["amount_fen"], service_id)
            if created.ok:
                entry["payment_id"] = created.value.id
                state = ports.platform.payment_state(created.value.id)
                if state.ok:
                    entry["payment_state"] = state.value
    return entry
