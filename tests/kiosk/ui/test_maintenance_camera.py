"""The camera's self-test from the board: a frame taken and shown with the face check's result; an
unplugged camera fails with its code; the picture is gone once maintenance ends."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

import base64

import pytest

from drivers.face.verify import Verifier
from kiosk.camera_setup import build_camera
from kiosk.config.schema import DeviceConfig
from kiosk.flow_face import CameraFacePort
from tests.kiosk.maintenance.kiosks import make_tech_kiosk, row, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap


@pytest.fixture
def camera(tech_kiosk, qtbot):
    rig = build_camera("camera", DeviceConfig(kind="camera")).value
    rig.camera.start()
    port = CameraFacePort(rig.camera, rig.guide, Verifier(rig.analyzer))
    tech_kiosk.attach_camera(port)
    qtbot.waitUntil(lambda: rig.camera.tracker.status.state.value == "ready", timeout=10000)
    yield rig
    port.close()
    rig.stop()


def enter(kiosk, qtbot):
    assert kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(kiosk, "maintenanceScreen") is not None)


def test_a_frame_is_taken_shown_and_its_face_checked(tech_kiosk, camera, qtbot, log_lines):
    camera.simulator.set_scene("obama")
    enter(tech_kiosk, qtbot)
    assert row(tech_kiosk, "camera")["testable"] and row(tech_kiosk, "camera")["state"] == "ready"
    scroll_to(tech_kiosk, "selfTest_camera")
    tap(tech_kiosk, "selfTest_camera")
    qtbot.waitUntil(lambda: row(tech_kiosk, "camera")["test"]["state"] == "pass", timeout=20000)
    test = row(tech_kiosk, "camera")["test"]
    assert "1 face(s) found" in test["summary"]
    assert "faces: 1" in test["evidence"] and "frame: 1280x720" in test["evidence"]
    shot = tech_kiosk.maintenance.cameraShot
    assert shot.startswith("data:image/jpeg;base64,")
    assert base64.b64decode(shot.split(",", 1)[1])[:2] == b"\xff\xd8"  # a JPEG, in memory only
    qtbot.waitUntil(lambda: find(tech_kiosk, "cameraShot") is not None)
    image = find(tech_kiosk, "cameraShot")
    qtbot.waitUntil(lambda: image.property("implicitWidth") == 480)  # the picture is loaded, on the board
    assert image.isVisible()
    event = log_lines.events("maintenance.self_test")[-1]
    assert (event["device"], event["passed"]) == ("camera", True)

    tech_kiosk.maintenance.leave()
    assert tech_kiosk.maintenance.cameraShot == ""  # whoever stood there is not kept


def test_nobody_in_front_passes_and_says_how_to_test_the_face_check(tech_kiosk, camera, qtbot):
    camera.simulator.set_scene("no_face")
    enter(tech_kiosk, qtbot)
    tech_kiosk.maintenance.runSelfTest("camera")
    qtbot.waitUntil(lambda: row(tech_kiosk, "camera")["test"]["state"] == "pass", timeout=20000)
    test = row(tech_kiosk, "camera")["test"]
    assert "no face in view" in test["summary"] and "instruction: no_face" in test["evidence"]


def test_an_unplugged_camera_fails_with_its_code(tech_kiosk, camera, qtbot):
    camera.simulator.unplug()
    qtbot.waitUntil(lambda: camera.camera.tracker.status.state.value == "disconnected", timeout=10000)
    enter(tech_kiosk, qtbot)
    assert row(tech_kiosk, "camera")["tone"] == "bad"
    tech_kiosk.maintenance.runSelfTest("camera")
    qtbot.waitUntil(lambda: row(tech_kiosk, "camera")["test"]["state"] == "fail", timeout=20000)
    test = row(tech_kiosk, "camera")["test"]
    assert test["code"] == camera.camera.tracker.status.code and test["summary"].startswith("no picture")
    assert tech_kiosk.maintenance.cameraShot == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "testVerdict_camera") is not None)
    assert find(tech_kiosk, "testVerdict_camera").property("text").startswith("失败 FAIL  no picture")
