"""Conditions of a demo script, put in force on the simulated terminal.

Serial devices are the real simulators behind the kiosk's own drivers (the citizen's hands act on them,
citizen.py). The parts whose simulators are not wired into the kiosk yet (the central platform with its
payment provider and SMS, the camera and face pipeline, the hall's queue system) are
played by flows.fakes.World, which reads the same condition names.
"""

from __future__ import annotations

from collections.abc import Iterable

from flows.fakes import World
from kiosk.demo.citizen import SimCitizen


class DemoWorld:
    def __init__(self, citizen: SimCitizen, act) -> None:
        self.fakes = World()
        self.citizen = citizen
        self._act = act

    def set(self, conditions: Iterable[str]) -> None:
        conditions = frozenset(conditions)
        self.fakes.set(c for c in conditions if not c.startswith("scan_"))
        self.citizen.set(conditions)
        self._act("printer", "paper_out" if "printer_out_of_paper" in conditions else "clear", {})
        for event in sorted(c for c in conditions if c.startswith("scan_")):  # held under the scanner now
            self._act("qr_scanner", "scan", {"text": self.fakes.scan_text(event)})

    def ports(self) -> dict:
        """The ports the fakes play (the rest are the kiosk's real ones)."""
        return {"platform": self.fakes.platform, "face": self.fakes.ports().face, "queue": self.fakes.ports().queue,
                "pickup_public_key": self.fakes.public_key}
