"""Fee and payment through the central platform (the terminal holds no merchant keys).

The platform creates the payment under the step's idempotency key and returns a QR code for the screen;
a scanned payment code of the citizen is passed on too. The step then waits for the platform's verdict.
The journal knows the payment's key before it is created (intent), and its end state after (done/failed):

    paid -> ok                    declined -> failed flow.payment_declined
    expired -> failed flow.payment_expired
    still pending at the deadline, cancelled, or the platform gone: the effect is *unknown* and the session
    record tells staff which payment to look at - a payment is never forgotten.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flows.definition import CANCELLED, OK, TIMEOUT, Step
from flows.steps.base import ActionContext, Param, StepResult, StepType, failed

POLL_S = 2.0


class Payment(StepType):
    name = "payment"
    params = (Param("amount_fen", "int", minimum=0), Param("poll_s", "float", default=POLL_S, minimum=0.1))
    has_enter = True
    effect = "payment"
    can_fail = True
    ports = ("platform", "scanner")
    timeout_s = 180.0
    retries = 1

    def amount(self, step: Step, fee_fen: int) -> int:
        return int(step.params.get("amount_fen", fee_fen))

    def effect_meta(self, step: Step, values: Mapping[str, Any], fee_fen: int) -> dict[str, Any]:
        return {"amount_fen": self.amount(step, fee_fen)}

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"amount_fen": values.get("fee_fen", 0) if "amount_fen" not in step.params
                else step.params["amount_fen"]}

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        amount = self.amount(step, ctx.fee_fen)
        if amount == 0:
            return StepResult(OK, values={"paid_fen": 0}, effect={"state": "done", "amount_fen": 0})
        platform = ctx.ports.platform
        if platform is None:
            return failed("flow.network_lost", "no platform")
        created = platform.create_payment(ctx.key, amount, ctx.service_id)
        if not created.ok:
            return StepResult("failed", error="flow.network_lost", detail=created.code,
                              effect={"state": "failed", "amount_fen": amount})
        payment = created.value
        ctx.report(qr=payment.qr_text, amount_fen=amount)
        poll = step.params.get("poll_s", POLL_S)
        last = "pending"
        while True:
            state = platform.payment_state(payment.id)
            if state.ok:
                last = state.value
                verdict = self._verdict(last, payment.id, amount)
                if verdict is not None:
                    return verdict
            if ctx.cancelled or ctx.expired():
                return self._stopped(ctx, platform, payment.id, amount, last)
            scanner = ctx.ports.scanner
            if scanner is None:
                ctx.wait(poll)
                continue
            code = scanner.read_code(min(poll, max(ctx.remaining(), 0.01)))
            if code.ok:
                platform.pay_with_code(payment.id, code.value)
            elif code.code not in ("scanner.no_code", "device.bad_frame"):
                ctx.wait(poll)  # the scanner is gone: the QR code still works

    def _stopped(self, ctx: ActionContext, platform: Any, payment_id: str, amount: int, last: str) -> StepResult:
        """Cancelled or out of time: one last look, since the citizen may have paid at the last moment."""
        final = platform.payment_state(payment_id)
        if final.ok:
            verdict = self._verdict(final.value, payment_id, amount)
            if verdict is not None:
                return verdict
            last = final.value
        outcome = CANCELLED if ctx.cancelled else TIMEOUT
        return StepResult(outcome, error="flow.payment_expired", detail=last,
                          effect={"state": "unknown", "payment_id": payment_id, "amount_fen": amount,
                                  "payment_state": last})

    @staticmethod
    def _verdict(state: str, payment_id: str, amount: int) -> StepResult | None:
        effect = {"payment_id": payment_id, "amount_fen": amount, "payment_state": state}
        if state == "paid":
            return StepResult(OK, values={"payment_id": payment_id, "paid_fen": amount},
                              effect={"state": "done", **effect})
        if state in ("declined", "expired"):
            return StepResult("failed", error=f"flow.payment_{state}", detail=state,
                              effect={"state": "failed", **effect})
        return None
