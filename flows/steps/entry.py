"""Typing in: identity (ID number with its check character, and name), phone number, address, a form.

All checks are pure and run on the main thread; a refused entry keeps the step and shows a flow code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from drivers.idcard.idnumber import is_valid
from flows.definition import Step
from flows.steps.base import Invalid, Param, StepResult, StepType

PHONE = re.compile(r"^1[3-9][0-9]{9}$")
MAX_TEXT = 200


def clean_text(value: Any) -> str:
    return " ".join(str(value or "").split())[:MAX_TEXT]


class IdentityEntry(StepType):
    name = "identity_entry"
    params = (Param("with_name", "bool", default=True),)
    can_back = True
    takes_input = True

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        fields = ["id_number", "name"] if step.params.get("with_name", True) else ["id_number"]
        return {"fields": [{"id": f, "label": f"field.{f}", "keyboard": "id" if f == "id_number" else "pinyin"}
                           for f in fields]}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        number = str(data.get("id_number", "")).strip().upper()
        if not is_valid(number):
            return Invalid("flow.id_number_invalid")
        found = {"id_number": number}
        if step.params.get("with_name", True):
            name = clean_text(data.get("name"))
            if not name:
                return Invalid("flow.name_missing")
            found["name"] = name
        return StepResult(outcome, values=found)


class PhoneEntry(StepType):
    name = "phone_entry"
    params = (Param("optional", "bool", default=False),)
    can_back = True
    takes_input = True

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"fields": [{"id": "phone", "label": "field.phone", "keyboard": "digits"}],
                "optional": step.params.get("optional", False)}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        phone = re.sub(r"[\s-]", "", str(data.get("phone", "")))
        if not phone and step.params.get("optional", False):
            return StepResult(outcome, values={"phone": ""})
        if not PHONE.match(phone):
            return Invalid("flow.phone_invalid")
        return StepResult(outcome, values={"phone": phone})


class AddressEntry(StepType):
    name = "address_entry"
    can_back = True
    takes_input = True

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"fields": [{"id": "address", "label": "field.address", "keyboard": "pinyin"}]}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        address = clean_text(data.get("address"))
        if len(address) < 4:
            return Invalid("flow.field_missing")
        return StepResult(outcome, values={"address": address})


class FormFill(StepType):
    """Guided filling of one form; the print step after it prints the filled form."""

    name = "form_fill"
    params = (Param("form", "str", required=True, ids=("form.{value}.title",)),
              Param("fields", "list", required=True, ids=("form.{form}.{value}",)))
    can_back = True
    takes_input = True
    timeout_s = 300.0

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        form = step.params["form"]
        filled = values.get("form", {}) if values.get("form_id") == form else {}
        return {"form": form, "title": f"form.{form}.title",
                "fields": [{"id": f, "label": f"form.{form}.{f}", "value": filled.get(f, "")}
                           for f in step.params["fields"]]}

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        filled = {f: clean_text(data.get(f)) for f in step.params["fields"]}
        if not all(filled.values()):
            return Invalid("flow.field_missing")
        return StepResult(outcome, values={"form_id": step.params["form"], "form": filled})
