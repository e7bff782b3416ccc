"""The camera a terminal's configuration names: the simulated one plays the shipped scenes, a V4L2 camera that
is not plugged in says which device is missing, and a terminal without a camera has none."""

import io
import json
import threading

import pytest

from drivers.status import State
from kiosk.camera_setup import scenes_dir, start_camera
from kiosk.config.schema import DeviceConfig
from kiosk.log import configure_logging


@pytest.fixture
def log():
    stream = io.StringIO()
    configure_logging("info", stream=stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    configure_logging("info", stream=io.StringIO())


def wait_status(camera, wanted, timeout_s=10.0):
    reached = threading.Event()
    camera.tracker.subscribe(lambda _caps, _old, new: wanted(new) and reached.set())
    if not wanted(camera.tracker.status):
        assert reached.wait(timeout_s), camera.tracker.status
    return camera.tracker.status


def test_the_simulated_camera_plays_the_shipped_scenes(log):
    rig = start_camera({"front": DeviceConfig(kind="camera", driver="sim")}).value
    try:
        wait_status(rig.camera, lambda s: s.state is State.READY)
        assert rig.camera.wait_frame(0, 5.0).value.size == (1280, 720)
        assert {"obama", "obama2", "biden", "printed_photo", "face_too_far"} <= set(rig.simulator.scenes())
        assert rig.simulator.snapshot()["scene"] == "no_face"  # nobody in front of the kiosk yet
    finally:
        rig.stop()
    started = [e for e in log() if e["event"] == "camera.started"]
    assert started and started[0]["device"] == "front" and started[0]["driver"] == "sim"


def test_a_v4l2_camera_not_plugged_in_names_its_device(tmp_path):
    rig = start_camera({"cam": DeviceConfig(kind="camera", driver="v4l2", port=str(tmp_path / "video9"))}).value
    try:
        status = wait_status(rig.camera, lambda s: s.code == "device.port_missing")
        assert status.state is State.DISCONNECTED and str(tmp_path / "video9") in status.detail
        assert rig.simulator is None
    finally:
        rig.stop()


def test_a_terminal_without_a_camera_has_none():
    assert start_camera({"printer": DeviceConfig(kind="printer")}) is None


def test_a_simulated_camera_with_nothing_to_play_is_refused_with_the_folder(tmp_path, log):
    failed = start_camera({"cam": DeviceConfig(kind="camera")}, scenes=tmp_path / "missing")
    assert not failed.ok and failed.code == "camera.no_scenes" and str(tmp_path / "missing") in failed.detail
    assert [e["code"] for e in log() if e["event"] == "camera.unavailable"] == ["camera.no_scenes"]


def test_the_shipped_scenes_carry_their_provenance():
    readme = (scenes_dir().parent / "README.md").read_text(encoding="utf-8")
    assert "public domain" in readme
    assert sorted(p.name for p in scenes_dir().iterdir()) == ["biden.jpg", "obama.jpg", "obama2.jpg"]
