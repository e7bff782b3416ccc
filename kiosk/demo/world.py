"""Conditions of a demo script, put in force on the simulated terminal.

Serial devices are the real simulators behind the kiosk's own drivers (the citizen's hands act on them,
citizen.py). The camera is the simulated camera playing assets/camera/scenes, behind the kiosk's real face
pipeline (kiosk/flow_face.py): the citizen stands in front of it (citizen.py picks the scene), and
camera_broken pulls its cable. The parts whose simulators are not wired into the kiosk yet (the central
platform with its payment provider and SMS, the hall's queue system) are played by flows.fakes.World, which
reads the same condition names; its registry and pickup records carry a real photo of the demo citizen, so
the face check has something true to compare with.

Without the face models (package face-recognition-models) the demo falls back to flows.fakes' camera.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from drivers.errors import Failure, Ok, Result
from flows.fakes import World
from flows.ports import PickupRecord
from kiosk.demo.citizen import SimCitizen

#: the demo citizen's registry photo: another photo of the person the citizen's scene shows (citizen.PERSON)
REGISTRY_PHOTO = "obama2.jpg"


class DemoPlatform:
    """The fakes' central platform, whose registry photo and pickup records show the demo citizen."""

    def __init__(self, platform, photo: bytes) -> None:
        self._platform = platform
        self._photo = photo

    def __getattr__(self, name: str):
        return getattr(self._platform, name)

    def registry_photo(self, id_number: str) -> Result[bytes]:
        got = self._platform.registry_photo(id_number)
        return Ok(self._photo) if got.ok else got

    def pickup_record(self, application_no: str) -> PickupRecord | None:
        return self._with_photo(self._platform.pickup_record(application_no))

    def pickup_record_for(self, id_number: str) -> PickupRecord | None:
        return self._with_photo(self._platform.pickup_record_for(id_number))

    def _with_photo(self, record: PickupRecord | None) -> PickupRecord | None:
        return None if record is None else replace(record, photo=self._photo)


class DemoWorld:
    def __init__(self, citizen: SimCitizen, act, *, scenes: Path | None = None) -> None:
        self.fakes = World()
        self.citizen = citizen
        self._act = act
        self.rig, self.face = self._camera(scenes)
        self.platform = self.fakes.platform
        if self.rig is not None:
            folder = scenes or _scenes_dir()
            self.platform = DemoPlatform(self.fakes.platform, (folder / REGISTRY_PHOTO).read_bytes())
            citizen.camera = self.rig.simulator

    def _camera(self, scenes: Path | None):
        """The simulated camera and the real face port on it; (None, the fakes' camera) without face models.
        The port starts the camera when a face step first looks, and stops it again when idle."""
        from drivers.face.verify import Verifier
        from kiosk.camera_setup import build_camera
        from kiosk.config.schema import DeviceConfig
        from kiosk.flow_face import CameraFacePort

        built = build_camera("camera", DeviceConfig(kind="camera"), scenes=scenes)
        if isinstance(built, Failure):
            return None, self.fakes.ports().face
        rig = built.value
        return rig, CameraFacePort(rig.camera, rig.guide, Verifier(rig.analyzer), owns_camera=True)

    def set(self, conditions: Iterable[str]) -> None:
        conditions = frozenset(conditions)
        self.fakes.set(c for c in conditions if not c.startswith("scan_"))
        self.citizen.set(conditions)
        self._act("printer", "paper_out" if "printer_out_of_paper" in conditions else "clear", {})
        if self.rig is not None:
            if "camera_broken" in conditions:
                self.rig.simulator.unplug()
            else:
                self.rig.simulator.replug()
        for event in sorted(c for c in conditions if c.startswith("scan_")):  # held under the scanner now
            self._act("qr_scanner", "scan", {"text": self.fakes.scan_text(event)})

    def ports(self) -> dict:
        """The ports the demo plays (the rest are the kiosk's real ones)."""
        return {"platform": self.platform, "face": self.face, "queue": self.fakes.ports().queue,
                "pickup_public_key": self.fakes.public_key}

    def close(self) -> None:
        """Stop the camera and the face guide (the kiosk's close() does not know them)."""
        if self.rig is not None:
            self.face.close()
            self.rig.stop()


def _scenes_dir() -> Path:
    from kiosk.camera_setup import scenes_dir

    return scenes_dir()
