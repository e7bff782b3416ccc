"""The flow engine: one citizen's session through one service definition. Plain Python, no Qt.

    engine = Engine(definition, ports, journal)
    view = engine.start()
    while not view.finished:
        if (action := engine.pending_action()) is not None:    # an action step, or a check
            result = action.run(on_progress)                     # on a worker thread: never touches UI
            view = engine.complete(action, result)               # back on the engine's thread
        else:                                                    # the citizen's turn
            view = engine.submit(outcome, data) / engine.back() / engine.cancel() / engine.timeout()

Each step is entered, optionally runs its enter action, optionally waits for input (checked at once, or by
a check action), and ends with an outcome whose transition names the next step. The engine:

* journals each step result before entering the next step, and each side effect as intended (with its
  idempotency key) before the action is handed out and as done/failed/unknown when it comes back;
* turns the n-th failure of a step beyond its `retries` into `retries_exhausted`;
* offers Back from input steps to the previous input step, never across a side effect that happened;
* honours cancel always: at once while waiting, or as soon as a running action returns;
* at the end records the outcome, queues a record for staff when a side effect happened in a session that
  did not deliver the service (a payment is never forgotten), and wipes the session's values.
"""

from __future__ import annotations

import secrets
import threading
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any

from flows.definition import (
    BACK,
    CANCELLED,
    END_CANCELLED,
    END_OK,
    END_TIMEOUT,
    ENDS,
    FAILED,
    OK,
    RETRIES_EXHAUSTED,
    TIMEOUT,
    Definition,
    Step,
    frozen_map,
)
from flows.journal import Journal
from flows.ports import Ports
from flows.steps import STEP_TYPES, ActionContext, Invalid, StepResult, StepType
from flows.steps.base import INVALID, failed
from flows.view import View

Observer = Callable[..., None]
_END_STATES = {END_OK: "failed", END_CANCELLED: "cancelled", END_TIMEOUT: "timeout"}


class EngineMisuse(Exception):
    """The adapter called the engine out of turn (a programming error, not a citizen's)."""


class PendingAction:
    """An action to run once, anywhere; its result goes back through Engine.complete()."""

    def __init__(self, step_id: str, phase: str, key: str | None, ctx: ActionContext,
                 call: Callable[[ActionContext], StepResult]) -> None:
        self.step_id, self.phase, self.key, self.ctx = step_id, phase, key, ctx
        self._call = call

    def run(self, on_progress: Callable[[Mapping[str, Any]], None] | None = None) -> StepResult:
        """Perform the action. A port that raises (a bug below us) becomes a failure, never a crash; the
        exception's text is not kept, since it may hold personal data."""
        self.ctx._report = on_progress
        try:
            return self._call(self.ctx)
        except Exception as e:  # noqa: BLE001 - the citizen gets a way on whatever the port did
            return failed("flow.device_unavailable", f"{type(e).__name__} in {self.step_id}")

    def cancel(self) -> None:
        self.ctx.cancel.set()


def new_session_id() -> str:
    return secrets.token_hex(8)


class Engine:
    def __init__(self, definition: Definition, ports: Ports, journal: Journal, *,
                 session_id: str | None = None, observer: Observer | None = None) -> None:
        self.definition, self.ports, self.journal = definition, ports, journal
        self.session_id = session_id or new_session_id()
        self.observer = observer or (lambda event, **fields: None)
        self.completed = False
        self.outcome: str | None = None
        self.effects: list[dict[str, Any]] = []  # kind, step, state: what `kiosk demo` reports
        self._values: dict[str, Any] = {}
        self._transient: dict[str, Any] = {}
        self._pending_input: StepResult | None = None
        self._history: list[str] = []            # input steps Back may return to, latest last
        self._counted: list[str] = []            # counted steps visited, in order
        self._attempts: Counter[str] = Counter()
        self._effect_n: Counter[str] = Counter()
        self._step: Step | None = None
        self._phase = ""                          # enter, input, check, ended
        self._pending: PendingAction | None = None
        self._cancel_requested = False
        self._visit = 0
        self._error: str | None = None
        self._view: View | None = None

    # ---- what the adapter calls ----------------------------------------------------------------------

    def start(self) -> View:
        if self._phase:
            raise EngineMisuse("the session has already started")
        self.journal.open_session(self.session_id, self.definition.id)
        self._values = {"session_ref": self.session_id[:8].upper(), "fee_fen": self.definition.fee_fen}
        self.observer("session_started", session_id=self.session_id, service_id=self.definition.id)
        return self._enter(self.definition.start)

    @property
    def view(self) -> View:
        if self._view is None:
            raise EngineMisuse("start() the session first")
        return self._view

    @property
    def finished(self) -> bool:
        return self._phase == "ended"

    def pending_action(self) -> PendingAction | None:
        return self._pending

    def complete(self, action: PendingAction, result: StepResult) -> View:
        if action is not self._pending:
            raise EngineMisuse("complete() got an action that is not the pending one")
        self._pending = None
        step, kind = self._current()
        if action.key and kind.effect and action.phase == "enter":
            self._finish_effect(step, kind, action.key, result)
        if action.phase == "check" and result.outcome == INVALID:
            return self._refused(step, result.error or "flow.choice_invalid")
        if action.phase == "check" and self._pending_input is not None:
            accepted, self._pending_input = self._pending_input, None
            result = StepResult(result.outcome, {**accepted.values, **result.values},
                                {**accepted.transient, **result.transient}, result.error, result.detail,
                                result.effect)
        if (action.phase == "enter" and kind.takes_input and result.outcome == OK
                and not self._cancel_requested):
            self._transient.update(result.transient)
            self._values.update(result.values)
            self._phase = "input"
            return self._show()
        return self._finish_step(result)

    def run_pending(self, on_progress: Callable[[Mapping[str, Any]], None] | None = None) -> View:
        """Run every pending action here and now (tests, headless runs)."""
        while (action := self._pending) is not None:
            self.complete(action, action.run(on_progress))
        return self.view

    def submit(self, outcome: str = OK, data: Mapping[str, Any] | None = None) -> View:
        if outcome == BACK:
            return self.back()
        if outcome == CANCELLED:
            return self.cancel()
        if outcome == TIMEOUT:
            return self.timeout()
        self._require_input()
        step, kind = self._current()
        answer = kind.accept(step, outcome, dict(data or {}), self._values)
        if isinstance(answer, Invalid):
            self._error = answer.error
            self.observer("input_refused", session_id=self.session_id, step=step.id, error=answer.error)
            return self._show()
        if kind.has_check:
            self._pending_input = answer
            self._prepare(step, kind, kind.check, "check", extra={**answer.values, **answer.transient})
            return self._show()
        return self._finish_step(answer)

    def back(self) -> View:
        if not self.view.can_back:
            return self.view
        step, _ = self._current()
        self._journal_step(step, StepResult(BACK))
        return self._enter(self._history.pop())

    def cancel(self) -> View:
        """The citizen leaves. A running action is told to stop; the session ends when it has returned."""
        if self.finished:
            return self.view
        if self._pending is not None:
            self._cancel_requested = True
            self._pending.cancel()
            return self._show()
        _step, _ = self._current()
        return self._finish_step(StepResult(CANCELLED))

    def timeout(self) -> View:
        """The adapter's timer ran out while the step waited for the citizen."""
        if self.finished or self._pending is not None or self._phase != "input":
            return self.view
        _step, _ = self._current()
        return self._finish_step(StepResult(TIMEOUT))

    # ---- inside ---------------------------------------------------------------------------------------

    def _current(self) -> tuple[Step, StepType]:
        assert self._step is not None
        return self._step, STEP_TYPES[self._step.type]

    def _require_input(self) -> None:
        if self.finished or self._phase != "input" or self._pending is not None:
            raise EngineMisuse(f"the step is not waiting for the citizen (phase {self._phase or 'none'})")

    def _enter(self, step_id: str) -> View:
        if step_id in ENDS:
            return self._end(step_id)
        step = self.definition.step(step_id)
        kind = STEP_TYPES[step.type]
        self._step, self._error, self._visit = step, None, self._visit + 1
        if kind.counted:
            if step.id in self._counted:
                del self._counted[self._counted.index(step.id):]
            self._counted.append(step.id)
        self.observer("step_entered", session_id=self.session_id, step=step.id, type=step.type)
        if kind.has_enter:
            self._prepare(step, kind, kind.enter, "enter")
        else:
            self._phase = "input" if kind.takes_input else "enter"
        return self._show()

    def _prepare(self, step: Step, kind: StepType, call: Callable[..., StepResult], phase: str,
                 extra: Mapping[str, Any] | None = None) -> None:
        key = f"{self.session_id}.{step.id}.{self._effect_n[step.id] + 1}"
        if kind.effect and phase == "enter":
            meta = kind.effect_meta(step, self._values, self.definition.fee_fen)
            self.journal.effect_intended(key, self.session_id, step.id, kind.effect, meta)
            self._effect_n[step.id] += 1
            self.observer("effect_intended", session_id=self.session_id, step=step.id, kind=kind.effect, key=key)
        elif phase == "check" or not kind.effect:
            key = f"{self.session_id}.{step.id}.v{self._visit}"
        snapshot = frozen_map({**self._values, **self._transient, **(extra or {})})
        ctx = ActionContext(ports=self.ports, values=snapshot, params=step.params, service_id=self.definition.id,
                            fee_fen=self.definition.fee_fen, key=key, timeout_s=step.timeout_s,
                            cancel=threading.Event(),
                            collected=self.journal.collected() if kind.reads_collected else frozenset())
        self._pending = PendingAction(step.id, phase, key, ctx, lambda c: call(step, c))
        self._phase = phase

    def _finish_effect(self, step: Step, kind: StepType, key: str, result: StepResult) -> None:
        state = result.effect.get("state", "done" if result.outcome == OK else "failed")
        clear = {k: v for k, v in result.effect.items() if k != "state"}
        self.journal.effect_finished(key, state, clear)
        self.effects.append({"step": step.id, "kind": kind.effect, "state": state})
        self.observer("effect_finished", session_id=self.session_id, step=step.id, kind=kind.effect,
                      state=state)
        if state != "failed":
            self._history.clear()  # never Back across something that happened

    def _refused(self, step: Step, error: str) -> View:
        """A check refused the input (a wrong SMS code): the step stays, one attempt used."""
        self._attempts[step.id] += 1
        self._pending_input = None
        if self._attempts[step.id] > step.retries:
            return self._finish_step(StepResult(RETRIES_EXHAUSTED, error=error))
        self._error, self._phase = error, "input"
        return self._show()

    def _finish_step(self, result: StepResult) -> View:
        step, kind = self._current()
        outcome = result.outcome
        if outcome == FAILED:
            self._attempts[step.id] += 1
            if self._attempts[step.id] > step.retries:
                outcome = RETRIES_EXHAUSTED
        self._values.update(result.values)
        self._transient.update(result.transient)
        if result.error:
            self._values["last_error"] = result.error
        self._journal_step(step, StepResult(outcome, result.values, error=result.error, detail=result.detail))
        if step.completes and outcome == OK and not self.completed:
            self.completed = True
            self.journal.mark_completed(self.session_id)
        if self._cancel_requested:
            return self._end(step.target(CANCELLED))
        if kind.takes_input and kind.can_back and outcome not in (CANCELLED, TIMEOUT):
            self._history.append(step.id)
        return self._enter(self._target(step, outcome))

    def _target(self, step: Step, outcome: str) -> str:
        """The transition for `outcome`. One the definition could not foresee (a step that cannot fail
        failed because a port raised) goes where failed goes, else ends the session."""
        for candidate in (outcome, FAILED):
            try:
                return step.target(candidate)
            except KeyError:
                continue
        return END_OK

    def _journal_step(self, step: Step, result: StepResult) -> None:
        self.journal.record_step(self.session_id, step.id, result.outcome, self._attempts[step.id],
                                 result.error, result.detail, result.values)
        self.observer("step_finished", session_id=self.session_id, step=step.id, outcome=result.outcome,
                      error=result.error)

    def _end(self, end: str) -> View:
        if end not in ENDS:  # a cancel routed to a step: follow it as a normal transition
            self._cancel_requested = False
            return self._enter(end)
        self.outcome = "done" if self.completed else _END_STATES[end]
        self.journal.end_session(self.session_id, self.outcome)
        happened = [e for e in self.effects if e["state"] != "failed" and e["kind"] != "record"]
        if happened and not self.completed:
            self._queue_for_staff()
        self.observer("session_ended", session_id=self.session_id, outcome=self.outcome)
        self._phase, self._step, self._pending = "ended", None, None
        self._wipe()
        return self._show()

    def _queue_for_staff(self) -> None:
        """A session that paid (or opened a door, or submitted) without finishing: staff must see it."""
        effects = [{"key": e.key, "step": e.step_id, "kind": e.kind, "state": e.state, **e.result}
                   for e in self.journal.effects(self.session_id)]
        payload = {"service_id": self.definition.id, "session_id": self.session_id, "outcome": self.outcome,
                   "effects": effects, "captured": dict(self._values)}
        self.ports.outbox.enqueue(f"unfinished.{self.session_id}", "unfinished_session", payload)

    def _wipe(self) -> None:
        for store in (self._values, self._transient):
            for value in store.values():
                if isinstance(value, bytearray):
                    value[:] = bytes(len(value))
            store.clear()
        self._pending_input = None
        self.observer("session_wiped", session_id=self.session_id)

    def _indicator(self) -> tuple[int, int]:
        """(n, m) for "step n of m": counted steps visited, then those ahead on the usual path."""
        ahead, seen = 0, set(self._counted)
        at = self._step.id if self._step else None
        if self._step and not STEP_TYPES[self._step.type].counted and self._counted:
            at = self._counted[-1]  # off the path (a notice): count ahead from where the citizen was
        while at is not None and at not in ENDS:
            step = self.definition.step(at)
            if at not in seen and STEP_TYPES[step.type].counted:
                ahead += 1
            seen.add(at)
            nxt = step.on.get(OK) or next(iter(step.on.values()), None)
            at = nxt if nxt not in seen else None
        index = len(self._counted)
        if self._step and self._step.id in self._counted:
            index = self._counted.index(self._step.id) + 1
        return index, len(self._counted) + ahead

    def _show(self) -> View:
        if self.finished:
            self._view = View(self.session_id, self.definition.id, "", "", "", "", 0, 0, False, False, False,
                              0.0, 0, self._visit, None, frozen_map(), True, self.outcome)
            return self._view
        step, kind = self._current()
        index, total = self._indicator()
        waiting = self._phase == "input" and self._pending is None
        can_back = waiting and kind.can_back and bool(self._history)
        display = kind.display(step, {**self._values, **self._transient})
        self._view = View(self.session_id, self.definition.id, step.id, step.type, step.title, step.prompt, index,
                          total, can_back, self._pending is not None, waiting, step.timeout_s,
                          self._attempts[step.id], self._visit, self._error, frozen_map(display))
        return self._view
