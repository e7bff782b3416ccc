"""Collecting a document from the locker wall: find the pickup record (scanned receipt QR code or ID
card), check it offline, open the door once, wait for it to be shut.

The journal enters the application number as collected when it records the intent to open the door, so a
code can never open a door twice - not even after a crash between opening and journaling.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flows.definition import OK, Step
from flows.pickup import id_digest, read_code, record_is_genuine
from flows.ports import PickupRecord
from flows.steps.base import ActionContext, Param, StepResult, StepType, failed

POLL_S = 0.5
SCAN_WAITING = {"scanner.no_code", "device.bad_frame", "device.timeout"}


class PickupLookup(StepType):
    name = "pickup_lookup"
    params = (Param("by", "str", default="code", allowed=("code", "id_card")),)
    has_enter = True
    can_fail = True
    ports = ("scanner", "platform")
    reads_collected = True
    timeout_s = 90.0

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        if ctx.ports.platform is None:
            return failed("flow.device_unavailable", "no pickup records")
        key = ctx.ports.pickup_public_key
        if step.params.get("by", "code") == "id_card":
            number = ctx.values.get("id_number", "")
            record = ctx.ports.platform.pickup_record_for(number)
            return self._found(record, id_digest(number), key, ctx)
        if ctx.ports.scanner is None:
            return failed("flow.device_unavailable", "no scanner")
        ctx.report(prompt="scan_receipt")
        while True:
            scanned = ctx.ports.scanner.read_code(min(POLL_S * 4, max(ctx.remaining(), 0.01)))
            if scanned.ok:
                claim = read_code(scanned.value, key)
                if claim is None:
                    return failed("flow.pickup_forged")
                record = ctx.ports.platform.pickup_record(claim.application_no)
                return self._found(record, claim.id_digest, key, ctx)
            if scanned.code not in SCAN_WAITING:
                return failed("flow.device_unavailable", scanned)
            if ctx.cancelled or ctx.expired():
                return ctx.halted()

    @staticmethod
    def _found(record: PickupRecord | None, digest: str, key: bytes, ctx: ActionContext) -> StepResult:
        if record is None:
            return failed("flow.pickup_unknown")
        if not record_is_genuine(record, key) or record.id_digest != digest:
            return failed("flow.pickup_forged", "record signature or holder does not match")
        if record.application_no in ctx.collected:
            return failed("flow.pickup_used")
        return StepResult(OK, values={"application_no": record.application_no, "door": record.door},
                          transient={"pickup_photo": record.photo})


class LockerPickup(StepType):
    name = "locker_pickup"
    params = (Param("poll_s", "float", default=POLL_S, minimum=0.05),)
    has_enter = True
    effect = "locker"
    can_fail = True
    ports = ("lockers",)
    timeout_s = 120.0
    retries = 1

    def effect_meta(self, step: Step, values: Mapping[str, Any], fee_fen: int) -> dict[str, Any]:
        return {"door": values.get("door"), "application_no": values.get("application_no")}

    def display(self, step: Step, values: Mapping[str, Any]) -> dict[str, Any]:
        return {"door": values.get("door")}

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        lockers, door = ctx.ports.lockers, ctx.values.get("door")
        if lockers is None:
            return failed("flow.locker_unavailable", "no locker wall")
        opened = lockers.open_door(door)
        if not opened.ok:
            jammed = opened.code == "locker.door_jammed"
            return StepResult("failed", error="flow.locker_jammed" if jammed else "flow.locker_unavailable",
                              detail=opened.code, effect={"state": "failed" if jammed else "unknown",
                                                          "door": door})
        ctx.report(door=door, phase="open")
        while ctx.wait(step.params.get("poll_s", POLL_S)):
            states = lockers.door_states()
            if states.ok and door in states.value.doors and not states.value.doors[door].open:
                return StepResult(OK, values={"collected": True}, effect={"state": "done", "door": door})
        # Out of time (or cancelled) with the door still open: the document was handed out all the same.
        return StepResult(OK, values={"collected": True, "door_left_open": True},
                          effect={"state": "done", "door": door, "left_open": True})
