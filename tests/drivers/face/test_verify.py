"""1:1 verification on the test photos: the same man verifies, another man does not."""

import numpy as np

from drivers.face import synthetic as syn
from drivers.face.verify import THRESHOLD, Verifier


def test_the_same_person_on_another_photo_verifies(analyzer, people):
    result = Verifier(analyzer).verify_images(people["obama"].photo, people["obama2"].frame(studio=False))
    assert result.ok
    assert result.value.match
    assert result.value.distance < THRESHOLD - 0.1


def test_another_person_does_not_verify(analyzer, people):
    result = Verifier(analyzer).verify_images(people["obama"].photo, people["biden"].frame(studio=False))
    assert result.ok
    assert not result.value.match
    assert result.value.distance > THRESHOLD + 0.1


def test_a_reference_enrolled_once_serves_several_probes(analyzer, people):
    verifier = Verifier(analyzer)
    reference = verifier.enrol(people["obama2"].photo).value
    assert repr(reference) == "Reference()"  # a descriptor is personal data
    assert verifier.verify(reference, people["obama"].frame()).value.match
    assert not verifier.verify(reference, people["biden"].frame()).value.match


def test_a_probe_without_a_face_is_a_failure_not_a_mismatch(analyzer, people):
    empty = np.full((720, 1280, 3), syn.WALL, np.uint8)
    result = Verifier(analyzer).verify_images(people["obama"].photo, empty)
    assert result.code == "face.no_face"


def test_a_probe_with_two_people_is_refused(analyzer, people):
    two = syn.side_by_side(people["obama"].photo, people["obama"].landmarks,
                           people["biden"].photo, people["biden"].landmarks)
    result = Verifier(analyzer).verify_images(people["obama"].photo, two)
    assert result.code == "face.many_faces"
