"""The flows' face port on the simulated camera and the real face pipeline: what the photo and face steps get
back for each person (or thing) in front of the camera, as the citizen would meet it on screen."""

import pytest

from drivers.camera.capture import CaptureCamera
from drivers.camera.scenes import SceneLibrary
from drivers.camera.simulated import SimulatedSource
from drivers.face import idphoto
from drivers.face.detector import FaceAnalyzer
from drivers.face.guide import FaceGuide
from drivers.face.imagefile import decode_image, jpeg_dpi
from drivers.face.verify import Verifier
from kiosk.camera_setup import scenes_dir
from kiosk.flow_face import CameraFacePort

LOOKS = 200  # each look waits for the guide's next frame (20 frames/s): about ten seconds
REFERENCE = (scenes_dir() / "obama2.jpg").read_bytes()  # another photo of the person of scene "obama"


@pytest.fixture(scope="module")
def analyzer():
    loaded = FaceAnalyzer.load()
    assert loaded.ok, loaded
    return loaded.value


@pytest.fixture(scope="module")
def library():
    return SceneLibrary.from_folder(scenes_dir()).value


@pytest.fixture
def port(analyzer, library):
    camera = CaptureCamera(SimulatedSource(library, scene="no_face", fps=20, noise=3, jitter_px=1))
    camera.start()
    face = CameraFacePort(camera, FaceGuide(camera.latest, analyzer), Verifier(analyzer), liveness_timeout_s=6.0)
    yield face
    face.close()
    camera.stop()


def film(port, scene):
    assert port.camera.source.set_scene(scene).ok


def looks(port, until, purpose="id_card"):
    """capture_photo called again and again as the photo step does, until `until(result)`; every result."""
    seen = []
    for _ in range(LOOKS):
        shot = port.capture_photo(purpose)
        seen.append(shot)
        if until(shot):
            return seen
    raise AssertionError(f"not reached in {LOOKS} looks; last {seen[-1]}")


def test_a_citizen_standing_right_gets_a_standard_photo(port):
    film(port, "obama")
    seen = looks(port, lambda shot: shot.ok and shot.value.photo is not None, purpose="id_photo")
    assert seen[-2].value.instruction == "hold_still"  # told to hold still while the best frame is chosen
    photo = seen[-1].value.photo
    image = decode_image(photo).value
    assert image.shape[:2] == (idphoto.HEIGHT, idphoto.WIDTH) and jpeg_dpi(photo) == (350, 350)


@pytest.mark.parametrize(("scene", "instruction"), [("face_too_far", "move_closer"), ("too_dark", "too_dark"),
                                                    ("no_face", "no_face"), ("two_faces", "one_person_only")])
def test_the_photo_step_gets_the_instruction_for_what_the_camera_sees(port, scene, instruction):
    film(port, scene)
    seen = looks(port, lambda shot: shot.ok and shot.value.instruction == instruction)
    assert all(s.ok and s.value.photo is None for s in seen)


def test_the_citizen_who_moves_closer_then_gets_the_photo(port):
    film(port, "face_too_far")
    looks(port, lambda shot: shot.value.instruction == "move_closer")
    film(port, "obama")
    assert looks(port, lambda shot: shot.value.photo is not None)[-1].value.photo.startswith(b"\xff\xd8")


def test_the_same_person_blinks_and_is_verified(port):
    film(port, "obama")
    check = port.verify(REFERENCE)
    assert check.ok, check
    assert check.value.live and check.value.same_person and check.value.distance < 0.55
    assert port.challenge is None  # the screen no longer asks to blink


def test_a_different_person_is_live_but_not_the_same_person(port):
    film(port, "biden")
    check = port.verify(REFERENCE)
    assert check.ok, check
    assert check.value.live and not check.value.same_person and check.value.distance > 0.55


def test_a_printed_photo_held_up_fails_liveness_while_the_screen_asks_to_blink(port):
    film(port, "printed_photo")
    asked = set()
    port.guide.subscribe(lambda _guidance: asked.add(port.challenge))  # what the screen reads, frame by frame
    check = port.verify(REFERENCE)
    assert not check.ok and check.code == "face.liveness_failed"
    assert "blink" in asked and port.challenge is None


def test_nobody_in_front_of_the_camera_is_told_not_failed(port):
    film(port, "no_face")
    check = port.verify(REFERENCE)
    assert not check.ok and check.code == "face.no_face"  # the step shows it and looks again


def test_a_reference_without_a_face_cannot_be_compared(port):
    film(port, "obama")
    check = port.verify(b"\xff\xd8not-a-photo\xff\xd9")
    assert not check.ok and check.code == "face.reference_unusable"
