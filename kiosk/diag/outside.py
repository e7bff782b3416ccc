"""Devices the device manager does not drive, as the diagnostics report sees them: their status and their
self-test. Today the camera: it runs on its own capture thread for the face pipeline (kiosk/camera_setup.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.diag.camera_test import CameraShot, test_camera
from kiosk.diag.selftests import SelfTest


@dataclass(frozen=True)
class OutsideDevice:
    """`tracker`: the device's StatusTracker (status and capabilities); `test(options)`: its self-test."""

    tracker: Any
    test: Callable[[Mapping[str, Any]], SelfTest]


class CameraBench:
    """The camera's self-test with face models of its own: dlib's face detector must never run on two
    threads at once, and the face guide and the flows use theirs. The last shot stays for the board."""

    def __init__(self, camera: Any, analyzer: Any) -> None:
        self.camera, self._shared = camera, analyzer
        self._analyzer: Any = None
        self._lock = threading.Lock()
        self.last_shot: CameraShot | None = None

    def test(self, options: Mapping[str, Any] | None = None) -> SelfTest:
        with self._lock:  # one test at a time on this detector
            if self._analyzer is None:
                from kiosk.flow_face import own_detector

                self._analyzer = own_detector(self._shared)
            shot = test_camera(self.camera, self._analyzer, options)
        self.last_shot = shot
        return shot.test

    def device(self) -> OutsideDevice:
        return OutsideDevice(self.camera.tracker, self.test)
