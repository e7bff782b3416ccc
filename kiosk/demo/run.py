"""Drive the real kiosk screens through a demo script, offscreen, with simulated devices.

    summary = DemoRunner(kapp, runtime, world, screenshots=Path("out")).run(definition, script)

One screenshot per step, taken once the step's screen is painted; the citizen's input goes in through the
same slots the touch screen uses (FlowAdapter.submit); the citizen's hands act on the simulators
(citizen.py). The summary says where the session went, how it ended, and what it left behind.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer

from flows.definition import Definition, DemoInput, DemoScript
from kiosk.ui import screenshot as shots

MAX_VISITS = 60
TIMEOUT_S = 180.0
HANDS_DELAY_MS = 700  # a person needs a moment: a door is pushed shut a little after it sprang open
WALKED_AWAY = "walked_away"  # run(walk_away_at=...): the citizen left mid-session, the idle countdown ended it


class DemoFailed(Exception):
    """The script and the session went different ways, or the session did not end in time."""


@dataclass
class Summary:
    service: str
    script: str
    expect: str
    outcome: str | None = None
    steps: list[str] = field(default_factory=list)
    screenshots: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    side_effects: list[dict[str, Any]] = field(default_factory=list)
    records_queued: int = 0
    printed: list[str] = field(default_factory=list)  # PNGs of what the simulated printer printed
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {"service": self.service, "script": self.script, "expect": self.expect, "outcome": self.outcome,
                "ok": self.outcome == self.expect, "steps": self.steps, "screenshots": self.screenshots,
                "errors": self.errors, "side_effects": self.side_effects, "records_queued": self.records_queued,
                "printed": self.printed,
                "seconds": round(self.seconds, 2)}


class DemoRunner:
    def __init__(self, kapp, runtime, world, *, screenshots: Path | None = None,
                 hands_delay_ms: int = HANDS_DELAY_MS) -> None:
        self.kapp, self.runtime, self.world = kapp, runtime, world
        self.flow = kapp.flow
        self.folder = screenshots
        self.hands_delay_ms = hands_delay_ms

    def run(self, definition: Definition, script: DemoScript, *, walk_away_at: int | None = None) -> Summary:
        """Play `script`; with `walk_away_at`, the citizen walks away on entering that step (1: the first) and
        the session ends as the idle countdown would end it (outcome WALKED_AWAY)."""
        summary = Summary(definition.id, script.name, script.expect)
        inputs: list[DemoInput] = list(script.inputs)
        state: dict[str, Any] = {"visit": -1, "current": None, "problem": None}
        loop = QEventLoop()
        started = time.monotonic()

        def finished(_service: str, outcome: str) -> None:
            summary.outcome = outcome
            loop.quit()

        def walk_away() -> None:
            if summary.outcome is None and state["problem"] is None:
                self.kapp.shell.endSession("timeout")
                summary.outcome = WALKED_AWAY
                loop.quit()

        def stop(problem: str) -> None:
            state["problem"] = problem
            loop.quit()

        def entered(view) -> None:  # each step, before its action starts: the scene, then the picture
            state["busy"] = True
            try:
                summary.steps.append(view.step_id)
                if len(summary.steps) > MAX_VISITS:
                    return stop(f"more than {MAX_VISITS} steps: the script loops at {view.step_id!r}")
                state["visit"] = view.visit
                if walk_away_at is not None and len(summary.steps) == walk_away_at:
                    QTimer.singleShot(self.hands_delay_ms, walk_away)
                state["current"] = inputs.pop(0) if inputs and inputs[0].step == view.step_id else None
                if state["current"] is not None and state["current"].world is not None:
                    self.world.set(state["current"].world)
                self.world.citizen.step_entered(view.step_type, dict(self.flow.display))
                self._screenshot(summary, view.step_id)
            finally:
                state["busy"] = False

        def tick() -> None:
            if state.get("busy"):  # rendering a screenshot processes events: no tick inside it
                return
            state["busy"] = True
            try:
                step()
            finally:
                state["busy"] = False

        def step() -> None:
            view = self.flow.view
            if view is None or summary.outcome is not None or state["problem"]:
                return
            if time.monotonic() - started > TIMEOUT_S:
                return stop(f"the session did not end within {TIMEOUT_S:g} s (at step {view.step_id!r})")
            display = dict(self.flow.display)
            for shown in (view.error, display.get("error")):
                if shown and (not summary.errors or summary.errors[-1] != shown):
                    summary.errors.append(shown)
            if self.flow.running_action or view.busy:
                seen = (view.visit, repr(sorted(display.items())))
                if seen != state.get("progress"):  # a new report: the hands react after a moment
                    state["progress"] = seen
                    reported = any(k in display for k in ("prompt", "instruction", "qr", "door"))
                    if reported and state.get("progress_shot") != view.visit:  # the step's live moment
                        state["progress_shot"] = view.visit
                        self._screenshot(summary, f"{view.step_id}-live")
                    QTimer.singleShot(self.hands_delay_ms, lambda v=view.visit, t=view.step_type, d=display:
                                      v == state["visit"] and self.world.citizen.progress(t, d))
                return
            if not view.waiting:
                return
            current = state["current"]
            if current is None:
                if inputs and inputs[0].step == view.step_id:  # the same step asks again (refused input)
                    current = inputs.pop(0)
                    if current.world is not None:
                        self.world.set(current.world)
                else:
                    return stop(f"step {view.step_id!r} waits for the citizen and the script has no input for "
                                f"it here (next input: {inputs[0].step if inputs else 'none'})")
            state["current"] = None
            self.flow.submit(current.outcome or "ok", dict(current.data))

        self.flow.finished.connect(finished)
        self.flow.on_step_entered = entered
        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(tick)
        self.world.set(script.world)
        self.kapp.shell.start()
        self.kapp.shell.openService(definition.id)
        if self.flow.view is None:
            raise DemoFailed(f"the shell did not start {definition.id!r} (is the terminal online?)")
        timer.start()
        tick()
        if summary.outcome is None and state["problem"] is None:
            loop.exec()
        timer.stop()
        self.flow.on_step_entered = None
        self.flow.finished.disconnect(finished)
        summary.seconds = time.monotonic() - started
        if state["problem"]:
            raise DemoFailed(state["problem"])
        engine = self.runtime.last_engine
        summary.side_effects = [dict(e) for e in engine.effects] if engine is not None else []
        summary.records_queued = self.runtime.journal.db.execute("SELECT count(*) FROM outbox").fetchone()[0]
        return summary

    def _screenshot(self, summary: Summary, step_id: str) -> None:
        if self.folder is None:
            return
        out = self.folder / f"{len(summary.screenshots) + 1:02d}-{step_id}.png"
        summary.screenshots.append(str(out))  # numbered before rendering: rendering runs the event loop
        shots.save(shots.render(self.kapp), out)
