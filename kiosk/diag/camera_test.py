"""The camera's self-test: take a frame, look for faces in it and run the ID-photo check on it.

The camera runs on its own capture thread (drivers/camera/capture.py), outside the device manager, so this
test is given the camera and the face models instead of a driver on a device thread. It passes when the
camera gives a fresh frame; what the face check makes of that frame (faces found, compliant or the first
reason why not) is the evidence, since nobody may be standing in front of the camera at all.

The frame itself is a photo of whoever stands there: it goes back to the caller in memory (the board shows
it while the technician is in maintenance mode), never into the report, the log or a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

from drivers.face import compliance
from drivers.status import State
from kiosk.diag.selftests import SelfTest

FRAME_WAIT_S = 3.0
PREVIEW_WIDTH = 480


@dataclass(frozen=True, repr=False)
class CameraShot:
    """The self-test's result and the frame it looked at (None when there was none), faces outlined."""

    test: SelfTest
    jpeg: bytes | None = None


def preview_jpeg(image: np.ndarray, boxes: list[tuple[int, int, int, int]]) -> bytes:
    """The frame scaled to PREVIEW_WIDTH wide, each face found outlined in green, as a JPEG."""
    shown = image.copy()
    for left, top, right, bottom in boxes:
        cv2.rectangle(shown, (left, top), (right, bottom), (60, 170, 40), max(2, image.shape[1] // 200))
    scale = PREVIEW_WIDTH / shown.shape[1]
    shown = cv2.resize(shown, (PREVIEW_WIDTH, round(shown.shape[0] * scale)), interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".jpg", shown, [cv2.IMWRITE_JPEG_QUALITY, 80])
    return data.tobytes() if ok else b""


def test_camera(camera: Any, analyzer: Any, options: Any = None, *, wait_s: float = FRAME_WAIT_S) -> CameraShot:
    """`camera`: a started CaptureCamera; `analyzer`: a FaceAnalyzer no other thread uses meanwhile."""
    status = camera.tracker.status
    if status.state is State.DISCONNECTED:
        return CameraShot(SelfTest(False, f"no picture: {status.detail or 'the camera is not connected'}",
                                   status.code or "device.disconnected"))
    newest = camera.latest.get()
    frame = camera.wait_frame(newest.seq if newest is not None else 0, wait_s)
    if not frame.ok:
        code = camera.tracker.status.code if camera.tracker.status.state is State.DISCONNECTED else frame.code
        return CameraShot(SelfTest(False, frame.detail, code or frame.code))
    image = frame.value.image
    faces = analyzer.detect(image)
    verdict = compliance.assess(image, faces)
    width, height = frame.value.size
    failed = [c.name for c in verdict.checks if not c.passed]
    evidence = {"frame": f"{width}x{height}", "faces": len(faces), "compliant": verdict.compliant,
                "instruction": verdict.instruction.value if verdict.instruction else None,
                "failed_checks": failed}
    if not faces:
        summary = "the camera gives pictures; no face in view (stand in front of it to test the face check)"
    elif verdict.compliant:
        summary = f"the camera gives pictures; {len(faces)} face(s) found, fit for an ID photo"
    else:
        summary = (f"the camera gives pictures; {len(faces)} face(s) found, not fit for an ID photo: "
                   f"{verdict.instruction.value if verdict.instruction else ', '.join(failed)}")
    return CameraShot(SelfTest(True, summary, evidence=evidence),
                      preview_jpeg(image, [f.box for f in faces]))
