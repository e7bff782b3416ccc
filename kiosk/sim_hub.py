"""The simulated devices of a `kiosk run --simulate`, and the control handle `kiosk sim` talks to.

Each configured device whose driver is "sim" and that has a simulator is served on a pseudo-terminal, at a
stable link in `<data dir>/sim/<device name>`, where the kiosk's real driver opens it as it would open
/dev/serial/by-id/... on a terminal. A unix socket, `<data dir>/sim/control.sock`, takes one JSON request per
connection and answers one JSON line:

    {"action": "list"}
    {"action": "act", "device": "id_reader", "do": "put_card", "args": {"identity": {...}}}

`do` is a public method of the device's simulator (put_card, remove_card, place_finger, shut_door, scan ...)
or a wire fault of the pseudo-terminal (unplug, replug, mute, unmute, inject with "hex" bytes).

A simulated PC/SC reader is a virtual reader of a private pcscd (kiosk/sim_pcsc.py): the hub starts that
pcscd, writes the reader's PC/SC name at `<data dir>/sim/<device name>` for the kiosk's driver, and its
actions put cards in (insert_technician_card, insert_card, ...); unplug and replug stop and start pcscd.
When pcscd cannot start (not root, pcscd or vsmartcard-vpcd missing), the hub logs sim.pcsc_unserved and
the kiosk runs on without that reader.
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
from kiosk.sim_pcsc import PCSC_KIND, ActionFailed, PcscPort, serve_pcsc

WIRE_ACTIONS = ("unplug", "replug", "mute", "unmute", "inject")
_NOT_ACTIONS = {"receive", "snapshot", "attach", "close"}


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
    def __init__(self, folder: Path, devices: Mapping[str, object], *, pcscd=None, technician_keys=None) -> None:
        """`pcscd`: a running drivers.pcsc.pcscd.PcscDaemon to serve simulated PC/SC readers on (its owner
        stops it); by default the hub starts its own. `technician_keys` (drivers.pcsc.technician.TechnicianKeys):
        the kiosk's, so that insert_technician_card makes a card the kiosk accepts."""
        self.folder = folder
        self.socket_path = folder / "control.sock"
        self._wanted = {name: d for name, d in devices.items() if d.driver == "sim" and available(d.kind)}
        self._pcsc_wanted = [name for name, d in devices.items() if d.driver == "sim" and d.kind == PCSC_KIND]
        self._pcscd, self._technician_keys = pcscd, technician_keys
        self._pcsc_stop = lambda: None
        self.unserved: dict[str, str] = {}  # simulated devices the hub could not serve -> why
        self.served: dict[str, tuple[str, _Locked, PtyDevice | PcscPort]] = {}
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
        if self._pcsc_wanted:
            self._start_pcsc()
        self._control = ControlSocket(self.socket_path, self.handle, name="sim-control")
        self._control.start()
        log_event("sim.control_listening", path=str(self.socket_path))

    def stop(self) -> None:
        if self._control is not None:
            self._control.stop()
            self._control = None
        for _kind, locked, port in self.served.values():
            port.stop()
            if isinstance(port, PcscPort):
                locked.model.close()
        self.served.clear()
        self._pcsc_stop()
        self._pcsc_stop = lambda: None

    def _start_pcsc(self) -> None:
        served = serve_pcsc(self.folder, self._pcsc_wanted, pcscd=self._pcscd, keys=self._technician_keys)
        self._pcsc_stop = served.stop
        for name, (slot, port) in served.slots.items():
            self.served[name] = (PCSC_KIND, _Locked(slot), port)
            log_event("sim.device_served", device=name, kind=PCSC_KIND, path=str(port.link))
        for name, (code, reason) in served.unserved.items():
            self.unserved[name] = reason
            log_event("sim.pcsc_unserved", device=name, code=code, reason=reason)

    def link(self, name: str) -> Path:
        return self.served[name][2].link

    # ---- requests -------------------------------------------------------------------------------

    def handle(self, request: dict) -> dict:
        action = request.get("action") if isinstance(request, dict) else None
        if action == "list":
            return {"ok": True, "devices": {
                name: {"kind": kind, "link": str(port.link), "plugged": port.plugged,
                       "actions": model_actions(locked.model) + list(_wire_actions(port))}
                for name, (kind, locked, port) in self.served.items()}, "unserved": self.unserved}
        if action != "act":
            return {"ok": False, "error": 'the action must be "list" or "act"'}
        name, do, args = request.get("device"), request.get("do"), request.get("args") or {}
        if name in self.unserved:
            return {"ok": False, "error": f"simulated device {name!r} is not served: {self.unserved[name]}"}
        if name not in self.served:
            return {"ok": False, "error": f"no simulated device {name!r}; there are: {', '.join(self.served)}"}
        if not isinstance(args, dict):
            return {"ok": False, "error": "args must be a JSON object"}
        _kind, locked, pty = self.served[name]
        result = self._act(locked, pty, str(do), args)
        log_event("sim.control_action", device=name, action=str(do)[:64], ok=result["ok"])
        return result

    def _act(self, locked: _Locked, pty: PtyDevice | PcscPort, do: str, args: dict) -> dict:
        if isinstance(pty, PcscPort) and do in WIRE_ACTIONS:
            if do not in _wire_actions(pty):
                return {"ok": False, "error": f"a PC/SC reader has no wire to {do}; it can: unplug, replug"}
            try:
                pty.unplug() if do == "unplug" else pty.replug()
            except ActionFailed as e:
                return {"ok": False, "error": f"{do}: {e}"}
            return {"ok": True}
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
                    + ", ".join(model_actions(locked.model) + list(_wire_actions(pty)))}
        try:
            with locked.lock:
                value = getattr(locked.model, do)(**args)
        except ActionFailed as e:
            return {"ok": False, "error": f"{do}: {e}"}
        except (TypeError, ValueError, KeyError) as e:
            return {"ok": False, "error": f"{do} refused its arguments ({type(e).__name__}: {e})"}
        return {"ok": True, "result": value if isinstance(value, (str, int, float, bool, type(None), list, dict))
                else repr(value)}


def _wire_actions(port: PtyDevice | PcscPort) -> tuple[str, ...]:
    return ("unplug", "replug") if isinstance(port, PcscPort) else WIRE_ACTIONS
