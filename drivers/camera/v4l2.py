"""A V4L2 camera (USB UVC cameras on Linux) read through OpenCV's V4L2 back end.

The device, resolution and frame rate come from the kiosk's configuration. Cameras choose for themselves
what they can do: the values asked for are set, the ones the camera took are read back (`actual`). MJPG is
asked for because at 1280x720 most USB 2 cameras give 30 frames/s only compressed. OpenCV's buffer is kept
at one frame so a slow reader gets the newest picture, not an old one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.capture import CaptureCamera
from drivers.errors import Failure, Ok, Result

READ_TIMEOUT_MS = 2000  # a camera that gives nothing this long is treated as gone


class V4L2Source:
    def __init__(self, device: str, *, width: int = 1280, height: int = 720, fps: float = 30.0,
                 fourcc: str = "MJPG") -> None:
        self.device, self.width, self.height, self.fps, self.fourcc = device, width, height, fps, fourcc
        self.description = f"{device} {width}x{height} at {fps:g} fps"
        self.actual: tuple[int, int, float] | None = None
        self._capture: cv2.VideoCapture | None = None

    def open(self) -> Result[None]:
        if not Path(self.device).exists():
            return Failure("device.port_missing", f"camera {self.device}: no such device")
        capture = cv2.VideoCapture(_index_or_path(self.device), cv2.CAP_V4L2)
        if not capture.isOpened():
            capture.release()
            return Failure("device.disconnected", f"camera {self.device}: cannot be opened as a V4L2 camera")
        capture.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*self.fourcc))
        capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        capture.set(cv2.CAP_PROP_FPS, self.fps)
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        if hasattr(cv2, "CAP_PROP_READ_TIMEOUT_MSEC"):
            capture.set(cv2.CAP_PROP_READ_TIMEOUT_MSEC, READ_TIMEOUT_MS)
        self.actual = (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
                       float(capture.get(cv2.CAP_PROP_FPS)))
        self._capture = capture
        return Ok(None)

    def read(self) -> Result[np.ndarray]:
        if self._capture is None:
            return Failure("device.disconnected", f"camera {self.device}: not open")
        ok, image = self._capture.read()
        if not ok or image is None:
            return Failure("device.disconnected", f"camera {self.device}: no frame (unplugged or stalled)")
        return Ok(image)

    def interrupt(self) -> None:
        """Nothing to do: a read ends within a frame interval, or READ_TIMEOUT_MS."""

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


def _index_or_path(device: str) -> int | str:
    """/dev/video2 (or a stable by-id / by-path link to it) as the index 2, which every OpenCV build's V4L2
    back end opens; any other name as it is."""
    match = re.fullmatch(r"/dev/video(\d+)", os.path.realpath(device))
    return int(match.group(1)) if match else device


def v4l2_camera(device: str, *, width: int = 1280, height: int = 720, fps: float = 30.0, **options) -> CaptureCamera:
    """The camera the config names: `[devices.camera] driver = "v4l2", port = "/dev/video0"`."""
    source = V4L2Source(device, width=width, height=height, fps=fps)
    return CaptureCamera(source, model="V4L2 camera", port=device, **options)
