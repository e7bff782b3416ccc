"""A captured frame, and the one-place slot through which the capture thread hands frames over.

The capture thread makes a new array for every frame and never touches it again, so a consumer may read a
Frame without copying it and without holding any lock. Taking the latest frame from LatestFrame costs one
lock held for a pointer swap: the Qt GUI thread never waits for the camera. Consumers that must see every
new frame (face tracking) wait on `wait_newer`, which sleeps on a condition, never polls.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Frame:
    seq: int                 # 1, 2, 3 ... per camera since it was started
    t: float                 # the camera's clock when captured (seconds)
    image: np.ndarray = field(repr=False)  # BGR uint8 rows x cols x 3; read-only by convention (a face photo)

    @property
    def size(self) -> tuple[int, int]:
        return self.image.shape[1], self.image.shape[0]


class LatestFrame:
    def __init__(self) -> None:
        self._frame: Frame | None = None
        self._changed = threading.Condition(threading.Lock())

    def put(self, frame: Frame) -> None:
        with self._changed:
            self._frame = frame
            self._changed.notify_all()

    def get(self) -> Frame | None:
        """The newest frame, at once (None before the first)."""
        with self._changed:
            return self._frame

    def wait_newer(self, seq: int, timeout_s: float) -> Frame | None:
        """The newest frame once it is newer than `seq`; None when none came within `timeout_s`."""
        with self._changed:
            self._changed.wait_for(lambda: self._frame is not None and self._frame.seq > seq, timeout_s)
            frame = self._frame
        return frame if frame is not None and frame.seq > seq else None

    def clear(self) -> None:
        with self._changed:
            self._frame = None
