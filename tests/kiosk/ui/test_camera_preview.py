"""The camera's live picture: the newest frame reaches the screen with the face box and oval drawn over it,
the screen never waits for the camera (stalled or busy), and the citizen's picture is dropped when the screen
no longer shows it."""

import time

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor

from drivers.camera.capture import CaptureCamera
from drivers.camera.frame import Frame, LatestFrame
from drivers.camera.scenes import SceneLibrary
from drivers.camera.simulated import SimulatedSource
from drivers.face.guide import Guidance
from kiosk.camera_setup import scenes_dir
from kiosk.ui.camera_preview import GOOD, NOT_YET, CameraPreview
from tests.drivers.camera.conftest import HandSource

BGR = {"red": (0, 0, 255), "blue": (255, 0, 0)}


def solid(seq, colour):
    image = np.empty((720, 1280, 3), np.uint8)
    image[:] = BGR[colour]
    return Frame(seq, float(seq), image)


def pixel(preview, x, y) -> QColor:
    return preview.provider.requestImage("1", None, None).pixelColor(x, y)


def close_to(colour: QColor, expected: QColor, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3], strict=True))


@pytest.fixture
def preview(qtbot):
    frames = LatestFrame()
    guidance = {"now": None}
    made = CameraPreview(frames, lambda: guidance["now"], width=640)
    made.frames, made.guidance = frames, guidance
    yield made
    made.release()


def test_each_new_frame_reaches_the_picture_through_the_image_provider(preview, qtbot):
    preview.frames.put(solid(1, "red"))
    preview.acquire()
    qtbot.waitUntil(lambda: preview.frame == 1)
    image = preview.provider.requestImage("1", None, None)
    assert (image.width(), image.height()) == (640, 360)
    assert close_to(pixel(preview, 320, 160), QColor("red"))  # inside the oval: the frame as it is
    preview.frames.put(solid(2, "blue"))
    qtbot.waitUntil(lambda: preview.frame == 2)
    assert close_to(pixel(preview, 320, 160), QColor("blue"))


def test_the_face_box_is_green_once_the_photo_can_be_taken_and_amber_before(preview, qtbot):
    box = (560, 150, 720, 310)  # frame pixels; mirrored on screen: x 280..360 at half size
    preview.guidance["now"] = Guidance(1, 1.0, (box,), "move_closer", False)
    preview.frames.put(solid(1, "blue"))
    preview.acquire()
    qtbot.waitUntil(lambda: preview.frame == 1)
    assert close_to(pixel(preview, 320, 75), NOT_YET)  # the box's top edge, at half scale
    preview.guidance["now"] = Guidance(2, 2.0, (box,), None, True)
    preview.frames.put(solid(2, "blue"))
    qtbot.waitUntil(lambda: preview.frame == 2)
    assert close_to(pixel(preview, 320, 75), GOOD)


def test_a_stalled_camera_never_holds_up_the_screen(qtbot):
    source = HandSource()  # a camera whose every read hangs until a frame is handed over
    camera = CaptureCamera(source)
    camera.start()
    preview = CameraPreview(camera.latest, interval_ms=10)
    beats = []
    heart = QTimer()
    heart.timeout.connect(lambda: beats.append(time.monotonic()))
    heart.start(5)
    try:
        preview.acquire()
        qtbot.waitUntil(lambda: len(beats) >= 50)  # the event loop runs on while the camera gives nothing
        assert preview.frame == 0
        source.give(solid(1, "red").image)
        qtbot.waitUntil(lambda: preview.frame == 1)
    finally:
        heart.stop()
        preview.release()
        camera.stop()


def test_the_live_camera_is_shown_while_the_screen_stays_responsive(qtbot):
    library = SceneLibrary.from_folder(scenes_dir(), find_faces=False).value
    camera = CaptureCamera(SimulatedSource(library, scene="obama", fps=30, noise=3))
    camera.start()
    preview = CameraPreview(camera.latest)
    beats = []
    heart = QTimer()
    heart.timeout.connect(lambda: beats.append(time.monotonic()))
    heart.start(10)
    try:
        preview.acquire()
        qtbot.waitUntil(lambda: preview.frame >= 15, timeout=10000)
        gaps = np.diff(beats)
        assert gaps.max() < 0.25, f"the screen stalled for {gaps.max():.3f} s"
    finally:
        heart.stop()
        preview.release()
        camera.stop()


def test_off_screen_the_timer_stops_and_the_citizens_picture_is_dropped(preview, qtbot):
    preview.frames.put(solid(1, "red"))
    preview.acquire()
    preview.acquire()  # the screen being replaced and its successor both show it for a moment
    qtbot.waitUntil(lambda: preview.frame == 1)
    preview.release()
    assert preview.active
    preview.release()
    assert not preview.active
    assert not close_to(pixel(preview, 320, 160), QColor("red"))
