"""Printing a receipt, a ticket, a filled form or a slip for the staff counter, masked, once per key.

The document's fields are masked session values (labels field.<key>); a filled form prints its own fields;
a staff slip carries the session reference and what went wrong, so staff can find the journal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flows.definition import OK, Step
from flows.masking import masked
from flows.ports import Document
from flows.steps.base import ActionContext, Param, StepResult, StepType, failed
from flows.steps.records import RECORD_FIELDS

TEMPLATES = ("id_card_receipt", "photo_receipt", "queue_ticket", "staff_slip", "form", "pickup_slip")
PRINT_FIELDS = RECORD_FIELDS + ("session_ref", "waiting", "fee_fen")
QR_FIELDS = ("pickup_code", "receipt_no", "session_ref")


def document(step: Step, values: Mapping[str, Any], key: str) -> Document:
    fields: list[tuple[str, str]] = []
    for name in step.params.get("fields", []):
        if name == "form":
            form_id = values.get("form_id", "")
            fields += [(f"form.{form_id}.{f}", v) for f, v in values.get("form", {}).items()]
        elif name == "last_error" and values.get("last_error"):
            fields.append(("field.last_error", f"error.{values['last_error']}"))
        elif name in values:
            fields.append((f"field.{name}", masked(name, values[name])))
    qr_key = step.params.get("qr", "")
    return Document(step.params["template"], tuple(fields), values.get(qr_key) if qr_key else None, key)


class Print(StepType):
    name = "print"
    params = (Param("template", "str", required=True, allowed=TEMPLATES, ids=("print.{value}",)),
              Param("fields", "list", default=[], allowed=PRINT_FIELDS),
              Param("qr", "str", default="", allowed=("",) + QR_FIELDS))
    has_enter = True
    effect = "print"
    can_fail = True
    ports = ("printer",)
    timeout_s = 60.0
    retries = 1

    def effect_meta(self, step: Step, values: Mapping[str, Any], fee_fen: int) -> dict[str, Any]:
        return {"template": step.params["template"]}

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"template": step.params["template"], "label": f"print.{step.params['template']}",
                "session_ref": values.get("session_ref", "")}

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        if ctx.ports.printer is None:
            return failed("flow.printer_failed", "no printer")
        printed = ctx.ports.printer.print_document(document(step, ctx.values, ctx.key or ""))
        if not printed.ok:
            return StepResult("failed", error="flow.printer_failed", detail=printed.code,
                              effect={"state": "unknown" if printed.code == "device.timeout" else "failed"})
        return StepResult(OK, effect={"state": "done"})
