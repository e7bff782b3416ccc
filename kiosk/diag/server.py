"""The running kiosk's diagnostics handle: `kiosk diag` asks it for the report over `<data dir>/diag.sock`.

    {"action": "report", "tests": ["locker"], "options": {"doors": [3]}}  ->  {"ok": true, "report": {...}}

The camera runs outside the device manager; once it is up, use_camera() gives its rig (camera and face
models) so `kiosk diag --test camera` tests the kiosk's own camera. Self-tests' failures go to the fault log
the heartbeat carries (kiosk/diag/faults.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kiosk.config.schema import DeviceConfig
from kiosk.control_socket import ControlSocket
from kiosk.devices import DeviceManager
from kiosk.diag.faults import FAULTS, FaultLog
from kiosk.diag.outside import CameraBench
from kiosk.diag.report import build_report
from kiosk.diag.selftests import SelfTest
from kiosk.diag.system import system_figures
from kiosk.log import log_event

SOCKET_NAME = "diag.sock"


class DiagServer:
    def __init__(self, data_dir: Path, configs: Mapping[str, DeviceConfig], manager: DeviceManager, *,
                 terminal_id: str, faults: FaultLog = FAULTS) -> None:
        self._data_dir, self._configs, self._manager = data_dir, configs, manager
        self._faults = faults
        self._camera_rig: Callable[[], Any] = lambda: None
        self._camera: CameraBench | None = None
        self._terminal_id = terminal_id
        self._started = time.monotonic()
        self._socket = ControlSocket(data_dir / SOCKET_NAME, self.handle, name="diag-control")

    def start(self) -> None:
        self._socket.start()

    def stop(self) -> None:
        self._socket.stop()

    def use_camera(self, rig: Callable[[], Any]) -> None:
        """`rig()`: the running CameraRig (camera and face models), or None while it is not up (yet)."""
        self._camera_rig = rig

    def _outside(self) -> dict:
        rig = self._camera_rig()
        if rig is None:
            return {}
        if self._camera is None or self._camera.camera is not rig.camera:
            self._camera = CameraBench(rig.camera, rig.analyzer)
        return {rig.name: self._camera.device()}

    def report(self, tests=(), options=None) -> dict:
        report = build_report(self._configs, self._manager, terminal_id=self._terminal_id,
                              system=system_figures(self._data_dir, self._started), tests=tests,
                              options=options, outside=self._outside())
        for d in report["devices"]:
            if d["self_test"] is not None:
                t = d["self_test"]
                self._faults.record(d["name"], SelfTest(t["passed"], t["summary"], t["code"]))
        return report

    def handle(self, request: dict) -> dict:
        if request.get("action") != "report":
            return {"ok": False, "error": 'the action must be "report"'}
        tests, options = request.get("tests") or [], request.get("options") or {}
        if not isinstance(tests, list) or not isinstance(options, dict):
            return {"ok": False, "error": "tests must be a list of device names and options an object"}
        try:
            report = self.report(tests, options)
        except KeyError as e:
            return {"ok": False, "error": str(e.args[0])}
        log_event("diag.report", tests=len(tests), passed=report["ok"])
        return {"ok": True, "report": report}
