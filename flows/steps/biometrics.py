"""Photo, face and fingerprints: a standard photo with live instructions, a face check against a reference
with liveness, and each thumb captured several times with a quality gate.

Reference photos (from the registry, the card, the pickup record) are read inside the action and never
become session values: they are held in memory for the comparison only.
"""

from __future__ import annotations

from typing import Any

from flows.definition import OK, Step
from flows.steps.base import ActionContext, Param, StepResult, StepType, failed

RETRY_S = 0.2
RETRYABLE_FACE = {"face.no_face", "face.many_faces", "face.not_compliant"}  # say what to do, look again
FINGERS = ("left_thumb", "right_thumb", "left_index", "right_index")
NO_FINGER = {"fingerprint.no_finger", "device.timeout"}


class PhotoCapture(StepType):
    name = "photo_capture"
    params = (Param("purpose", "str", default="id_card", allowed=("id_card", "id_photo")),)
    has_enter = True
    can_fail = True
    ports = ("face",)
    timeout_s = 90.0

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        camera = ctx.ports.face
        if camera is None:
            return failed("flow.device_unavailable", "no camera")
        purpose = step.params.get("purpose", "id_card")
        while True:
            shot = camera.capture_photo(purpose)
            if shot.ok and shot.value.photo:
                return StepResult(OK, values={"photo": shot.value.photo})
            if shot.ok:
                ctx.report(instruction=shot.value.instruction)
            elif shot.code in RETRYABLE_FACE:
                ctx.report(instruction=shot.code)
            else:
                return failed("flow.photo_failed", shot)
            if not ctx.wait(RETRY_S):
                return ctx.halted()


class FaceVerify(StepType):
    name = "face_verify"
    params = (Param("reference", "str", default="registry", allowed=("registry", "card", "pickup", "photo")),)
    has_enter = True
    can_fail = True
    ports = ("face", "platform")
    timeout_s = 60.0

    def _reference(self, step: Step, ctx: ActionContext) -> bytes | StepResult:
        source = step.params.get("reference", "registry")
        if source == "registry":
            if ctx.ports.platform is None:
                return failed("flow.network_lost", "no platform")
            got = ctx.ports.platform.registry_photo(ctx.values.get("id_number", ""))
            return got.value if got.ok else failed("flow.network_lost", got)
        photo = ctx.values.get({"card": "card_photo", "pickup": "pickup_photo", "photo": "photo"}[source])
        return photo if photo else failed("flow.face_mismatch", f"no {source} reference photo")

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        if ctx.ports.face is None:
            return failed("flow.device_unavailable", "no camera")
        reference = self._reference(step, ctx)
        if isinstance(reference, StepResult):
            return reference
        ctx.report(prompt="look_at_camera")
        while True:
            check = ctx.ports.face.verify(reference)
            if check.ok:
                if not check.value.live:
                    return failed("flow.face_not_live")
                if not check.value.same_person:
                    return failed("flow.face_mismatch")
                return StepResult(OK, values={"face_verified": True})
            if check.code == "face.liveness_failed":
                return failed("flow.face_not_live", check)
            if check.code not in RETRYABLE_FACE:
                return failed("flow.device_unavailable", check)
            ctx.report(instruction=check.code)
            if not ctx.wait(RETRY_S):
                return ctx.halted()


class FingerprintCapture(StepType):
    name = "fingerprint_capture"
    params = (Param("fingers", "list", default=["left_thumb", "right_thumb"], allowed=FINGERS,
                    ids=("finger.{value}",)),
              Param("times", "int", default=3, minimum=1),
              Param("min_quality", "int", default=50, minimum=0),
              Param("poor_limit", "int", default=3, minimum=0))
    has_enter = True
    can_fail = True
    ports = ("fingerprint",)
    timeout_s = 120.0

    def enter(self, step: Step, ctx: ActionContext) -> StepResult:
        sensor = ctx.ports.fingerprint
        if sensor is None:
            return failed("flow.device_unavailable", "no fingerprint module")
        p = step.params
        times, gate, limit = p.get("times", 3), p.get("min_quality", 50), p.get("poor_limit", 3)
        captured: dict[str, Any] = {}
        for finger in p.get("fingers", ["left_thumb", "right_thumb"]):
            templates: list[bytes] = []
            poor = 0
            while len(templates) < times:
                ctx.report(finger=finger, scan=len(templates) + 1, of=times, prompt="place_finger")
                scan = sensor.scan(min(2.0, max(ctx.remaining(), 0.01)))
                if not scan.ok:
                    if scan.code not in NO_FINGER:
                        return failed("flow.device_unavailable", scan)
                    if ctx.cancelled or ctx.expired():
                        return ctx.halted()
                    continue
                if scan.value.quality < gate:
                    poor += 1
                    ctx.report(finger=finger, scan=len(templates) + 1, of=times, prompt="poor_quality",
                               quality=scan.value.quality)
                    if poor > limit:
                        return failed("flow.fingerprint_poor", f"{finger}: {poor} poor scans")
                else:
                    templates.append(scan.value.template)
                    ctx.report(finger=finger, scan=len(templates), of=times, prompt="lift_finger")
                sensor.wait_lift(min(5.0, max(ctx.remaining(), 0.01)))
                if ctx.cancelled or ctx.expired():
                    return ctx.halted()
            captured[finger] = templates
        return StepResult(OK, values={"fingerprints": captured})
