"""`kiosk demo`'s face conditions act on the simulated camera behind the real face pipeline: the citizen stands
before the camera at the photo and face steps, someone else does for face_mismatch, a printed photo is held
up for face_not_live, the citizen comes closer when told to, and camera_broken pulls the cable."""

import pytest

from flows.fakes import SAMPLE_ID_NUMBER
from flows.pickup import record_is_genuine
from kiosk.camera_setup import scenes_dir
from kiosk.demo.citizen import SimCitizen
from kiosk.demo.world import DemoWorld


@pytest.fixture(scope="module")
def world():
    acted = []

    def act(kind, action, arguments):
        acted.append((kind, action))
        return {}

    made = DemoWorld(SimCitizen(act), act)
    yield made
    made.close()


def scene(world):
    return world.rig.simulator.snapshot()["scene"]


def test_the_registry_and_the_pickup_record_hold_a_real_photo_of_the_citizen(world):
    photo = (scenes_dir() / "obama2.jpg").read_bytes()
    platform = world.ports()["platform"]
    assert platform.registry_photo(SAMPLE_ID_NUMBER).value == photo
    record = platform.pickup_record_for(SAMPLE_ID_NUMBER)
    assert record.photo == photo
    assert record_is_genuine(record, world.fakes.public_key)  # still signed by the platform


@pytest.mark.parametrize(("conditions", "step", "expected"), [
    ([], "photo_capture", "obama"),
    ([], "face_verify", "obama"),
    (["face_mismatch"], "face_verify", "biden"),
    (["face_not_live"], "face_verify", "printed_photo"),
    (["photo_instructions"], "photo_capture", "face_too_far"),
])
def test_who_stands_before_the_camera(world, conditions, step, expected):
    world.set(conditions)
    world.citizen.step_entered(step, {})
    assert scene(world) == expected


def test_told_to_come_closer_the_citizen_steps_up(world):
    world.set(["photo_instructions"])
    world.citizen.step_entered("photo_capture", {})
    world.citizen.progress("photo_capture", {"instruction": "move_closer"})
    assert scene(world) == "obama"


def test_camera_broken_pulls_the_cable_until_the_next_conditions(world):
    world.set(["camera_broken"])
    assert not world.rig.simulator.snapshot()["plugged"]
    world.set([])
    assert world.rig.simulator.snapshot()["plugged"]


def test_the_face_check_compares_whoever_stands_there_with_the_registry_photo(world):
    reference = world.ports()["platform"].registry_photo(SAMPLE_ID_NUMBER).value
    world.set(["face_mismatch"])
    world.citizen.step_entered("face_verify", {})
    check = world.face.verify(reference)
    assert check.ok and check.value.live and not check.value.same_person
    world.set([])
    world.citizen.step_entered("face_verify", {})
    check = world.face.verify(reference)
    assert check.ok and check.value.live and check.value.same_person
