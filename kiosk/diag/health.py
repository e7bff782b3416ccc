"""The devices' health as the heartbeat carries it to the central platform, so the platform sees a broken
printer or a jammed locker door before a citizen meets it.

    devices: {name: {"state": "maintenance", "code": "printer.paper_out", "detail": "...",
                     "fault": {"code": "locker.door_jammed", "summary": "...", "at": 1700000000} | null}}

`state`, `code` and `detail` are the device's current status; `fault` the last failed self-test, until the
device passes one (kiosk/diag/faults.py). A device that goes wrong, or a self-test that finds a fault,
asks the sync agent for a heartbeat at once (it spaces them at least AgentSettings.heartbeat_min_s apart).
"""

from __future__ import annotations

from typing import Any

from drivers.status import State
from kiosk.diag.faults import FAULTS, FaultLog

#: States that warrant telling the platform at once (not at the next minute's heartbeat).
_WRONG = {State.DISCONNECTED, State.HARDWARE_ERROR, State.MAINTENANCE}


class Health:
    def __init__(self, devices: Any = None, faults: FaultLog = FAULTS) -> None:
        """`devices`: the DeviceManager (None: no devices)."""
        self._devices, self._faults = devices, faults

    def snapshot(self) -> dict[str, dict[str, Any]]:
        views = self._devices.snapshot() if self._devices is not None else {}
        faults = self._faults.all()
        health = {name: {"state": v.status.state.value, "code": v.status.code, "detail": v.status.detail,
                         "fault": faults.get(name)} for name, v in views.items()}
        for name, fault in faults.items():  # a device outside the manager (the camera)
            health.setdefault(name, {"state": None, "code": None, "detail": "", "fault": fault})
        return health

    def wire(self, agent: Any) -> None:
        """Ask `agent` for a heartbeat when a device goes wrong or comes back, or a self-test finds a fault."""
        self._faults.on_change(agent.beat_soon)
        if self._devices is None:
            return
        wrong: dict[str, bool] = {}

        def changed(view: Any) -> None:  # busy <-> ready while serving a citizen is no news
            now = view.status.state in _WRONG
            if wrong.get(view.name, True) != now:  # unknown until its first change: tell it
                wrong[view.name] = now
                agent.beat_soon()

        self._devices.on_status(changed)
