"""FaceGuide: the face work behind the live preview, on a thread of its own.

It takes the camera's newest frame whenever there is one (frames that came while it was busy are skipped,
never queued), tracks the face, assesses the ID-photo checks, offers the frame to BestFrame and, while a
liveness challenge is open, feeds it. The result of each analysed frame is a Guidance, published the same
way frames are: `guidance()` returns the newest at once, so the Qt side reads it on its own timer (or on a
queued signal from `subscribe`) and draws the face box and the instruction over the preview.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from drivers.camera.frame import LatestFrame
from drivers.errors import Result
from drivers.face.best import BestFrame
from drivers.face.compliance import Instruction, assess
from drivers.face.detector import Box, FaceAnalyzer
from drivers.face.liveness import Challenge, LivenessCheck, Observation
from drivers.face.tracking import FaceTracker

WAIT_S = 0.2  # how long the thread waits for a frame before looking at its stop flag again


@dataclass(frozen=True)
class Guidance:
    seq: int                         # the frame analysed
    t: float
    boxes: tuple[Box, ...]           # faces, largest first, in frame pixels
    instruction: Instruction | None  # None: the photo can be taken
    compliant: bool
    liveness: Result[Challenge] | None = None  # None while no challenge, or while it is open


class FaceGuide:
    def __init__(self, frames: LatestFrame, analyzer: FaceAnalyzer, *, detect_every: int = 5) -> None:
        self.frames = frames
        self.tracker = FaceTracker(analyzer, detect_every=detect_every)
        self.best = BestFrame()
        self.analysed = 0
        self._latest: Guidance | None = None
        self._liveness: LivenessCheck | None = None
        self._callbacks: list[Callable[[Guidance], None]] = []
        self._mutex = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="face guide", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5.0)
            self._thread = None

    def subscribe(self, callback: Callable[[Guidance], None]) -> None:
        """`callback(guidance)` after each analysed frame, on the guide's thread."""
        self._callbacks.append(callback)

    def guidance(self) -> Guidance | None:
        with self._mutex:
            return self._latest

    def challenge(self, challenge: Challenge, *, timeout_s: float | None = None) -> None:
        """Open a liveness challenge on the frames from now on (the UI asks the citizen to do it)."""
        check = LivenessCheck(challenge) if timeout_s is None else LivenessCheck(challenge, timeout_s=timeout_s)
        with self._mutex:
            self._liveness = check

    def clear(self) -> None:
        """Forget everything of the session: best frame, liveness, tracked faces."""
        with self._mutex:
            self._liveness, self._latest = None, None
        self.best.clear()

    def _run(self) -> None:
        seq = 0
        while not self._stop.is_set():
            frame = self.frames.wait_newer(seq, WAIT_S)
            if frame is None:
                continue
            seq = frame.seq
            faces = self.tracker.update(frame.image)
            assessment = assess(frame.image, faces)
            self.best.offer(frame.image, assessment)
            with self._mutex:
                liveness = self._liveness
            outcome = liveness.feed(Observation.of(frame.t, faces)) if liveness is not None else None
            guidance = Guidance(frame.seq, frame.t, tuple(f.box for f in faces), assessment.instruction,
                                assessment.compliant, outcome)
            with self._mutex:
                self._latest = guidance
            self.analysed += 1
            for callback in list(self._callbacks):
                callback(guidance)
