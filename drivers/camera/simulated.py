"""The simulated camera: plays a scene from a SceneLibrary at a frame rate, with sensor noise and jitter.

It is a FrameSource, so the real capture thread (CaptureCamera) runs on it just as on a V4L2 camera. Frames
come at `fps` by the wall clock (the simulator is the device: it paces itself, tests never sleep) or as
fast as they are read with `fps=None`. Noise is Gaussian (sigma in grey levels) from a few tables made once,
so it costs about 2 ms a frame at 1280x720; jitter moves the picture up to `jitter_px` each way, as a
hand-held photo or a shaky mount would.

Control handle:
    scenes()              the scene names it can play
    set_scene(name)       film another scene (Failure camera.unknown_scene for a name it does not have)
    unplug() / replug()   the USB cable: reads fail with device.disconnected until replugged
    set_noise(sigma)      sensor noise, 0 for none
    set_jitter(px)        shake, 0 for none
    snapshot()            {"scene", "fps", "noise", "jitter_px", "plugged", "frames"}
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.capture import CaptureCamera
from drivers.camera.scenes import Scene, SceneLibrary
from drivers.errors import Failure, Ok, Result

NOISE_TABLES = 4


class SimulatedSource:
    def __init__(self, library: SceneLibrary, *, scene: str | None = None, fps: float | None = 30.0,
                 noise: float = 0.0, jitter_px: int = 0, seed: int = 0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.library = library
        self.description = f"simulated camera {library.size[0]}x{library.size[1]}"
        self.fps = fps
        self.frames = 0
        self._clock = clock
        self._rng = np.random.default_rng(seed)
        self._mutex = threading.Lock()
        self._wake = threading.Event()
        self._plugged = True
        self._noise_sigma = 0.0
        self._noise: list[np.ndarray] = []
        self._last_noise = 0
        self._jitter = 0
        self._next_t = 0.0
        self._index = 0
        first = scene or library.default or library.names()[0]
        chosen = library.get(first)
        if not chosen.ok:
            raise ValueError(chosen.detail)
        self._scene: Scene = chosen.value
        self.set_noise(noise)
        self.set_jitter(jitter_px)

    # ---- FrameSource ------------------------------------------------------------------------------

    def open(self) -> Result[None]:
        with self._mutex:
            if not self._plugged:
                return Failure("device.disconnected", f"{self.description}: unplugged")
            self._next_t = self._clock()
        return Ok(None)

    def read(self) -> Result[np.ndarray]:
        self._pace()
        with self._mutex:
            if not self._plugged:
                return Failure("device.disconnected", f"{self.description}: unplugged")
            frames = self._scene.frames
            image = frames[self._index % len(frames)]
            self._index += 1
            self.frames += 1
            jitter, noise = self._jitter, self._noise
        if jitter:
            dx, dy = (int(v) for v in self._rng.integers(-jitter, jitter + 1, 2))
            image = cv2.warpAffine(image, np.float32([[1, 0, dx], [0, 1, dy]]), (image.shape[1], image.shape[0]),
                                   borderMode=cv2.BORDER_REPLICATE)
        if noise:  # never the same table twice running: consecutive frames always differ
            self._last_noise = (self._last_noise + int(self._rng.integers(1, len(noise)))) % len(noise)
            image = cv2.add(image, noise[self._last_noise], dtype=cv2.CV_8U)
        return Ok(image)

    def close(self) -> None:
        self._wake.set()

    def interrupt(self) -> None:
        self._wake.set()

    def _pace(self) -> None:
        if not self.fps:
            return
        self._wake.clear()
        now = self._clock()
        delay = self._next_t - now
        if delay > 0:
            self._wake.wait(delay)
        self._next_t = max(self._next_t, now) + 1 / self.fps

    # ---- control handle ---------------------------------------------------------------------------

    def scenes(self) -> list[str]:
        return self.library.names()

    def set_scene(self, name: str) -> Result[None]:
        scene = self.library.get(name)
        if isinstance(scene, Failure):
            return scene
        with self._mutex:
            self._scene, self._index = scene.value, 0
        return Ok(None)

    def unplug(self) -> None:
        with self._mutex:
            self._plugged = False
        self._wake.set()

    def replug(self) -> None:
        with self._mutex:
            self._plugged = True

    def set_noise(self, sigma: float) -> None:
        width, height = self.library.size
        tables = [self._rng.normal(0, sigma, (height, width, 3)).astype(np.int16) for _ in range(NOISE_TABLES)] \
            if sigma > 0 else []
        with self._mutex:
            self._noise_sigma, self._noise = float(sigma), tables

    def set_jitter(self, px: int) -> None:
        with self._mutex:
            self._jitter = max(0, int(px))

    def snapshot(self) -> dict:
        with self._mutex:
            return {"scene": self._scene.name, "fps": self.fps, "noise": self._noise_sigma,
                    "jitter_px": self._jitter, "plugged": self._plugged, "frames": self.frames}


def simulated_camera(folder: Path, *, size: tuple[int, int] = (1280, 720), scene: str | None = None,
                     fps: float | None = 30.0, noise: float = 0.0, jitter_px: int = 0,
                     **options) -> Result[CaptureCamera]:
    """A CaptureCamera on a SimulatedSource playing `folder`; the handle is `camera.source`."""
    library = SceneLibrary.from_folder(folder, size)
    if isinstance(library, Failure):
        return library
    if scene is not None and scene not in library.value.names():
        return Failure("camera.unknown_scene", f"no scene {scene!r} in {folder}")
    source = SimulatedSource(library.value, scene=scene, fps=fps, noise=noise, jitter_px=jitter_px)
    return Ok(CaptureCamera(source, model="simulated camera", port=str(folder), **options))
