"""The V4L2 camera when the configured device is missing or is not a camera (no camera on CI)."""

from drivers.camera.v4l2 import v4l2_camera
from drivers.status import State

from .conftest import wait_for_state


def test_a_missing_device_is_disconnected_naming_the_port(tmp_path):
    camera = v4l2_camera(str(tmp_path / "video9"), retry_delay=lambda attempt: 60.0)
    camera.start()
    status = wait_for_state(camera, State.DISCONNECTED, code="device.port_missing", detail="no such device")
    camera.stop()
    assert str(tmp_path / "video9") in status.detail
    assert camera.tracker.capabilities.port == str(tmp_path / "video9")


def test_a_device_that_is_not_a_camera(tmp_path):
    path = tmp_path / "video0"
    path.write_bytes(b"not a camera")
    camera = v4l2_camera(str(path), retry_delay=lambda attempt: 60.0)
    camera.start()
    status = wait_for_state(camera, State.DISCONNECTED, code="device.disconnected", detail="cannot be opened")
    camera.stop()
    assert str(path) in status.detail


def test_a_stable_link_to_a_video_device_is_opened_by_its_index(tmp_path):
    from drivers.camera.v4l2 import _index_or_path

    link = tmp_path / "usb-Camera-video-index0"
    link.symlink_to("/dev/video3")
    assert _index_or_path(str(link)) == 3
    assert _index_or_path("/dev/video0") == 0
    assert _index_or_path(str(tmp_path / "cam")) == str(tmp_path / "cam")
