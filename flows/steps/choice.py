"""Choosing: `choice` (one option among several) and `notice` (what happened, and the ways on from it).

A choice's outcome is the option chosen; its transition is the option's own when the definition gives
one (pickup "post" -> the address step), else `ok`'s. A notice is the screen after a failure: it shows its
message and the failure's code (the last error of the session), and each way on is an outcome with its own
transition (retry, another way, a printed slip for the staff counter ...).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flows.definition import OK, Step
from flows.steps.base import Invalid, Param, StepResult, StepType


class Choice(StepType):
    name = "choice"
    params = (Param("key", "str", required=True),
              Param("options", "list", required=True, ids=("choice.{key}.{value}",)))
    can_back = True
    takes_input = True
    timeout_s = 90.0

    def dynamic_outcomes(self, params: Mapping[str, Any]) -> tuple[str, ...]:
        return tuple(params.get("options", ()))

    def missing_transitions(self, params: Mapping[str, Any], on: Mapping[str, str]) -> list[str]:
        if OK in on:
            return []
        unrouted = [o for o in params.get("options", ()) if o not in on]
        return [OK] if unrouted else []

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        key = step.params["key"]
        return {"key": key, "selected": values.get(key),
                "options": [{"id": o, "label": f"choice.{key}.{o}"} for o in step.params["options"]]}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        key = step.params["key"]
        chosen = data.get(key, outcome)
        if chosen not in step.params["options"]:
            return Invalid("flow.choice_invalid")
        return StepResult(chosen, values={key: chosen})


#: numbers a notice shows so the citizen can quote them at the counter (none is personal)
REFS = ("session_ref", "receipt_no", "application_no", "ticket_no")


class Notice(StepType):
    name = "notice"
    params = (Param("message", "str", required=True, ids=("{value}",)),
              Param("ways", "list", required=True, ids=("way.{value}",)))
    counted = False
    takes_input = True
    timeout_s = 60.0

    def dynamic_outcomes(self, params: Mapping[str, Any]) -> tuple[str, ...]:
        return tuple(params.get("ways", ()))

    def required_outcomes(self, params: Mapping[str, Any]) -> frozenset[str]:
        return frozenset(params.get("ways", ()))

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        error = values.get("last_error")
        refs = {k: values[k] for k in REFS if values.get(k)}
        return {"message": step.params["message"], "error": error, "refs": refs,
                "error_text": f"error.{error}" if error else None,
                "ways": [{"id": w, "label": f"way.{w}"} for w in step.params["ways"]]}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        if outcome not in step.params["ways"]:
            return Invalid("flow.choice_invalid")
        return StepResult(outcome)
