"""The simulated camera on the test photos, and a frame source a test holds in its hand."""

import threading
from pathlib import Path

import numpy as np
import pytest

from drivers.camera.scenes import SceneLibrary
from drivers.errors import Failure, Ok

FACES = Path(__file__).resolve().parents[2] / "data" / "faces"
WAIT_S = 10.0  # the longest a test waits for a frame or a status (returns as soon as it comes)


@pytest.fixture(scope="session")
def library() -> SceneLibrary:
    return SceneLibrary.from_folder(FACES).value


def wait_for_state(camera, state, timeout_s=WAIT_S, code=None, detail=""):
    """Wait (on an event, not a sleep) until the camera's status is `state` (with `code` and a detail
    containing `detail`, when given)."""
    reached = threading.Event()

    def wanted(status):
        return status.state is state and (code is None or status.code == code) and detail in status.detail

    camera.tracker.subscribe(lambda caps, old, new: wanted(new) and reached.set())
    if not wanted(camera.tracker.status):
        assert reached.wait(timeout_s), f"still {camera.tracker.status} after {timeout_s} s"
    return camera.tracker.status


class HandSource:
    """A FrameSource whose reads wait until the test hands over a frame (the device end of a camera)."""

    description = "hand source"

    def __init__(self) -> None:
        self.frames: list = []
        self.ready = threading.Semaphore(0)
        self.closed = threading.Event()

    def give(self, image=None) -> None:
        self.frames.append(np.zeros((4, 4, 3), np.uint8) if image is None else image)
        self.ready.release()

    def open(self):
        return Ok(None)

    def read(self):
        while not self.ready.acquire(timeout=0.05):
            if self.closed.is_set():
                return Failure("device.disconnected", "hand source closed")
        return Ok(self.frames.pop(0))

    def close(self) -> None:
        self.closed.set()

    def interrupt(self) -> None:
        self.closed.set()
