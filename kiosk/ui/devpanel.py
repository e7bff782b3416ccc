"""The developer panel of a simulated run: every device's status, and its simulator's handle on buttons.

It is there only when the kiosk runs with simulated devices (`kiosk run --simulate`), for developers, testers
and demonstrations: put a card on the reader, place a finger, shut or jam a locker door, scan a code, unplug a
device, and watch the kiosk's own drivers react. It is a tool, not a citizen's screen: its labels are English
and it sits behind a small tab at the screen's edge.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from drivers.idcard.simcard import SAMPLE_IDENTITY

#: (label, simulator action, arguments) per kind; "$door" and "$code" are the panel's door and code
PRESETS: Mapping[str, tuple[tuple[str, str, Mapping[str, Any]], ...]] = {
    "id_reader": (("Put the sample ID card", "put_card", {"identity": SAMPLE_IDENTITY}),
                  ("Take the card away", "remove_card", {}),
                  ("Card taken away mid-read", "take_card_during_next_read", {})),
    "fingerprint": (("Place a good finger", "place_finger", {"identity": "sample-thumb", "quality": 85}),
                    ("Place a smudged finger", "place_finger", {"identity": "sample-thumb", "quality": 10}),
                    ("Lift the finger", "lift_finger", {})),
    "locker": (("Shut door $door", "shut_door", {"door": "$door"}),
               ("Jam door $door", "jam", {"door": "$door"}),
               ("Unjam door $door", "unjam", {"door": "$door"})),
    "qr_scanner": (("Scan a code", "scan", {"text": "$code"}),),
}
WIRE = (("Unplug", "unplug", {}), ("Plug back in", "replug", {}))


def _fill(args: Mapping[str, Any], door: int, code: str) -> dict:
    return {k: door if v == "$door" else code if v == "$code" else v for k, v in args.items()}


class DevPanel(QObject):
    enabledChanged = Signal()
    devicesChanged = Signal()
    messageChanged = Signal()
    doorChanged = Signal()
    _arrived = Signal(object)  # a device's new status, from its thread; handled on the UI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hub = None
        self._manager = None
        self._devices: list[dict] = []
        self._message = ""
        self.door = 1
        self.code = "KIOSK-TEST-CODE"
        self._arrived.connect(self._on_arrived)

    def attach(self, manager, hub) -> None:
        """Show `manager`'s devices and act on `hub`'s simulators (None: no panel)."""
        self._manager, self._hub = manager, hub
        if manager is not None:
            manager.on_status(lambda view: self._arrived.emit(view))
        self._refresh()
        self.enabledChanged.emit()

    @Property(bool, notify=enabledChanged)
    def enabled(self) -> bool:
        return self._hub is not None

    @Property("QVariantList", notify=devicesChanged)
    def devices(self) -> list[dict]:
        return self._devices

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        return self._message

    @Slot(object)
    def _on_arrived(self, _view) -> None:
        self._refresh()

    def _refresh(self) -> None:
        if self._manager is None:
            return
        served = set(self._hub.served) if self._hub is not None else set()
        devices = []
        for name, view in self._manager.snapshot().items():
            presets = PRESETS.get(view.kind, ()) + (WIRE if name in served else ())
            devices.append({
                "name": name, "kind": view.kind, "state": view.status.state.value,
                "code": view.status.code or "", "detail": view.status.detail,
                "actions": [{"label": label.replace("$door", str(self.door)), "index": i}
                            for i, (label, _do, _args) in enumerate(presets)] if name in served else [],
            })
        if devices != self._devices:
            self._devices = devices
            self.devicesChanged.emit()

    @Slot(str, int)
    def act(self, device: str, index: int) -> None:
        """Press the `index`-th button of `device`: its simulator does what the label says."""
        view = self._manager.view(device)
        label, do, args = (PRESETS.get(view.kind, ()) + WIRE)[index]
        answer = self._hub.handle({"action": "act", "device": device, "do": do,
                                   "args": _fill(args, self.door, self.code)})
        self._set_message(f"{device}: {label.replace('$door', str(self.door))}" if answer.get("ok")
                          else f"{device}: {answer.get('error', 'refused')}")

    @Property(int, notify=doorChanged)
    def lockerDoor(self) -> int:
        return self.door

    @Slot(int)
    def setDoor(self, door: int) -> None:
        self.door = max(1, door)
        self.doorChanged.emit()
        self._devices = []  # labels carry the door number
        self._refresh()

    @Slot(str)
    def setCode(self, code: str) -> None:
        self.code = code

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.messageChanged.emit()
