"""A service definition as typed, frozen objects (made by flows.loader from a TOML file).

    Definition  id, title, prompt, department, icon, fee_fen, needs_network, offline_note, steps, demos
    Step        id, type, title, prompt, params, on (outcome -> step id or an END), timeout_s, retries,
                completes (finishing this step ok means the service was delivered), line
    DemoScript  a scripted citizen (flows.demo runs one)

A transition names another step or one of the ends: END_OK ("@end": the session ends; it counts as done
when a `completes` step finished ok, else as failed), END_CANCELLED ("@cancelled"), END_TIMEOUT ("@timeout").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

#: the outcomes every step may end with; step types add their own (a choice's options, a notice's ways)
OK, FAILED, TIMEOUT, CANCELLED, RETRIES_EXHAUSTED, BACK = (
    "ok", "failed", "timeout", "cancelled", "retries_exhausted", "back")
STANDARD_OUTCOMES = frozenset({OK, FAILED, TIMEOUT, CANCELLED, RETRIES_EXHAUSTED})

END_OK, END_CANCELLED, END_TIMEOUT = "@end", "@cancelled", "@timeout"
ENDS = frozenset({END_OK, END_CANCELLED, END_TIMEOUT})


def frozen_map(data: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class Step:
    id: str
    type: str
    title: str
    prompt: str
    params: Mapping[str, Any]
    on: Mapping[str, str]
    timeout_s: float
    retries: int
    completes: bool = False
    line: int = 0

    def target(self, outcome: str) -> str:
        """Where `outcome` leads: the transition written, else the defaults every step has.

        cancelled -> @cancelled, timeout -> @timeout, retries_exhausted -> wherever failed leads,
        an option of a choice -> wherever ok leads."""
        if outcome in self.on:
            return self.on[outcome]
        if outcome == CANCELLED:
            return END_CANCELLED
        if outcome == TIMEOUT:
            return END_TIMEOUT
        if outcome == RETRIES_EXHAUSTED and FAILED in self.on:
            return self.on[FAILED]
        if OK in self.on and outcome not in STANDARD_OUTCOMES:
            return self.on[OK]
        raise KeyError(outcome)


@dataclass(frozen=True)
class DemoInput:
    """One scripted moment: when the session reaches `step`, set the world, then act as the citizen."""

    step: str
    outcome: str | None = None          # what the citizen does at an input step (None: nothing, it's an action)
    data: Mapping[str, Any] = field(default_factory=frozen_map)
    world: tuple[str, ...] | None = None  # conditions in force from here on (None: unchanged)
    line: int = 0


@dataclass(frozen=True)
class DemoScript:
    name: str
    description: str
    expect: str                         # the session's outcome: done, failed, cancelled or timeout
    inputs: tuple[DemoInput, ...]
    world: tuple[str, ...] = ()         # conditions in force from the start
    line: int = 0


@dataclass(frozen=True)
class Definition:
    id: str
    title: str
    prompt: str
    department: str
    icon: str
    fee_fen: int
    needs_network: bool
    offline_note: str
    steps: tuple[Step, ...]
    demos: tuple[DemoScript, ...] = ()
    path: str = ""

    @property
    def start(self) -> str:
        return self.steps[0].id

    def step(self, step_id: str) -> Step:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)

    def demo(self, name: str) -> DemoScript:
        for d in self.demos:
            if d.name == name:
                return d
        raise KeyError(name)
