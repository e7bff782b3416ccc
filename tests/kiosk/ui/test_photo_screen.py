"""The photo step on the real screens with the simulated camera and the real face pipeline: the citizen sees
themselves live, is told what to change, and once the photo is taken the live picture is gone."""

import threading

import pytest

from drivers.face.verify import Verifier
from kiosk.camera_setup import build_camera
from kiosk.config.schema import DeviceConfig
from kiosk.flow_face import CameraFacePort
from kiosk.flow_setup import FlowRuntime
from kiosk.store import Store
from tests.kiosk.ui.helpers import find, visible_texts


@pytest.fixture
def filming(kiosk, tmp_path):
    rig = build_camera("camera", DeviceConfig(kind="camera")).value
    rig.camera.start()
    port = CameraFacePort(rig.camera, rig.guide, Verifier(rig.analyzer))
    store = Store.open(tmp_path / "store")
    kiosk.attach_flows(FlowRuntime.create(store, face=port))
    kiosk.attach_camera(port)
    kiosk.shell.setNetwork(True, 0)
    kiosk.shell.start()
    yield kiosk, rig
    kiosk.shell.endSession("shutdown")
    kiosk.flow.wait_idle()
    port.close()
    rig.stop()
    store.close()


def test_the_photo_step_shows_the_citizen_live_with_the_instruction_then_takes_the_photo(filming, qtbot):
    kiosk, rig = filming
    rig.simulator.set_scene("face_too_far")
    kiosk.shell.openService("id_photo")
    qtbot.waitUntil(lambda: find(kiosk, "cameraPreview") is not None)
    qtbot.waitUntil(lambda: kiosk.camera_preview.frame > 0)
    picture = find(kiosk, "cameraPicture")
    assert picture.property("source").toString().startswith("image://camera/")
    qtbot.waitUntil(lambda: "请再靠近一点" in visible_texts(kiosk), timeout=15000)  # "move a little closer"

    rig.simulator.set_scene("obama")  # the citizen steps up
    qtbot.waitUntil(lambda: kiosk.flow.stepId == "review", timeout=20000)
    qtbot.waitUntil(lambda: find(kiosk, "cameraPreview") is None)
    assert not kiosk.camera_preview.active  # off screen: no more pictures of the citizen


def test_when_the_session_ends_the_face_guide_stops_and_forgets_the_citizen_at_once(filming, qtbot):
    kiosk, rig = filming
    rig.simulator.set_scene("obama")
    kiosk.shell.openService("id_photo")
    qtbot.waitUntil(lambda: rig.guide.guidance() is not None, timeout=15000)  # the guide is watching the citizen

    def guide_running():
        return any(t.name == "face guide" for t in threading.enumerate())

    assert guide_running()
    kiosk.shell.endSession("timeout")  # the citizen walked away
    # At once, not after the port's 15 s idle time: no analysis of whoever stands there next, nothing kept.
    qtbot.waitUntil(lambda: not guide_running() and rig.guide.guidance() is None, timeout=3000)
    assert rig.guide.best.photo() is None  # the best frame of the citizen is gone too
