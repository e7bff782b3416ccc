"""CaptureCamera: a FrameSource read on a thread of its own, frames handed over through LatestFrame.

The thread opens the source, reads frame after frame and publishes each one; the caller never waits on the
device. When a read fails (camera unplugged, USB reset) the source is closed, the status goes to
DISCONNECTED with the failure's code, and opening is retried with drivers.device.Reconnect (capped
exponential backoff with jitter) until the camera is back, then READY again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from drivers.camera.frame import Frame, LatestFrame
from drivers.camera.interface import FrameCallback, FrameSource
from drivers.device import Reconnect, StatusTracker
from drivers.errors import Failure, Ok, Result, register
from drivers.status import Capabilities, State, Status

register({
    "camera.no_frame": "The camera gave no new frame in the time given.",
})

IDLE_S = 0.05  # how long the thread rests between attempts to open a missing camera


class CaptureCamera:
    def __init__(self, source: FrameSource, *, model: str = "", port: str = "",
                 clock: Callable[[], float] = time.monotonic,
                 retry_delay: Callable[[int], float] | None = None) -> None:
        self.source = source
        self.tracker = StatusTracker(Capabilities(kind="camera", model=model, port=port or source.description))
        self.latest = LatestFrame()
        self.reconnect = Reconnect(clock, delay=retry_delay)
        self.frames = 0
        self._clock = clock
        self._callbacks: list[FrameCallback] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"camera {self.source.description}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.source.interrupt()
        if self._thread is not None:
            self._thread.join(timeout=5.0)
            self._thread = None
        self.tracker.set(Status(State.DISCONNECTED, "device.disconnected", "closed by the kiosk"))

    def subscribe(self, callback: FrameCallback) -> None:
        self._callbacks.append(callback)

    def wait_frame(self, after_seq: int, timeout_s: float) -> Result[Frame]:
        frame = self.latest.wait_newer(after_seq, timeout_s)
        if frame is None:
            return Failure("camera.no_frame", f"camera {self.source.description}: no frame within {timeout_s:g} s")
        return Ok(frame)

    def _run(self) -> None:
        opened = False
        while not self._stop.is_set():
            if not opened:
                opened = self._try_open()
                if not opened:
                    self._stop.wait(IDLE_S)
                continue
            image = self.source.read()
            if isinstance(image, Failure):
                self.source.close()
                opened = False
                self._lost(image)
                continue
            self.frames += 1
            frame = Frame(self.frames, self._clock(), image.value)
            self.latest.put(frame)
            for callback in list(self._callbacks):
                callback(frame)
        if opened:
            self.source.close()

    def _try_open(self) -> bool:
        if not self.reconnect.due():
            return False
        result = self.source.open()
        if isinstance(result, Failure):
            self._lost(result)
            return False
        self.reconnect.succeeded()
        self.tracker.set(Status.ready())
        return True

    def _lost(self, failure: Failure) -> None:
        self.reconnect.failed()
        self.tracker.set(Status(State.DISCONNECTED, failure.code, failure.detail))
