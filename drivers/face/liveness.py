"""Liveness by challenge: the citizen is asked to blink, or to turn the head and look back, while the preview
runs. A printed photo (or a phone screen showing one) held up to the camera does neither, so the challenge
runs out of time: Failure face.liveness_failed.

Fed one Observation per analysed frame (the frame's time, and the eye aspect ratio and yaw of the one face
in it), a LivenessCheck goes through:

    blink       open eyes seen on BASELINE_FRAMES frames (their median is the citizen's own open-eye ratio)
                -> the ratio falls below CLOSED_RATIO x that -> it comes back above OPEN_RATIO x that
    turn_head   facing the camera (|yaw| <= STRAIGHT_YAW) on BASELINE_FRAMES frames -> |yaw| >= TURNED_YAW
                -> facing the camera again

Relative limits, because eyes differ (the test photos' open eyes measure 0.20 to 0.36; synthesised blinks
lower that by 40-60 %, a real blink by more) and a still photo with camera noise and shake moves the ratio by
a few per cent only. A frame without exactly one face starts the challenge again (someone swapping a photo
for a face); the deadline does not move.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from enum import StrEnum

from drivers.errors import Failure, Ok, Result
from drivers.face import errors as _errors  # noqa: F401  (registers the codes)
from drivers.face.detector import Face

BASELINE_FRAMES = 3
CLOSED_RATIO, OPEN_RATIO = 0.75, 0.9
STRAIGHT_YAW, TURNED_YAW = 0.12, 0.3
TIMEOUT_S = 8.0


class Challenge(StrEnum):
    BLINK = "blink"
    TURN_HEAD = "turn_head"


@dataclass(frozen=True)
class Observation:
    t: float
    ear: float | None = None  # None: no single face in the frame
    yaw: float | None = None

    @classmethod
    def of(cls, t: float, faces: list[Face]) -> Observation:
        if len(faces) != 1:
            return cls(t)
        return cls(t, faces[0].landmarks.eye_aspect_ratio(), faces[0].landmarks.yaw())


class LivenessCheck:
    def __init__(self, challenge: Challenge, *, timeout_s: float = TIMEOUT_S) -> None:
        self.challenge = challenge
        self.timeout_s = timeout_s
        self._deadline: float | None = None
        self._baseline: list[float] = []
        self._away = False
        self.result: Result[Challenge] | None = None

    def feed(self, seen: Observation) -> Result[Challenge] | None:
        """None while the challenge is open; then Ok(challenge) or Failure face.liveness_failed, for good."""
        if self.result is not None:
            return self.result
        if self._deadline is None:
            self._deadline = seen.t + self.timeout_s
        if seen.t >= self._deadline:
            self.result = Failure("face.liveness_failed",
                                  f"no {self.challenge.value.replace('_', ' ')} within {self.timeout_s:g} s")
        elif seen.ear is None or seen.yaw is None:
            self._baseline.clear()
            self._away = False
        elif self._step(seen.ear, seen.yaw):
            self.result = Ok(self.challenge)
        return self.result

    def _step(self, ear: float, yaw: float) -> bool:
        if self.challenge is Challenge.BLINK:
            if len(self._baseline) < BASELINE_FRAMES:
                self._baseline.append(ear)
                return False
            open_ear = statistics.median(self._baseline[-9:])
            if not self._away:
                if ear < CLOSED_RATIO * open_ear:
                    self._away = True
                else:
                    self._baseline.append(ear)
                return False
            return ear >= OPEN_RATIO * open_ear
        straight = abs(yaw) <= STRAIGHT_YAW
        if len(self._baseline) < BASELINE_FRAMES:
            if straight:
                self._baseline.append(yaw)
            return False
        if not self._away:
            self._away = abs(yaw) >= TURNED_YAW
            return False
        return straight
