"""The capture thread delivers frames without the caller ever waiting on the device."""

import threading
import time

from drivers.camera.capture import CaptureCamera
from drivers.status import State

from .conftest import WAIT_S, HandSource, wait_for_state


def test_frames_arrive_in_order_to_the_slot_and_to_subscribers():
    source = HandSource()
    camera = CaptureCamera(source)
    seen = []
    camera.subscribe(lambda frame: seen.append(frame.seq))
    camera.start()
    wait_for_state(camera, State.READY)
    for _ in range(3):
        source.give()
    frame = camera.wait_frame(2, WAIT_S)
    assert frame.ok and frame.value.seq == 3
    assert seen == [1, 2, 3]
    camera.stop()
    assert camera.tracker.status.state is State.DISCONNECTED


def test_taking_the_latest_frame_never_waits_for_the_camera():
    source = HandSource()  # gives one frame, then the device hangs in read()
    camera = CaptureCamera(source)
    camera.start()
    source.give()
    assert camera.wait_frame(0, WAIT_S).ok
    took = []
    for _ in range(100):
        started = time.perf_counter()
        frame = camera.latest.get()
        took.append(time.perf_counter() - started)
        assert frame.seq == 1
    assert max(took) < 0.016  # well inside one 60 Hz frame of the GUI thread
    camera.stop()


def test_no_new_frame_is_a_failure_with_a_code():
    camera = CaptureCamera(HandSource())
    camera.start()
    result = camera.wait_frame(0, 0.05)
    assert result.code == "camera.no_frame"
    assert "hand source" in result.detail
    camera.stop()


def test_a_slow_subscriber_does_not_hold_the_slot():
    source = HandSource()
    camera = CaptureCamera(source)
    release = threading.Event()
    camera.subscribe(lambda frame: release.wait(WAIT_S))
    camera.start()
    source.give()
    assert camera.latest.wait_newer(0, WAIT_S).seq == 1  # published before the subscriber runs
    release.set()
    camera.stop()
