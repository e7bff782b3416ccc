"""What the kiosk sees of a camera (Camera), and what a camera captures from (FrameSource).

A Camera runs once started: frames keep arriving in `latest` until `stop()`. It reports a Status through
its tracker (READY while frames come; DISCONNECTED with device.port_missing or device.disconnected when the
camera is gone, retried with backoff until it is back). Status listeners and frame subscribers are called
on the capture thread: a Qt adapter passes them on with a queued signal.

A FrameSource is the device end: `read()` blocks for about one frame interval and returns the next picture,
or a Failure when the device is gone; the capture thread then closes it and opens it again later.
`interrupt()` may be called from any thread; a source whose reads end within a frame anyway ignores it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import numpy as np

from drivers.camera.frame import Frame, LatestFrame
from drivers.device import StatusTracker
from drivers.errors import Result

FrameCallback = Callable[[Frame], None]


class Camera(Protocol):
    tracker: StatusTracker
    latest: LatestFrame

    def start(self) -> None:
        """Start capturing on the camera's own thread (returns at once)."""

    def stop(self) -> None:
        """Stop capturing and release the device."""

    def subscribe(self, callback: FrameCallback) -> None:
        """`callback(frame)` for every frame, on the capture thread: it must return quickly."""

    def wait_frame(self, after_seq: int, timeout_s: float) -> Result[Frame]:
        """A frame newer than `after_seq`, or Failure camera.no_frame."""


class FrameSource(Protocol):
    description: str  # for statuses and logs: "/dev/video0 1280x720 at 30 fps"

    def open(self) -> Result[None]: ...

    def read(self) -> Result[np.ndarray]: ...

    def close(self) -> None: ...

    def interrupt(self) -> None:
        """Make a read in progress return soon (called from another thread when the camera stops)."""
