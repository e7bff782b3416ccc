"""The simulated devices of a `kiosk run --simulate`, and the control handle `kiosk sim` talks to.

Each configured device whose driver is "sim" and that has a simulator is served on a pseudo-terminal, at a
stable link in `<data dir>/sim/<device name>`, where the kiosk's real driver opens it as it would open
/dev/serial/by-id/... on a terminal. A unix socket, `<data dir>/sim/control.sock`, takes one JSON request per
connection and answers one JSON line:

    {"action": "list"}
    {"action": "act", "device": "id_reader", "do": "put_card", "args": {"identity": {...}}}

`do` is a public method of the device's simulator (put_card, remove_card, place_finger, shut_door, scan ...)
or a wire fault of the pseudo-terminal (unplug, replug, mute, unmute, inject with "hex" bytes).
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Mapping
from pathlib import Path

from drivers.sim.pty import PtyDevice
from drivers.sim.registry import available, simulator_module
from kiosk.control_socket import ControlSocket
from kiosk.devices.factory import sim_state
from kiosk.log import log_event

WIRE_ACTIONS = ("unplug", "replug", "mute", "unmute", "inject")
_NOT_ACTIONS = {"receive", "snapshot", "attach"}


class _Locked:
    """One lock around a model: the pty thread feeds it bytes while the control handle changes it."""

    def __init__(self, model) -> None:
        self.model = model
        self.lock = threading.Lock()

    def receive(self, data: bytes) -> bytes:
        with self.lock:
            return self.model.receive(data)


def model_actions(model) -> list[str]:
    return sorted(
        name for name, member in inspect.getmembers(model, callable)
        if not name.startswith("_") and name not in _NOT_ACTIONS and not inspect.isclass(member)
    )


class SimHub:
    def __init__(self, folder: Path, devices: Mapping[str, object]) -> None:
        self.folder = folder
        self.socket_path = folder / "control.sock"
        self._wanted = {name: d for name, d in devices.items() if d.driver == "sim" and available(d.kind)}
        self.served: dict[str, tuple[str, _Locked, PtyDevice]] = {}
        self._control: ControlSocket | None = None

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for name, device in self._wanted.items():
            module = simulator_module(device.kind)
            locked = _Locked(module.create(sim_state(device)))
            pty = PtyDevice(locked, self.folder / name).start()
            if hasattr(locked.model, "attach"):  # a device that speaks first (a scanner) sends on the wire
                locked.model.attach(pty.send)
            self.served[name] = (device.kind, locked, pty)
            log_event("sim.device_served", device=name, kind=device.kind, path=str(pty.link))
        self._control = ControlSocket(self.socket_path, self.handle, name="sim-control")
        self._control.start()
        log_event("sim.control_listening", path=str(self.socket_path))

    def stop(self) -> None:
        if self._control is not None:
            self._control.stop()
            self._control = None
        for _kind, _locked, pty in self.served.values():
            pty.stop()
        self.served.clear()

    def link(self, name: str) -> Path:
        return self.served[name][2].link

    # ---- requests -------------------------------------------------------------------------------

    def handle(self, request: dict) -> dict:
        action = request.get("action") if isinstance(request, dict) else None
        if action == "list":
            return {"ok": True, "devices": {
                name: {"kind": kind, "link": str(pty.link), "plugged": pty.plugged,
                       "actions": model_actions(locked.model) + list(WIRE_ACTIONS)}
                for name, (kind, locked, pty) in self.served.items()}}
        if action != "act":
            return {"ok": False, "error": 'the action must be "list" or "act"'}
        name, do, args = request.get("device"), request.get("do"), request.get("args") or {}
        if name not in self.served:
            return {"ok": False, "error": f"no simulated device {name!r}; there are: {', '.join(self.served)}"}
        if not isinstance(args, dict):
            return {"ok": False, "error": "args must be a JSON object"}
        _kind, locked, pty = self.served[name]
        result = self._act(locked, pty, str(do), args)
        log_event("sim.control_action", device=name, action=str(do)[:64], ok=result["ok"])
        return result

    def _act(self, locked: _Locked, pty: PtyDevice, do: str, args: dict) -> dict:
        if do in WIRE_ACTIONS:
            if do == "unplug":
                pty.unplug()
            elif do == "replug":
                pty.replug()
            elif do in ("mute", "unmute"):
                pty.mute = do == "mute"
            else:
                pty.inject(bytes.fromhex(str(args.get("hex", ""))))
            return {"ok": True}
        if do not in model_actions(locked.model):
            return {"ok": False, "error": f"this simulator cannot {do!r}; it can: "
                    + ", ".join(model_actions(locked.model) + list(WIRE_ACTIONS))}
        try:
            with locked.lock:
                value = getattr(locked.model, do)(**args)
        except (TypeError, ValueError, KeyError) as e:
            return {"ok": False, "error": f"{do} refused its arguments ({type(e).__name__}: {e})"}
        return {"ok": True, "result": value if isinstance(value, (str, int, float, bool, type(None), list, dict))
                else repr(value)}
