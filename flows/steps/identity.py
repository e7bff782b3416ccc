"""Reading the resident ID card on the SAM reader: wait for a card, read it, keep the identity."""

from __future__ import annotations

from flows.definition import OK, Step
from flows.steps.base import ActionContext, StepResult, StepType, failed

POLL_S = 0.5
WAITING = {"idcard.no_card", "device.timeout"}  # no card yet, or a reader busy finding one: keep waiting


class ReadIdCard(StepType):
    name = "read_id_card"
    has_enter = True
    can_fail = True
    ports = ("id_card",)
    timeout_s = 60.0

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        reader = ctx.ports.id_card
        if reader is None:
            return failed("flow.device_unavailable", "no ID card reader")
        ctx.report(prompt="place_card")
        while True:
            result = reader.read_card()
            if result.ok:
                card = result.value.identity
                return StepResult(OK, values={"id_number": card.id_number,
                                              "name": card.name or card.english_name},
                                  transient={"card_photo": result.value.photo})
            if result.code not in WAITING:
                return failed("flow.card_unreadable", result)
            if not ctx.wait(POLL_S):
                return ctx.halted()
