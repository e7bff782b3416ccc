"""What the citizen thinks: rating (好差评, five levels and reasons) and feedback (办不成事, optional contact)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flows.definition import Step
from flows.steps.base import Invalid, Param, StepResult, StepType
from flows.steps.entry import PHONE, clean_text

LEVELS = (1, 2, 3, 4, 5)  # 1 very satisfied .. 5 very dissatisfied, as the national 好差评 scale


class Rating(StepType):
    name = "rating"
    params = (Param("reasons", "list", required=True, ids=("rating.reason.{value}",)),)
    takes_input = True
    timeout_s = 60.0

    def translation_ids(self, params: Mapping[str, Any]) -> list[str]:
        return super().translation_ids(params) + [f"rating.level.{n}" for n in LEVELS]

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"levels": [{"id": n, "label": f"rating.level.{n}"} for n in LEVELS],
                "reasons": [{"id": r, "label": f"rating.reason.{r}"} for r in step.params["reasons"]]}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        level = data.get("level")
        reasons = list(data.get("reasons", ()))
        if level not in LEVELS or any(r not in step.params["reasons"] for r in reasons):
            return Invalid("flow.rating_invalid")
        return StepResult(outcome, values={"rating": level, "rating_reasons": reasons})


class Feedback(StepType):
    name = "feedback"
    params = (Param("matters", "list", required=True, ids=("feedback.matter.{value}",)),)
    can_back = True
    takes_input = True
    timeout_s = 300.0

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"matters": [{"id": m, "label": f"feedback.matter.{m}"} for m in step.params["matters"]],
                "fields": [{"id": "text", "label": "field.feedback_text", "keyboard": "pinyin"},
                           {"id": "contact_phone", "label": "field.contact_phone", "keyboard": "digits",
                            "optional": True}]}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        matter = data.get("matter")
        if matter not in step.params["matters"]:
            return Invalid("flow.choice_invalid")
        contact = re.sub(r"[\s-]", "", str(data.get("contact_phone", "")))
        if contact and not PHONE.match(contact):
            return Invalid("flow.phone_invalid")
        return StepResult(outcome, values={"feedback_matter": matter, "feedback_text": clean_text(data.get("text")),
                                           "contact_phone": contact})
