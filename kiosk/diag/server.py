"""The running kiosk's diagnostics handle: `kiosk diag` asks it for the report over `<data dir>/diag.sock`.

    {"action": "report", "tests": ["locker"], "options": {"doors": [3]}}  ->  {"ok": true, "report": {...}}
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path

from kiosk.config.schema import DeviceConfig
from kiosk.control_socket import ControlSocket
from kiosk.devices import DeviceManager
from kiosk.diag.report import build_report
from kiosk.diag.system import system_figures
from kiosk.log import log_event

SOCKET_NAME = "diag.sock"


class DiagServer:
    def __init__(self, data_dir: Path, configs: Mapping[str, DeviceConfig], manager: DeviceManager, *,
                 terminal_id: str) -> None:
        self._data_dir, self._configs, self._manager = data_dir, configs, manager
        self._terminal_id = terminal_id
        self._started = time.monotonic()
        self._socket = ControlSocket(data_dir / SOCKET_NAME, self.handle, name="diag-control")

    def start(self) -> None:
        self._socket.start()

    def stop(self) -> None:
        self._socket.stop()

    def report(self, tests=(), options=None) -> dict:
        return build_report(self._configs, self._manager, terminal_id=self._terminal_id,
                            system=system_figures(self._data_dir, self._started), tests=tests,
                            options=options)

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
