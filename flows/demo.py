"""Demo scripts: a scripted citizen, written beside the steps in each definition, replayed headless by the
tests (flows/fakes.py) and on screen by `kiosk demo` (real UI, simulated devices).

    [demo.payment_declined]
    description = "The payment is declined; the citizen pays on the second try."
    expect = "done"                       # the session's outcome: done, failed, cancelled, timeout
    world = []                            # conditions in force from the start
    inputs = [
      { step = "reason", outcome = "lost" },                  # a choice: the option
      { step = "identity", data = { id_number = "110101199001010015", name = "张三" } },
      { step = "pay", world = ["payment_declined"] },         # an action step: set the world, let it run
      { step = "pay_failed", outcome = "retry", world = [] }, # a notice: the way on
    ]

When the session enters a step and the next input names that step, the input is taken: its `world` (if
given) replaces the conditions in force, then - at a step that waits - its outcome (default ok) and data
are submitted; `back`, `cancelled` and `timeout` act as the Back button, Cancel and a citizen who walked
away. A waiting step with no input for it stops the run with an error. CONDITIONS lists the world's words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flows.definition import BACK, CANCELLED, TIMEOUT, DemoInput, DemoScript, Step
from flows.steps import STEP_TYPES

#: what each world condition means; the kiosk's demo sets the same through the simulators' handles
CONDITIONS: Mapping[str, str] = {
    "no_card": "The ID card reader never finds a card.",
    "card_unreadable": "The card on the reader cannot be read.",
    "camera_broken": "The camera stops answering.",
    "photo_instructions": "The camera first asks the citizen to move closer, then takes a compliant photo.",
    "face_mismatch": "The live face does not match the reference photo.",
    "face_not_live": "The liveness challenge fails (a printed photo is held up).",
    "fingerprint_poor": "Every fingerprint scan is below the quality gate.",
    "network_lost": "The central platform (and the queue system) cannot be reached.",
    "payment_declined": "The payment provider declines the payment.",
    "payment_expired": "The payment provider expires the payment.",
    "payment_never": "The citizen never pays: the payment stays pending.",
    "pay_with_code": "The QR code is not used: the payment is made with a scanned payment code.",
    "printer_out_of_paper": "The printer runs out of paper.",
    "locker_jammed": "The locker door does not open.",
    "locker_down": "The locker wall's boards do not answer.",
    "door_left_open": "The citizen does not shut the locker door.",
    "queue_down": "The hall's queue system cannot issue tickets.",
    "scan_valid": "The citizen scans a genuine pickup receipt.",
    "scan_forged": "The citizen scans a pickup code signed with another key.",
    "scan_altered": "The citizen scans a genuine pickup code with one character changed.",
    "scan_unknown": "The citizen scans a genuine code for a document that is not in this locker wall.",
    "scan_payment_code": "The citizen shows a payment app's code to the scanner.",
}
EXPECT = ("done", "failed", "cancelled", "timeout")
CITIZEN_ACTIONS = (BACK, CANCELLED, TIMEOUT)
_INPUT_KEYS = {"step", "outcome", "data", "world"}
_SCRIPT_KEYS = {"description", "expect", "world", "inputs"}
MAX_VISITS = 200

Add = Callable[..., None]


def parse_demos(raw: Mapping[str, Any], steps: list[Step], add: Add) -> tuple[DemoScript, ...]:
    """DemoScripts from a definition's [demo.*] tables; problems go to add(path, message, step)."""
    by_id = {s.id: s for s in steps}
    scripts = []
    for name, body in raw.items():
        where = ("demo", name)
        if not isinstance(body, dict):
            add(where, "a demo script is a table")
            continue
        for key in sorted(set(body) - _SCRIPT_KEYS):
            add(where + (key,), f"unknown key {key!r} (known: {', '.join(sorted(_SCRIPT_KEYS))})")
        if body.get("expect") not in EXPECT:
            add(where + ("expect",), f"expect must be one of {', '.join(EXPECT)}, not {body.get('expect')!r}")
        world = _world(body.get("world", []), where + ("world",), add)
        inputs = []
        raw_inputs = body.get("inputs", [])
        if not isinstance(raw_inputs, list) or not raw_inputs:
            add(where + ("inputs",), "inputs must be a non-empty list of tables")
            raw_inputs = []
        for n, item in enumerate(raw_inputs, start=1):
            parsed = _input(item, n, by_id, where + ("inputs",), add)
            if parsed is not None:
                inputs.append(parsed)
        scripts.append(DemoScript(name, str(body.get("description", "")), str(body.get("expect")),
                                  tuple(inputs), world or ()))
    return tuple(scripts)


def _world(value: Any, where: tuple[str, ...], add: Add) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        add(where, "world is a list of condition names")
        return None
    for v in value:
        if v not in CONDITIONS:
            add(where, f"unknown world condition {v!r} (known: {', '.join(CONDITIONS)})")
    return tuple(value)


def _input(item: Any, n: int, by_id: Mapping[str, Step], where: tuple[str, ...], add: Add) -> DemoInput | None:
    label = f"input {n}"
    if not isinstance(item, dict) or not isinstance(item.get("step"), str):
        add(where, f"{label}: a table with at least step = \"...\"")
        return None
    for key in sorted(set(item) - _INPUT_KEYS):
        add(where, f"{label}: unknown key {key!r} (known: {', '.join(sorted(_INPUT_KEYS))})")
    step = by_id.get(item["step"])
    if step is None:
        add(where, f"{label}: no step {item['step']!r} in this definition")
        return None
    kind = STEP_TYPES[step.type]
    outcome = item.get("outcome")
    if outcome is not None:
        allowed = set(kind.outcomes(step.params)) | set(CITIZEN_ACTIONS)
        if not kind.takes_input:
            add(where, f"{label}: step {step.id!r} is an action; the citizen gives it no outcome", step.id)
        elif outcome not in allowed:
            add(where, f"{label}: {outcome!r} is not an outcome of step {step.id!r} "
                f"(it has: {', '.join(sorted(allowed))})", step.id)
    data = item.get("data", {})
    if not isinstance(data, dict):
        add(where, f"{label}: data is a table", step.id)
        data = {}
    world = _world(item["world"], where, add) if "world" in item else None
    return DemoInput(step.id, outcome, data, world)


# ---- replaying a script headless ------------------------------------------------------------------------


class DemoError(Exception):
    """The script and the session went different ways (a step waited with no input for it)."""


@dataclass
class DemoRun:
    outcome: str | None = None
    visited: list[str] = field(default_factory=list)
    effects: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)      # flow codes the screens showed
    unused_inputs: int = 0


def run_demo(engine: Any, script: DemoScript, set_world: Callable[[tuple[str, ...]], None]) -> DemoRun:
    """Drive `engine` (not yet started) through `script`; `set_world` puts conditions in force."""
    run = DemoRun()
    inputs = list(script.inputs)
    set_world(script.world)
    view = engine.start()
    current: DemoInput | None = None
    seen_visit = -1
    while not view.finished:
        if len(run.visited) > MAX_VISITS:
            raise DemoError(f"more than {MAX_VISITS} steps: the script loops at {view.step_id!r}")
        if view.visit != seen_visit:
            seen_visit = view.visit
            run.visited.append(view.step_id)
            current = inputs.pop(0) if inputs and inputs[0].step == view.step_id else None
            if current is not None and current.world is not None:
                set_world(current.world)
        if (action := engine.pending_action()) is not None:
            view = engine.complete(action, action.run())
            continue
        for shown in (view.error, view.display.get("error")):
            if shown and (not run.errors or run.errors[-1] != shown):
                run.errors.append(shown)
        if current is None:
            if inputs and inputs[0].step == view.step_id:  # the same step asks again (a refused input)
                current = inputs.pop(0)
                if current.world is not None:
                    set_world(current.world)
            else:
                raise DemoError(f"step {view.step_id!r} waits for the citizen, and the script has no input "
                                f"for it here (next input: {inputs[0].step if inputs else 'none'})")
        answer, current = current, None
        view = engine.submit(answer.outcome or "ok", answer.data)
    run.outcome = view.outcome
    run.effects = list(engine.effects)
    run.unused_inputs = len(inputs)
    return run
