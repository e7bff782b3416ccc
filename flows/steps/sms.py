"""An SMS code to the phone number just typed in, when the central platform can be reached.

enter: ask the platform to send a code (idempotent on the step's key) -> wait for the citizen's code ->
check: ask the platform whether it is right. A wrong code keeps the step (one attempt used; past the
step's retries: retries_exhausted). No network: outcome `offline`, and the definition goes on without.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flows.definition import OK, Step
from flows.steps.base import INVALID, ActionContext, Invalid, StepResult, StepType, failed

OFFLINE = "offline"


class SmsCode(StepType):
    name = "sms_code"
    has_enter = True
    takes_input = True
    has_check = True
    can_fail = True
    extra_outcomes = (OFFLINE,)
    ports = ("platform",)
    timeout_s = 180.0

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        phone = values.get("phone", "")
        return {"phone": phone[:3] + "****" + phone[-4:] if len(phone) == 11 else "",
                "fields": [{"id": "code", "label": "field.sms_code", "keyboard": "digits"}]}

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        if ctx.ports.platform is None or not ctx.values.get("phone"):
            return StepResult(OFFLINE)
        sent = ctx.ports.platform.send_sms_code(ctx.key, ctx.values["phone"])
        if not sent.ok:
            return StepResult(OFFLINE, detail=sent.code)
        return StepResult(OK, transient={"sms_challenge": sent.value})

    def accept(self, step: Step, outcome: str, data: Mapping[str, Any],
               values: Mapping[str, Any]) -> StepResult | Invalid:
        code = str(data.get("code", "")).strip()
        if not re.fullmatch(r"[0-9]{4,8}", code):
            return Invalid("flow.sms_code_wrong")
        return StepResult(outcome, transient={"sms_entered": code})

    def check(self, step: Step, ctx: ActionContext) -> StepResult:
        answer = ctx.ports.platform.check_sms_code(ctx.values.get("sms_challenge", ""),
                                                   ctx.values.get("sms_entered", ""))
        if not answer.ok:
            return failed("flow.network_lost", answer)
        if not answer.value:
            return StepResult(INVALID, error="flow.sms_code_wrong")
        return StepResult(OK, values={"sms_verified": True})
