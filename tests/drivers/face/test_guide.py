"""The face guide on the simulated camera, as in a simulated run: the live preview finds the face, gives
the instruction for each scene, passes a live person's challenge, fails a printed photo, and keeps a
standard photo."""

import threading
from pathlib import Path

import pytest

from drivers.camera.capture import CaptureCamera
from drivers.camera.scenes import SceneLibrary
from drivers.camera.simulated import SimulatedSource
from drivers.face.compliance import Instruction
from drivers.face.guide import FaceGuide
from drivers.face.liveness import Challenge

FACES = Path(__file__).resolve().parents[2] / "data" / "faces"
WAIT_S = 15.0


@pytest.fixture(scope="module")
def library():
    return SceneLibrary.from_folder(FACES).value


@pytest.fixture
def running(analyzer, library):
    camera = CaptureCamera(SimulatedSource(library, noise=4, jitter_px=2))
    guide = FaceGuide(camera.latest, analyzer)
    camera.start()
    guide.start()
    yield camera, guide
    guide.stop()
    camera.stop()


def wait_guidance(guide, condition, timeout_s=WAIT_S):
    """The first guidance for which `condition` holds (waits on the guide's callback, no sleeping)."""
    found, hit = [], threading.Event()

    def seen(guidance):
        if not hit.is_set() and condition(guidance):
            found.append(guidance)
            hit.set()

    guide.subscribe(seen)
    assert hit.wait(timeout_s), f"no such guidance in {timeout_s} s; last {guide.guidance()}"
    return found[0]


@pytest.mark.parametrize(("scene", "instruction"), [
    ("no_face", Instruction.NO_FACE),
    ("two_faces", Instruction.ONE_PERSON_ONLY),
    ("too_dark", Instruction.TOO_DARK),
    ("blurred", Instruction.HOLD_STILL),
    ("face_too_far", Instruction.MOVE_CLOSER),
    ("printed_photo", Instruction.PLAIN_BACKGROUND),
])
def test_each_scene_gets_its_instruction(running, scene, instruction):
    camera, guide = running
    switched = camera.latest.get().seq if camera.latest.get() else 0
    assert camera.source.set_scene(scene).ok
    wait_guidance(guide, lambda g: g.seq > switched + 15 and g.instruction is instruction)


def test_a_live_person_blinks_and_a_standard_photo_is_kept(running):
    _, guide = running
    wait_guidance(guide, lambda g: g.compliant and len(g.boxes) == 1)
    guide.challenge(Challenge.BLINK)
    passed = wait_guidance(guide, lambda g: g.liveness is not None)
    assert passed.liveness.ok
    assert guide.best.photo().shape == (441, 358, 3)
    guide.clear()
    assert guide.best.photo() is None


def test_a_printed_photo_held_up_fails_the_challenge(running):
    camera, guide = running
    assert camera.source.set_scene("printed_photo").ok
    guide.challenge(Challenge.BLINK, timeout_s=2.0)
    failed = wait_guidance(guide, lambda g: g.liveness is not None)
    assert failed.liveness.code == "face.liveness_failed"
