"""The developer panel of a simulated run: every device's status, and its simulator's handle on buttons.

It is there only when the kiosk runs with simulated devices (`kiosk run --simulate`), for developers, testers
and demonstrations: put a card on the reader, place a finger, shut or jam a locker door, scan a code, put
someone (or something) in front of the simulated camera, unplug a device, and watch the kiosk's own drivers
react. It is a tool, not a citizen's screen: its labels are English
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
    "pcsc_reader": (("Present the technician card", "insert_technician_card", {}),
                    ("Present a forged technician card", "insert_forged_technician_card", {}),
                    ("Present a plain card", "insert_card", {}),
                    ("Take the card away", "remove_card", {})),
}
WIRE = (("Unplug", "unplug", {}), ("Plug back in", "replug", {}))
CAMERA = "camera"  # the camera's name in the panel (it is not one of the device manager's serial devices)


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
        self._camera = None  # drivers.camera.capture.CaptureCamera, when the kiosk has one
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

    def attach_camera(self, camera) -> None:
        """Show the camera's status too; when it is the simulated camera, a button per scene it can film
        (drivers/camera/scenes.py) and the cable."""
        self._camera = camera
        camera.tracker.subscribe(lambda _caps, _old, new: self._arrived.emit(new))
        self._refresh()

    def _camera_presets(self) -> tuple[tuple[str, str, Mapping[str, Any]], ...]:
        source = getattr(self._camera, "source", None)
        if not hasattr(source, "scenes"):
            return ()
        return tuple((f"Scene {name}", "set_scene", {"scene": name}) for name in source.scenes()) + WIRE

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
        served = set(self._hub.served) if self._hub is not None else set()
        devices = []
        views = self._manager.snapshot().items() if self._manager is not None else ()
        for name, view in views:
            presets = PRESETS.get(view.kind, ()) + (WIRE if name in served else ())
            devices.append({
                "name": name, "kind": view.kind, "state": view.status.state.value,
                "code": view.status.code or "", "detail": view.status.detail,
                "actions": [{"label": label.replace("$door", str(self.door)), "index": i}
                            for i, (label, _do, _args) in enumerate(presets)] if name in served else [],
            })
        if self._camera is not None:
            status = self._camera.tracker.status
            devices.append({"name": CAMERA, "kind": "camera", "state": status.state.value, "code": status.code or "",
                            "detail": status.detail, "actions": [{"label": label, "index": i} for i, (label, _do, _args)
                                                                 in enumerate(self._camera_presets())]})
        if devices != self._devices:
            self._devices = devices
            self.devicesChanged.emit()

    @Slot(str, int)
    def act(self, device: str, index: int) -> None:
        """Press the `index`-th button of `device`: its simulator does what the label says."""
        if device == CAMERA and self._camera is not None:
            return self._act_camera(index)
        view = self._manager.view(device)
        label, do, args = (PRESETS.get(view.kind, ()) + WIRE)[index]
        answer = self._hub.handle({"action": "act", "device": device, "do": do,
                                   "args": _fill(args, self.door, self.code)})
        self._set_message(f"{device}: {label.replace('$door', str(self.door))}" if answer.get("ok")
                          else f"{device}: {answer.get('error', 'refused')}")

    def _act_camera(self, index: int) -> None:
        source = self._camera.source
        label, do, args = self._camera_presets()[index]
        if do == "set_scene":
            done = source.set_scene(args["scene"])
            self._set_message(f"camera: {label}" if done.ok else f"camera: {done.detail}")
        else:
            getattr(source, do)()
            self._set_message(f"camera: {label}")

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
