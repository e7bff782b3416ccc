"""What every step type is made of: declared parameters, outcomes, and the pieces the engine runs.

A step type is a class with class-level declarations (read by the loader to validate definitions) and up to
four behaviours (used by the engine):

    display(step, values) -> dict          what its screen shows, personal data masked (main thread)
    accept(step, outcome, data, values)    the citizen's input, checked: StepResult or Invalid (main thread)
    enter(step, ctx) -> StepResult         an action run on entering the step (worker thread)
    check(step, ctx) -> StepResult         an action run after accepted input, e.g. an SMS code (worker)

Actions never touch the journal, the engine or the screen: they read `ctx` (ports, a copy of the session
values, the step's idempotency key), may report progress for the screen through `ctx.report`, and return
a StepResult. That is what lets the adapter run them on a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from drivers.errors import Failure
from flows.definition import CANCELLED, FAILED, OK, STANDARD_OUTCOMES, TIMEOUT, Step, frozen_map

PARAM_KINDS = ("str", "int", "float", "bool", "list")

#: a check's answer that refuses the input (a wrong SMS code): the step stays and counts an attempt
INVALID = "invalid"


@dataclass(frozen=True)
class Param:
    """One parameter a step type takes. `allowed`: the values a str (or every item of a list) may take.
    `ids`: translation id patterns each value must have, formatted with the step's params and `value`."""

    name: str
    kind: str
    required: bool = False
    default: Any = None
    allowed: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    minimum: float | None = None


@dataclass(frozen=True)
class StepResult:
    """What a step ended with. `values` join the session's values (journaled, sealed); `transient` ones are
    kept in memory only (reference data from the registry); `effect` is the journaled result of a side
    effect (no personal data); `detail` is the device's own code or words, for technicians."""

    outcome: str
    values: Mapping[str, Any] = field(default_factory=frozen_map)
    transient: Mapping[str, Any] = field(default_factory=frozen_map)
    error: str | None = None
    detail: str = ""
    effect: Mapping[str, Any] = field(default_factory=frozen_map)


@dataclass(frozen=True)
class Invalid:
    """Input refused: the step stays, its screen shows `error` (a flow code)."""

    error: str


def failed(code: str, detail: str | Failure = "") -> StepResult:
    if isinstance(detail, Failure):
        detail = detail.code
    return StepResult(FAILED, error=code, detail=detail)


class ActionContext:
    """Everything an action may use. `wait(s)` pauses on the ports' clock and answers False once the step
    was cancelled or its deadline has passed; `report(**display)` sends progress to the screen."""

    def __init__(self, *, ports: Any, values: Mapping[str, Any], params: Mapping[str, Any], service_id: str,
                 fee_fen: int, key: str | None, timeout_s: float, cancel: threading.Event,
                 report: Callable[[Mapping[str, Any]], None] | None = None,
                 collected: frozenset[str] = frozenset()) -> None:
        self.ports, self.values, self.params = ports, values, params
        self.collected = collected  # application numbers whose document was already collected here
        self.service_id, self.fee_fen, self.key = service_id, fee_fen, key
        self.cancel = cancel
        self.deadline = ports.clock.monotonic() + timeout_s
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def remaining(self) -> float:
        return max(0.0, self.deadline - self.ports.clock.monotonic())

    def expired(self) -> bool:
        return self.remaining() <= 0

    def wait(self, seconds: float) -> bool:
        """Pause up to `seconds` (never past the deadline); False when cancelled or out of time."""
        if self.cancelled or self.expired():
            return False
        self.ports.clock.wait(self.cancel, min(seconds, self.remaining()))
        return not (self.cancelled or self.expired())

    def halted(self) -> StepResult:
        """The result for an action that stopped waiting: cancelled by the citizen, or out of time."""
        return StepResult(CANCELLED if self.cancelled else TIMEOUT)

    def report(self, **display: Any) -> None:
        if self._report is not None:
            self._report(frozen_map(display))


class StepType:
    """Base of the step library. Subclasses set the class declarations and override what they do."""

    name: ClassVar[str]
    params: ClassVar[tuple[Param, ...]] = ()
    counted: ClassVar[bool] = True           # counted in "step n of m"
    can_back: ClassVar[bool] = False          # the citizen may go back from here
    takes_input: ClassVar[bool] = False       # waits for the citizen (submit)
    has_enter: ClassVar[bool] = False         # runs enter() when reached
    has_check: ClassVar[bool] = False         # runs check() after accepted input
    effect: ClassVar[str | None] = None       # the side effect enter() performs: journaled with a key
    can_fail: ClassVar[bool] = False          # may end with `failed` (then a transition for it is required)
    extra_outcomes: ClassVar[tuple[str, ...]] = ()  # fixed outcomes beyond the standard ones
    ports: ClassVar[tuple[str, ...]] = ()     # the ports it uses
    reads_collected: ClassVar[bool] = False   # looks at ctx.collected (every pickup this terminal made: read
    #                                           from the journal only for the steps that look at it)
    timeout_s: ClassVar[float] = 120.0        # default per-step timeout
    retries: ClassVar[int] = 2                # default retry count

    def dynamic_outcomes(self, params: Mapping[str, Any]) -> tuple[str, ...]:
        """Outcomes that depend on the parameters (a choice's options, a notice's ways)."""
        return ()

    def outcomes(self, params: Mapping[str, Any]) -> frozenset[str]:
        return STANDARD_OUTCOMES | set(self.extra_outcomes) | set(self.dynamic_outcomes(params))

    def required_outcomes(self, params: Mapping[str, Any]) -> frozenset[str]:
        """Outcomes a definition must give a transition for."""
        needed = {OK} | ({FAILED} if self.can_fail else set())
        return frozenset(needed | set(self.extra_outcomes))

    def missing_transitions(self, params: Mapping[str, Any], on: Mapping[str, str]) -> list[str]:
        return sorted(self.required_outcomes(params) - set(on))

    def translation_ids(self, params: Mapping[str, Any]) -> list[str]:
        ids = []
        for p in self.params:
            if not p.ids or p.name not in params:
                continue
            value = params[p.name]
            for v in value if isinstance(value, list | tuple) else [value]:
                ids += [pattern.format(value=v, **params) for pattern in p.ids]
        return ids

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {}

    def effect_meta(self, step: Step, values: Mapping[str, Any], fee_fen: int) -> dict[str, Any]:
        """What the journal keeps in clear about the side effect about to happen (never personal data)."""
        return {}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        return StepResult(outcome)

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        raise NotImplementedError

    def check(self, step: Step, ctx: ActionContext) -> StepResult:
        raise NotImplementedError
