"""Records that leave the terminal: the application (to the platform, online), a queue ticket (from the
hall's queue system), and outbox records (rating, feedback, photo, pickup ...: durable, sent later).

Each carries the step's idempotency key, so asking twice never makes two applications, tickets or records.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from flows.definition import OK, Step
from flows.steps.base import ActionContext, Param, StepResult, StepType, failed

#: session values a record may carry (personal ones are sealed by the outbox)
RECORD_FIELDS = ("reason", "id_number", "name", "phone", "sms_verified", "pickup", "address", "photo",
                 "fingerprints", "face_verified", "payment_id", "paid_fen", "application_no", "door",
                 "ticket_no", "department", "matter", "rating", "rating_reasons", "feedback_matter",
                 "feedback_text", "contact_phone", "form_id", "form", "receipt_no", "last_error", "door_left_open")
STREAMS = ("rating", "feedback", "id_photo", "pickup", "form", "staff_help")


def short_ref(key: str) -> str:
    """A short number to print and read out (8 characters), derived from an idempotency key."""
    return hashlib.sha256(key.encode()).hexdigest()[:8].upper()


def _payload(ctx: ActionContext, fields: list[str]) -> dict[str, Any]:
    payload: dict[str, Any] = {"service_id": ctx.service_id, "session_ref": ctx.values.get("session_ref", "")}
    payload.update({f: ctx.values[f] for f in fields if f in ctx.values})
    return payload


class SubmitApplication(StepType):
    name = "submit_application"
    params = (Param("fields", "list", required=True, allowed=RECORD_FIELDS),)
    counted = False
    has_enter = True
    effect = "submit"
    can_fail = True
    ports = ("platform",)
    timeout_s = 60.0

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        if ctx.ports.platform is None:
            return failed("flow.network_lost", "no platform")
        sent = ctx.ports.platform.submit_application(ctx.key, _payload(ctx, step.params["fields"]))
        if not sent.ok:
            return StepResult("failed", error="flow.network_lost", detail=sent.code, effect={"state": "unknown"})
        return StepResult(OK, values={"application_no": sent.value.application_no,
                                      "pickup_code": sent.value.pickup_code},
                          effect={"state": "done", "application_no": sent.value.application_no})


class TakeTicket(StepType):
    name = "take_ticket"
    counted = False
    has_enter = True
    effect = "ticket"
    can_fail = True
    ports = ("queue",)
    timeout_s = 30.0

    def effect_meta(self, step: Step, values: Mapping[str, Any], fee_fen: int) -> dict[str, Any]:
        return {"department": values.get("department"), "matter": values.get("matter")}

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        if ctx.ports.queue is None:
            return failed("flow.queue_unavailable", "no queue system")
        got = ctx.ports.queue.take_ticket(ctx.key, ctx.values.get("department", ""), ctx.values.get("matter", ""))
        if not got.ok:
            return StepResult("failed", error="flow.queue_unavailable", detail=got.code, effect={"state": "unknown"})
        return StepResult(OK, values={"ticket_no": got.value.number, "waiting": got.value.waiting},
                          effect={"state": "done", "ticket_no": got.value.number})


class Record(StepType):
    name = "record"
    params = (Param("stream", "str", required=True, allowed=STREAMS),
              Param("fields", "list", default=[], allowed=RECORD_FIELDS))
    counted = False
    has_enter = True
    effect = "record"
    timeout_s = 30.0

    def effect_meta(self, step: Step, values: Mapping[str, Any], fee_fen: int) -> dict[str, Any]:
        return {"stream": step.params["stream"]}

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        receipt = short_ref(ctx.key)
        payload = _payload(ctx, step.params.get("fields", [])) | {"receipt_no": receipt}
        ctx.ports.outbox.enqueue(ctx.key, step.params["stream"], payload)
        return StepResult(OK, values={"receipt_no": receipt}, effect={"state": "done", "record_id": ctx.key})
