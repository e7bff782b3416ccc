"""The board's newer panels render with large touch targets, Chinese first: the camera's test frame, the
voice, network and sync, the report's ways out, the log. The PNGs land in the test's temporary folder (and
in $KIOSK_SHOTS when set: docs/screenshots/maintenance-*.png are made so)."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

import os
from pathlib import Path

from drivers.face.verify import Verifier
from kiosk.camera_setup import build_camera
from kiosk.config.schema import DeviceConfig
from kiosk.flow_face import CameraFacePort
from kiosk.ui import screenshot
from sync import outbox
from tests.kiosk.maintenance.kiosks import devices, make_tech_kiosk, row, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find
from tests.kiosk.ui.test_touch_targets import MIN, pressables


def shot(kiosk, tmp_path, name):
    image = screenshot.render(kiosk)
    for folder in filter(None, (tmp_path, os.environ.get("KIOSK_SHOTS"))):
        screenshot.save(image, Path(folder) / f"maintenance-{name}.png")


def test_the_new_panels_render(tech_kiosk, devices, qtbot, tmp_path):
    hub, _manager = devices
    rig = build_camera("camera", DeviceConfig(kind="camera")).value
    rig.camera.start()
    port = CameraFacePort(rig.camera, rig.guide, Verifier(rig.analyzer))
    try:
        tech_kiosk.attach_camera(port)
        rig.simulator.set_scene("obama")
        hub.handle({"action": "act", "device": "printer", "do": "paper_out", "args": {}})
        outbox.enqueue(tech_kiosk.store.db, stream="applications", payload={"n": 1})
        tech_kiosk.maintenance.find_media = list
        assert tech_kiosk.maintenance.technician_card(CARD) == ""
        qtbot.waitUntil(lambda: find(tech_kiosk, "maintenanceScreen") is not None)
        qtbot.waitUntil(lambda: rig.camera.tracker.status.state.value == "ready", timeout=10000)
        tech_kiosk.maintenance.runSelfTest("camera")
        tech_kiosk.maintenance.runVoiceTest()
        tech_kiosk.maintenance.printReport()
        qtbot.waitUntil(lambda: tech_kiosk.maintenance.printState == "failed"
                        and tech_kiosk.maintenance.voiceTest["state"] == "pass"
                        and row(tech_kiosk, "camera")["test"]["state"] == "pass", timeout=60000)
        tech_kiosk.maintenance.findMedia()
        tech_kiosk.maintenance.setLogDevice("printer")
        qtbot.waitUntil(lambda: find(tech_kiosk, "cameraShot") is not None
                        and find(tech_kiosk, "cameraShot").property("implicitWidth") > 0)
        scroll_to(tech_kiosk, "testResult_camera")
        shot(tech_kiosk, tmp_path, "camera-zh")
        scroll_to(tech_kiosk, "syncPanel")
        shot(tech_kiosk, tmp_path, "sync-zh")
        scroll_to(tech_kiosk, "exportState")
        shot(tech_kiosk, tmp_path, "report-zh")
        scroll_to(tech_kiosk, "logViewer")
        shot(tech_kiosk, tmp_path, "log-zh")
        tech_kiosk.shell.setLanguage("en")
        for name, anchor in (("camera", "testResult_camera"), ("sync", "syncPanel"), ("report", "exportState"),
                             ("log", "logViewer")):
            scroll_to(tech_kiosk, anchor)
            shot(tech_kiosk, tmp_path, f"{name}-en")
        small = [(i.objectName(), i.width(), i.height()) for i in pressables(tech_kiosk)
                 if i.width() < MIN or i.height() < MIN]
        assert small == []
    finally:
        tech_kiosk.maintenance.leave()
        port.close()
        rig.stop()
