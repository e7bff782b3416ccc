"""The kiosk's camera and face pipeline, built from the configuration and started.

    rig = start_camera(config.devices)          # None: no camera configured; Failure: configured but unusable
    port = CameraFacePort(rig.camera, rig.guide, Verifier(rig.analyzer))

The first device of kind "camera" is used. Driver "v4l2" opens the device its `port` names (a /dev/video*
node, best a stable /dev/v4l/by-id/... link) at 1280x720, 30 frames/s. Driver "sim" is the simulated camera
playing the scenes of assets/camera/scenes (see its README): the test persons and the scenes made from them.
The simulated camera runs at SIM_FPS with a little sensor noise and shake, so the face pipeline sees what it
would see from a real camera, at a frame rate that keeps two shared cores free for the rest of the kiosk.

The camera starts capturing at once (its status tells the maintenance screens whether it is there); the
face guide is started by the face port when a face step needs it (see kiosk/flow_face.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from drivers.camera.capture import CaptureCamera
from drivers.camera.simulated import SimulatedSource, simulated_camera
from drivers.camera.v4l2 import v4l2_camera
from drivers.errors import Failure, Ok, Result
from drivers.face.detector import FaceAnalyzer
from drivers.face.guide import FaceGuide
from kiosk import paths
from kiosk.config.schema import SIM_DRIVER, DeviceConfig
from kiosk.log import log_event

SIM_FPS = 20.0      # a blink (4 scene frames) lasts 200 ms: the guide sees it even on a busy machine
SIM_NOISE = 3.0     # grey levels of sensor noise
SIM_JITTER_PX = 1   # a camera on a kiosk's mount hardly shakes
SIZE = (1280, 720)


def scenes_dir() -> Path:
    """The simulated camera's scene folder in the assets."""
    return paths.assets_dir() / "camera" / "scenes"


@dataclass
class CameraRig:
    """A running camera, the face guide reading its frames, and the face models they share."""

    name: str              # the device's name in the configuration
    camera: CaptureCamera
    guide: FaceGuide
    analyzer: FaceAnalyzer

    @property
    def simulator(self) -> SimulatedSource | None:
        """The simulated camera's control handle (scenes, unplug), None for a real camera."""
        source = self.camera.source
        return source if isinstance(source, SimulatedSource) else None

    def stop(self) -> None:
        self.guide.stop()
        self.camera.stop()


def first_camera(devices: Mapping[str, DeviceConfig]) -> tuple[str, DeviceConfig] | None:
    return next(((name, d) for name, d in devices.items() if d.kind == "camera"), None)


def build_camera(name: str, device: DeviceConfig, *, scenes: Path | None = None,
                 analyzer: FaceAnalyzer | None = None) -> Result[CameraRig]:
    """The camera and guide for one configured device, not yet started. Failure face.models_missing when
    the face models are not installed, camera.no_scenes when the simulated camera has nothing to play."""
    if analyzer is None:
        loaded = FaceAnalyzer.load()
        if isinstance(loaded, Failure):
            return loaded
        analyzer = loaded.value
    if device.driver == SIM_DRIVER:
        folder = scenes or scenes_dir()
        made = simulated_camera(folder, size=SIZE, scene="no_face", fps=SIM_FPS, noise=SIM_NOISE,
                                jitter_px=SIM_JITTER_PX)
        if isinstance(made, Failure):
            return Failure(made.code, f"camera {name}: {made.detail}")
        camera = made.value
    else:
        camera = v4l2_camera(str(device.port), width=SIZE[0], height=SIZE[1])
    return Ok(CameraRig(name, camera, FaceGuide(camera.latest, analyzer), analyzer))


def start_camera(devices: Mapping[str, DeviceConfig], *, scenes: Path | None = None,
                 analyzer: FaceAnalyzer | None = None) -> Result[CameraRig] | None:
    """Build the configured camera and start capturing; None when the configuration names no camera.
    A camera that is configured but not plugged in still starts: it reconnects by itself when it appears."""
    found = first_camera(devices)
    if found is None:
        return None
    name, device = found
    built = build_camera(name, device, scenes=scenes, analyzer=analyzer)
    if isinstance(built, Failure):
        log_event("camera.unavailable", device=name, code=built.code)
        return built
    built.value.camera.start()
    log_event("camera.started", device=name, driver=device.driver, port=built.value.camera.tracker.capabilities.port)
    return built
