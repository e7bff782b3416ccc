"""The camera's cable is pulled: the photo and face steps get the device's error code at once instead of
waiting for a face, and the camera works again once it is plugged back in."""

import pytest

from drivers.camera.capture import CaptureCamera
from drivers.camera.scenes import SceneLibrary
from drivers.camera.simulated import SimulatedSource
from drivers.face.detector import FaceAnalyzer
from drivers.face.guide import FaceGuide
from drivers.face.verify import Verifier
from kiosk.camera_setup import scenes_dir
from kiosk.flow_face import CameraFacePort


@pytest.fixture
def port():
    analyzer = FaceAnalyzer.load().value
    library = SceneLibrary.from_folder(scenes_dir()).value
    camera = CaptureCamera(SimulatedSource(library, scene="obama", fps=20), retry_delay=lambda attempt: 0.05)
    camera.start()
    face = CameraFacePort(camera, FaceGuide(camera.latest, analyzer), Verifier(analyzer), look_s=1.0)
    yield face
    face.close()
    camera.stop()


def test_an_unplugged_camera_fails_the_photo_and_the_face_check_with_its_code(port):
    assert port.capture_photo("id_card").ok
    port.camera.source.unplug()
    shot = port.capture_photo("id_card")
    assert not shot.ok and shot.code == "device.disconnected"
    check = port.verify((scenes_dir() / "obama2.jpg").read_bytes())
    assert not check.ok and check.code == "device.disconnected"


def test_plugged_back_in_the_camera_guides_again(port):
    port.camera.source.unplug()
    assert port.capture_photo("id_card").code == "device.disconnected"
    port.camera.source.replug()
    for _ in range(100):  # each look waits up to look_s for the camera to come back and the guide to see it
        shot = port.capture_photo("id_card")
        if shot.ok:
            break
    assert shot.ok and shot.value.instruction in ("hold_still", None)
