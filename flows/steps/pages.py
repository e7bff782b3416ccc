"""Looking: the confirmation summary (masked) and information pages (sample filled forms, 样表)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flows.definition import Step
from flows.masking import masked
from flows.steps.base import Param, StepType

#: session values a summary may show, each with its label id field.<key>
SUMMARY_FIELDS = ("reason", "id_number", "name", "phone", "pickup", "address", "photo", "fingerprints",
                  "fee_fen", "application_no")


class Summary(StepType):
    name = "summary"
    params = (Param("fields", "list", required=True, allowed=SUMMARY_FIELDS, ids=("field.{value}",)),)
    can_back = True
    takes_input = True
    timeout_s = 120.0

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        rows = []
        for key in step.params["fields"]:
            if key not in values:
                continue
            value = values[key]
            row = {"id": key, "label": f"field.{key}", "value": masked(key, value)}
            if key in ("reason", "pickup"):  # a choice: show its translated label
                row["value_label"] = f"choice.{key}.{value}"
            rows.append(row)
        return {"rows": rows}


class InfoPages(StepType):
    name = "info_pages"
    params = (Param("pages", "list", required=True, ids=("form.{value}.title", "form.{value}.sample")),)
    can_back = True
    takes_input = True
    timeout_s = 300.0

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"pages": [{"id": p, "title": f"form.{p}.title", "body": f"form.{p}.sample"}
                          for p in step.params["pages"]]}
