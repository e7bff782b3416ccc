"""CameraFacePort: the flows' FacePort over the running camera, the face guide and the verifier.

The photo_capture and face_verify steps call it in a loop on their action's worker thread, so everything
costly here (decoding and enrolling the reference photo, the 128-D descriptor of the live face) runs there;
the face guide analyses the frames on its own thread, and the Qt thread only ever copies the newest frame
for the preview (kiosk/ui/camera_preview.py).

capture_photo(purpose), one look through the camera each call:
    the guide's instruction for the newest frame ("move_closer", "too_dark" ...) until a compliant frame is
    kept; then "hold_still" for SETTLE_S while the guide keeps the best of the compliant frames; then that
    frame as the standard 358x441 JPEG (GA/T 461, 350 dpi; "id_card" and "id_photo" use the same standard).
    A call after a pause of more than SESSION_GAP_S starts a new photo: nothing of an earlier look is used.

verify(reference):
    someone in front of the camera (else Failure face.no_face / face.many_faces: the step says so and asks
    again), then a liveness challenge on the live stream (a blink: `challenge` tells the screen what to ask;
    a printed photo fails with face.liveness_failed), then the live face 1:1 against the reference photo
    (drivers/face/verify.py THRESHOLD). A reference without a face is face.reference_unusable.

dlib's HOG detector keeps scratch buffers in the object and must never run on two threads at once (it
corrupts memory): the port's verifier gets a detector of its own when it shares the guide's. The shape
predictor is safe to share; the descriptor network runs on the worker thread only.

A camera that gives no frame, or is disconnected, is its status's code (device.disconnected ...). The guide
runs only while face steps use the port: after IDLE_S without a call, or as soon as the session ends (rest()),
it is stopped and everything it held (the best frame, the tracked face, the enrolled reference) is forgotten.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import replace

from drivers.camera.capture import CaptureCamera
from drivers.errors import Failure, Ok, Result, register
from drivers.face import errors as _face_errors  # noqa: F401  (registers the face.* codes)
from drivers.face import idphoto
from drivers.face.compliance import MAX_YAW, Instruction
from drivers.face.detector import FaceAnalyzer
from drivers.face.guide import FaceGuide, Guidance
from drivers.face.imagefile import decode_image
from drivers.face.liveness import TIMEOUT_S as LIVENESS_TIMEOUT_S
from drivers.face.liveness import Challenge
from drivers.face.verify import Reference, Verifier
from drivers.status import State
from flows.ports import FaceCheck, PhotoShot
from kiosk.memory import release_free_memory

register({
    "face.reference_unusable": "The reference photo to compare with cannot be used (not an image, or no face).",
})

SETTLE_S = 1.0        # compliant for this long: the best frame of that time becomes the photo
SESSION_GAP_S = 3.0   # the steps ask every 0.2 s; a longer pause means a new photo
LOOK_S = 1.5          # how long one call waits for the guide's view of a new frame
IDLE_S = 15.0         # the guide stops this long after the last call
WATCH_S = 1.0


def own_detector(analyzer: FaceAnalyzer) -> FaceAnalyzer:
    """The same models with a HOG face detector of its own, for a second thread."""
    import dlib

    models = replace(analyzer.models, detector=dlib.get_frontal_face_detector())
    return FaceAnalyzer(models, detect_width=analyzer.detect_width)


class CameraFacePort:
    def __init__(self, camera: CaptureCamera, guide: FaceGuide, verifier: Verifier, *,
                 challenge: Challenge = Challenge.BLINK, liveness_timeout_s: float = LIVENESS_TIMEOUT_S,
                 settle_s: float = SETTLE_S, look_s: float = LOOK_S, idle_s: float = IDLE_S,
                 owns_camera: bool = False, clock: Callable[[], float] = time.monotonic) -> None:
        if verifier.analyzer.models.detector is guide.tracker.analyzer.models.detector:
            verifier = Verifier(own_detector(verifier.analyzer), verifier.threshold)
        self.camera, self.guide, self.verifier = camera, guide, verifier
        self.owns_camera = owns_camera  # start the camera on use and stop it when idle, too
        self.liveness_timeout_s = liveness_timeout_s
        self.settle_s, self.look_s, self.idle_s = settle_s, look_s, idle_s
        self._challenge = challenge
        self._clock = clock
        self._mutex = threading.Lock()
        self._seen = threading.Condition(threading.Lock())  # notified after each frame the guide analysed
        self._open_challenge: Challenge | None = None
        self._verifying = False
        self._calls = 0
        self._parked = True
        self._last_call = float("-inf")
        self._last_capture = float("-inf")
        self._compliant_since: float | None = None
        self._last_instruction: str | None = None
        self._reference: tuple[bytes, Reference] | None = None  # (sha-256 of the photo, its descriptor)
        self._closed = threading.Event()
        self._nudge = threading.Event()  # wakes the idle watch before its next look (rest, close)
        self._resting = False  # the session ended: park as soon as no call runs
        guide.subscribe(self._analysed)
        self._watch = threading.Thread(target=self._idle_watch, name="face port idle", daemon=True)
        self._watch.start()

    # ---- what the screen reads ---------------------------------------------------------------------

    @property
    def verifying(self) -> bool:
        """True while the last call was a face check (a face box is then fine as soon as there is one face),
        False while taking a photo (fine once the photo can be taken)."""
        return self._verifying

    @property
    def challenge(self) -> str | None:
        """The liveness challenge the citizen is asked to do right now ("blink"), None while there is none."""
        open_challenge = self._open_challenge
        return open_challenge.value if open_challenge is not None else None

    # ---- FacePort ----------------------------------------------------------------------------------

    def capture_photo(self, purpose: str) -> Result[PhotoShot]:
        now = self._use()
        self._verifying = False
        try:
            return self._capture(now)
        finally:
            self._done()

    def verify(self, reference: bytes) -> Result[FaceCheck]:
        self._use()
        self._verifying = True
        try:
            return self._verify(reference)
        finally:
            self._done()

    def wake(self) -> None:
        """A screen shows the camera: start what the face step will need now, so the picture and the face box
        are there before its first look. Called on the Qt thread, so it never waits: when the idle watch is
        busy stopping the guide, the step's first call starts it instead."""
        if not self._mutex.acquire(blocking=False):
            return
        try:
            self._last_call = self._clock()
            self._unpark()
        finally:
            self._mutex.release()

    @property
    def parked(self) -> bool:
        """The guide is stopped (and the camera, if the port owns it) and holds no face data."""
        return self._parked

    def rest(self) -> None:
        """The session ended: stop the guide (and the camera, if the port owns it) and forget the citizen's
        face, the last frame and the enrolled reference now, not IDLE_S later. Called on the Qt thread, so it
        never waits: the idle watch does the stopping, at once unless a call is still running."""
        self._resting = True
        self._nudge.set()

    def close(self) -> None:
        """Stop the idle watch and the guide (at shutdown); the camera is its owner's to stop."""
        self._closed.set()
        self._nudge.set()
        self._watch.join(timeout=5.0)
        with self._mutex:
            self._park()

    # ---- inside ------------------------------------------------------------------------------------

    def _capture(self, now: float) -> Result[PhotoShot]:
        with self._mutex:
            fresh = now - self._last_capture > SESSION_GAP_S
            self._last_capture = now
        if fresh:
            self.guide.clear()
            self._compliant_since, self._last_instruction = None, None
        guidance = self._next_guidance(lambda g: True, self.look_s)
        if isinstance(guidance, Failure):
            return guidance
        if guidance is None:  # the guide is behind: say again what it said last
            return Ok(PhotoShot(None, self._last_instruction))
        self._last_instruction = guidance.instruction.value if guidance.instruction else None
        if guidance.compliant and self._compliant_since is None:
            self._compliant_since = now
        if self._compliant_since is None:
            return Ok(PhotoShot(None, self._last_instruction))
        if now - self._compliant_since < self.settle_s:
            return Ok(PhotoShot(None, Instruction.HOLD_STILL.value))
        photo = self.guide.best.photo()
        if photo is None:  # cleared meanwhile (a session ended): look again
            self._compliant_since = None
            return Ok(PhotoShot(None, Instruction.HOLD_STILL.value))
        self.guide.best.clear()
        with self._mutex:
            self._last_capture = float("-inf")  # the next call is a new photo (a retake)
        self._compliant_since = None
        return Ok(PhotoShot(idphoto.encode(photo)))

    def _verify(self, reference: bytes) -> Result[FaceCheck]:
        enrolled = self._enrolled(reference)
        if isinstance(enrolled, Failure):
            return enrolled
        # past the tracker's next detection: a face that has just left is no longer followed
        present = self._next_guidance(lambda g: True, self.look_s, skip=self.guide.tracker.detect_every)
        if isinstance(present, Failure):
            return present
        if present is None or not present.boxes:
            return Failure("face.no_face", "nobody in front of the camera")
        if len(present.boxes) > 1:
            return Failure("face.many_faces", f"{len(present.boxes)} faces in front of the camera")
        live = self._liveness()
        if isinstance(live, Failure):
            return live
        return self._compare(enrolled.value)

    def _use(self) -> float:
        """A call begins: the guide runs (again) and the idle watch leaves it alone until the call ends."""
        now = self._clock()
        with self._mutex:
            self._calls += 1
            self._last_call = now
            self._unpark()
        return now

    def _unpark(self) -> None:
        self._resting = False
        if self._parked:
            self._parked = False
            if self.owns_camera:
                self.camera.start()
            self.guide.start()

    def _done(self) -> None:
        with self._mutex:
            self._calls -= 1
            self._last_call = self._clock()
            if self._resting:  # the session ended while this call ran
                self._nudge.set()

    def _analysed(self, _guidance: Guidance) -> None:  # on the guide's thread
        with self._seen:
            self._seen.notify_all()

    def _camera_failure(self, after: int) -> Failure | None:
        """Why no new guidance came: the camera's status when it is gone or gives no frames; None when
        frames came after `after` and only the guide is behind (a busy machine)."""
        status = self.camera.tracker.status
        if status.state is State.DISCONNECTED:
            return Failure(status.code or "device.disconnected", status.detail or "camera disconnected")
        newest = self.camera.latest.get()
        if newest is None or newest.seq <= after:
            return Failure("camera.no_frame", f"the camera gave no frame within {self.look_s:g} s")
        return None

    def _next_guidance(self, wanted: Callable[[Guidance], bool], timeout_s: float, *,
                       skip: int = 0) -> Guidance | Failure | None:
        """The guide's view of a frame taken after this call began (and `skip` frames more), for which `wanted`
        holds; a Failure when the camera is gone; None when the guide has not caught up within `timeout_s`."""
        newest = self.camera.latest.get()
        after = newest.seq if newest is not None else 0
        found: list[Guidance] = []

        def ready() -> bool:
            g = self.guide.guidance()
            if g is not None and g.seq > after + skip and wanted(g):
                found.append(g)
                return True
            return False

        with self._seen:
            self._seen.wait_for(ready, timeout_s)
        return found[0] if found else self._camera_failure(after)

    def _enrolled(self, reference: bytes) -> Result[Reference]:
        digest = hashlib.sha256(reference).digest()
        with self._mutex:
            kept = self._reference
        if kept is not None and kept[0] == digest:
            return Ok(kept[1])
        image = decode_image(reference, "the reference photo")
        if isinstance(image, Failure):
            return Failure("face.reference_unusable", image.detail)
        enrolled = self.verifier.enrol(image.value)
        if isinstance(enrolled, Failure):
            return Failure("face.reference_unusable", enrolled.detail)
        with self._mutex:
            self._reference = (digest, enrolled.value)
        return enrolled

    def _liveness(self) -> Result[Challenge]:
        self.guide.challenge(self._challenge, timeout_s=self.liveness_timeout_s)
        self._open_challenge = self._challenge
        try:
            # frames from now on were analysed with this challenge (see FaceGuide._run)
            outcome = self._next_guidance(lambda g: g.liveness is not None, self.liveness_timeout_s + self.look_s)
        finally:
            self._open_challenge = None
        if outcome is None:
            return Failure("face.liveness_failed", "the face guide gave no outcome of the challenge")
        if isinstance(outcome, Failure):
            return outcome
        return outcome.liveness  # type: ignore[return-value]

    def _compare(self, reference: Reference) -> Result[FaceCheck]:
        """The first frontal single face after the challenge, against the reference."""
        deadline = self._clock() + self.look_s
        seq = 0
        while self._clock() < deadline:
            frame = self.camera.wait_frame(seq, max(deadline - self._clock(), 0.01))
            if isinstance(frame, Failure):
                return self._camera_failure(seq) or frame
            seq = frame.value.seq
            faces = self.verifier.analyzer.detect(frame.value.image)
            if len(faces) == 1 and abs(faces[0].landmarks.yaw()) <= MAX_YAW:
                checked = self.verifier.verify(reference, frame.value.image, faces[0])
                if isinstance(checked, Failure):
                    return checked
                v = checked.value
                self.guide.clear()  # the challenge's outcome is spent
                return Ok(FaceCheck(same_person=v.match, live=True, distance=round(v.distance, 4)))
        return Failure("face.no_face", "no frontal face after the challenge")

    def _idle_watch(self) -> None:
        while not self._closed.is_set():
            self._nudge.wait(WATCH_S)
            self._nudge.clear()
            if self._closed.is_set():
                return
            with self._mutex:
                idle = self._resting or self._clock() - self._last_call > self.idle_s
                if not self._parked and not self._calls and idle:
                    self._park()

    def _park(self) -> None:
        """Stop the guide and forget the session's face data (best frame, tracked face, reference).
        Called with the mutex held and no call running."""
        self.guide.stop()
        if self.owns_camera:
            self.camera.stop()
            self.camera.latest.clear()  # the last frame shows the citizen
        self.guide.clear()
        self.guide.tracker.reset()
        self._reference = None
        self._last_capture = float("-inf")
        self._compliant_since, self._last_instruction = None, None
        # The camera's frames and the guide's buffers were just freed: give them back now (the shell's release
        # after the session may have come before this park), some milliseconds on this thread.
        release_free_memory()
        self._parked = True
