"""The developer panel's camera: its status, a button per scene the simulated camera can film, and its cable."""

import pytest

from drivers.face.verify import Verifier
from kiosk.camera_setup import build_camera
from kiosk.config.schema import DeviceConfig
from kiosk.devices import DeviceManager
from kiosk.flow_face import CameraFacePort
from kiosk.sim_hub import SimHub
from tests.kiosk.ui.helpers import tap, visible_texts


@pytest.fixture
def panel(kiosk, tmp_path):
    configs = {"id_reader": DeviceConfig(kind="id_reader")}
    hub = SimHub(tmp_path / "sim", configs)
    hub.start()
    manager = DeviceManager(configs, sim_dir=hub.folder, poll_s=0.05)
    manager.start()
    rig = build_camera("camera", DeviceConfig(kind="camera")).value
    rig.camera.start()
    port = CameraFacePort(rig.camera, rig.guide, Verifier(rig.analyzer))
    kiosk.attach_devices(manager, hub)
    kiosk.attach_camera(port)
    yield kiosk, rig
    port.close()
    rig.stop()
    manager.stop()
    hub.stop()


def camera_entry(kiosk):
    return next(d for d in kiosk.devpanel.devices if d["name"] == "camera")


def button(kiosk, label):
    return next(a["index"] for a in camera_entry(kiosk)["actions"] if a["label"] == label)


def test_the_panel_puts_someone_else_before_the_camera_and_pulls_its_cable(panel, qtbot):
    kiosk, rig = panel
    qtbot.waitUntil(lambda: camera_entry(kiosk)["state"] == "ready", timeout=10000)
    labels = [a["label"] for a in camera_entry(kiosk)["actions"]]
    assert {"Scene obama", "Scene biden", "Scene printed_photo", "Scene no_face", "Unplug"} <= set(labels)
    tap(kiosk, "devPanelTab")
    assert "camera  ·  ready" in visible_texts(kiosk)

    tap(kiosk, f"devAction_camera_{button(kiosk, 'Scene biden')}")
    assert rig.simulator.snapshot()["scene"] == "biden"
    assert kiosk.devpanel.message == "camera: Scene biden"

    tap(kiosk, f"devAction_camera_{button(kiosk, 'Unplug')}")
    qtbot.waitUntil(lambda: camera_entry(kiosk)["state"] == "disconnected", timeout=10000)
    tap(kiosk, f"devAction_camera_{button(kiosk, 'Plug back in')}")
    qtbot.waitUntil(lambda: camera_entry(kiosk)["state"] == "ready", timeout=15000)
