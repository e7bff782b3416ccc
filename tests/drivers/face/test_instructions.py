"""Each way a photo can fail gives the citizen the one instruction that fixes it."""

import numpy as np
import pytest

from drivers.face import synthetic as syn
from drivers.face.compliance import Instruction, assess


def assessed(analyzer, frame):
    return assess(frame, analyzer.detect(frame))


def test_a_person_before_a_plain_wall_complies(analyzer, people):
    result = assessed(analyzer, people["obama"].frame())
    assert result.compliant, [c for c in result.checks if not c.passed]
    assert result.instruction is None


def test_nobody_in_front_of_the_camera(analyzer):
    result = assessed(analyzer, np.full((720, 1280, 3), syn.WALL, np.uint8))
    assert result.instruction is Instruction.NO_FACE
    assert [c.name for c in result.checks] == ["face_found"]


def test_two_people_in_the_frame(analyzer, people):
    frame = syn.side_by_side(people["obama"].photo, people["obama"].landmarks,
                             people["biden"].photo, people["biden"].landmarks)
    assert assessed(analyzer, frame).instruction is Instruction.ONE_PERSON_ONLY


@pytest.mark.parametrize(("change", "instruction"), [
    (syn.darken, Instruction.TOO_DARK),
    (lambda frame: syn.blur(frame, 6), Instruction.HOLD_STILL),
    (lambda frame: syn.blur(frame, 3), Instruction.HOLD_STILL),
    (lambda frame: np.clip(frame.astype(int) + 120, 0, 255).astype(np.uint8), Instruction.TOO_BRIGHT),
])
def test_light_and_focus(analyzer, people, change, instruction):
    assert assessed(analyzer, change(people["obama"].frame())).instruction is instruction


def test_blur_is_seen_through_sensor_noise(analyzer, people):
    blurred = syn.blur(people["obama"].frame(), 6)
    noisy = np.clip(blurred + np.random.default_rng(3).normal(0, 6, blurred.shape), 0, 255).astype(np.uint8)
    assert assessed(analyzer, noisy).instruction is Instruction.HOLD_STILL


def test_too_far_and_too_close(analyzer, people):
    assert assessed(analyzer, people["obama"].frame(face_width=110)).instruction is Instruction.MOVE_CLOSER
    assert assessed(analyzer, people["obama"].frame(face_width=430)).instruction is Instruction.MOVE_BACK


def test_off_to_one_side(analyzer, people):
    person = people["obama"]
    frame = syn.compose(syn.studio(person.photo, person.landmarks), person.landmarks, face_width=300,
                        centre=(200, 302), background=syn.WALL)
    assert assessed(analyzer, frame).instruction is Instruction.MOVE_TO_CENTER


def test_head_turned_or_tilted(analyzer, people):
    person = people["obama"]
    turned = syn.turn(person.frame(), person.frame_landmarks(), 30)
    assert assessed(analyzer, turned).instruction is Instruction.LOOK_STRAIGHT
    assert assessed(analyzer, people["biden"].frame()).instruction is Instruction.LOOK_STRAIGHT  # head tilted 13 deg


def test_eyes_shut(analyzer, people):
    person = people["obama"]
    shut = syn.blink(person.frame(), person.frame_landmarks())
    assert assessed(analyzer, shut).instruction is Instruction.OPEN_EYES


def test_busy_background(analyzer, people):
    result = assessed(analyzer, people["obama"].frame(studio=False))
    assert result.instruction is Instruction.PLAIN_BACKGROUND


def test_every_check_reports_json(analyzer, people):
    checks = [c.as_json() for c in assessed(analyzer, syn.darken(people["obama"].frame())).checks]
    assert {c["check"] for c in checks} >= {"head_size", "pose", "eyes_open", "exposure", "background",
                                            "sharpness"}
    dark = next(c for c in checks if c["check"] == "exposure")
    assert dark == {"check": "exposure", "passed": False, "instruction": "too_dark", "value": dark["value"]}
    assert all(c["instruction"] is None for c in checks if c["passed"])
