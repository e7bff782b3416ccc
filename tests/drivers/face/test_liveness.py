"""Liveness by challenge: a still printed photo fails; a blink, or a head turned and back, passes."""

import numpy as np

from drivers.face import synthetic as syn
from drivers.face.liveness import Challenge, LivenessCheck, Observation

FPS = 30


def run(analyzer, check, frames):
    """Feed frames at 30 frames/s of simulated time until the check decides; the outcome."""
    for i, frame in enumerate(frames):
        outcome = check.feed(Observation.of(i / FPS, analyzer.detect(frame)))
        if outcome is not None:
            return outcome
    return None


def shaky(frame, count, seed=1):
    """A hand-held printed photo: the same picture, moved a few pixels, with sensor noise, `count` times."""
    rng = np.random.default_rng(seed)
    for _ in range(count):
        dx, dy = rng.integers(-3, 4, 2)
        moved = np.roll(frame, (int(dy), int(dx)), axis=(0, 1))
        yield np.clip(moved + rng.normal(0, 5, frame.shape), 0, 255).astype(np.uint8)


def test_a_printed_photo_fails_the_blink_challenge(analyzer, people):
    check = LivenessCheck(Challenge.BLINK, timeout_s=1.0)
    outcome = run(analyzer, check, shaky(people["obama"].frame(studio=False), 40))
    assert outcome is not None and outcome.code == "face.liveness_failed"
    assert "blink" in outcome.detail


def test_a_printed_photo_fails_the_turn_challenge(analyzer, people):
    check = LivenessCheck(Challenge.TURN_HEAD, timeout_s=1.0)
    outcome = run(analyzer, check, shaky(people["biden"].frame(studio=False), 40))
    assert outcome is not None and outcome.code == "face.liveness_failed"


def test_a_blink_passes(analyzer, people):
    person = people["obama"]
    frame = person.frame()
    shut = syn.blink(frame, person.frame_landmarks())
    outcome = run(analyzer, LivenessCheck(Challenge.BLINK), [frame] * 4 + [shut] * 2 + [frame] * 2)
    assert outcome is not None and outcome.ok


def test_a_blink_passes_for_another_face_too(analyzer, people):
    person = people["biden"]
    frame = person.frame()
    shut = syn.blink(frame, person.frame_landmarks())
    outcome = run(analyzer, LivenessCheck(Challenge.BLINK), [frame] * 4 + [shut] * 2 + [frame] * 2)
    assert outcome is not None and outcome.ok


def test_turning_the_head_and_back_passes(analyzer, people):
    person = people["obama"]
    frame, marks = person.frame(), person.frame_landmarks()
    turned = [syn.turn(frame, marks, degrees) for degrees in (12, 24, 30)]
    outcome = run(analyzer, LivenessCheck(Challenge.TURN_HEAD), [frame] * 3 + turned + turned[::-1] + [frame] * 2)
    assert outcome is not None and outcome.ok


def test_turning_away_without_coming_back_is_not_enough(analyzer, people):
    person = people["obama"]
    frame, marks = person.frame(), person.frame_landmarks()
    turned = syn.turn(frame, marks, 30)
    outcome = run(analyzer, LivenessCheck(Challenge.TURN_HEAD, timeout_s=0.5), [frame] * 3 + [turned] * 20)
    assert outcome is not None and outcome.code == "face.liveness_failed"


def test_a_face_swapped_mid_challenge_starts_it_again():
    check = LivenessCheck(Challenge.BLINK, timeout_s=10)
    for t in range(3):
        assert check.feed(Observation(t, 0.3, 0.0)) is None
    assert check.feed(Observation(3, 0.1, 0.0)) is None      # eyes shut ...
    assert check.feed(Observation(4)) is None                # ... the face leaves the frame (photo swapped)
    assert check.feed(Observation(5, 0.3, 0.0)) is None      # open again: no blink counted, baseline anew
    for t in range(6, 9):
        check.feed(Observation(t, 0.3, 0.0))
    assert check.feed(Observation(9, 0.1, 0.0)) is None
    assert check.feed(Observation(10, 0.3, 0.0)).ok is False  # past the deadline: the deadline did not move


def test_the_outcome_is_final():
    check = LivenessCheck(Challenge.BLINK, timeout_s=1)
    assert check.feed(Observation(0, 0.3, 0.0)) is None
    failed = check.feed(Observation(2, 0.3, 0.0))
    assert failed.code == "face.liveness_failed"
    assert check.feed(Observation(3, 0.1, 0.0)) is failed
