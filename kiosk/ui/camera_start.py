"""The camera and the face models, loaded on a thread of their own (1-2 s) after the first frame, then
joined to the services and the screens on the UI thread: the screen never waits for them."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot


class _Relay(QObject):
    """Lives on the UI thread: what the loading thread emits is delivered there."""

    ready = Signal(object)

    def __init__(self, deliver) -> None:
        super().__init__()
        self._deliver = deliver
        self.ready.connect(self.on_ready)

    @Slot(object)
    def on_ready(self, built) -> None:
        self._deliver(built)


class CameraStarter:
    def __init__(self, config, kapp, runtime) -> None:
        self._kapp, self._runtime, self.rig, self.face = kapp, runtime, None, None
        self._relay = _Relay(self._attach)
        self._thread = threading.Thread(target=self._build, args=(config,), name="camera-start", daemon=True)
        self._thread.start()

    def _build(self, config) -> None:
        from drivers.face.verify import Verifier
        from kiosk.camera_setup import start_camera
        from kiosk.flow_face import CameraFacePort

        rig = start_camera(config.devices)
        if rig is not None and rig.ok:
            face = CameraFacePort(rig.value.camera, rig.value.guide, Verifier(rig.value.analyzer))
            self.rig, self.face = rig.value, face  # stop() stops them even if the UI never took them
            self._relay.ready.emit((rig.value, face))

    def _attach(self, built) -> None:
        _rig, face = built
        self._runtime.use_face(face)
        self._kapp.attach_camera(face)

    def stop(self) -> None:
        self._thread.join(30)
        if self.face is not None:
            self.face.close()
            self.rig.stop()
