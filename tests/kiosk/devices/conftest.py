"""A simulated terminal: the SimHub serving every serial simulator, and a DeviceManager driving them."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.config.schema import DeviceConfig
from kiosk.devices import DeviceManager, DeviceView
from kiosk.log.emit import LOGGER_NAME
from kiosk.sim_hub import SimHub

SERIAL_KINDS = ("id_reader", "fingerprint", "locker", "qr_scanner")


class Seen:
    """Status changes and scans as they arrive from the device threads, with a way to wait for one."""

    def __init__(self) -> None:
        self.views: list[DeviceView] = []
        self.scans: list[tuple[str, object]] = []
        self._cond = threading.Condition()

    def status(self, view: DeviceView) -> None:
        with self._cond:
            self.views.append(view)
            self._cond.notify_all()

    def scan(self, name: str, result: object) -> None:
        with self._cond:
            self.scans.append((name, result))
            self._cond.notify_all()

    def wait(self, predicate: Callable[[], bool], timeout_s: float = 10.0) -> None:
        """Until `predicate()` holds: woken by every change, and re-checked every 20 ms for conditions
        outside (bytes on a simulator's wire)."""
        deadline = time.monotonic() + timeout_s
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                assert left > 0, "the devices did not get there in time"
                self._cond.wait(min(left, 0.02))

    def states(self, name: str) -> list[str]:
        return [v.status.state.value for v in self.views if v.name == name]


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[SimHub]:
    hub = SimHub(tmp_path / "sim", {k: DeviceConfig(kind=k) for k in SERIAL_KINDS})
    hub.start()
    yield hub
    hub.stop()


@pytest.fixture
def kiosk_log(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.INFO, logger=LOGGER_NAME)
    return caplog


def events(caplog: pytest.LogCaptureFixture, name: str) -> list[dict]:
    """Events named `name` logged so far, including while the fixtures started the devices."""
    records = caplog.get_records("setup") + caplog.records
    return [r.kiosk_event for r in records if getattr(r, "kiosk_event", {}).get("event") == name]


@pytest.fixture
def devices(hub: SimHub, kiosk_log: pytest.LogCaptureFixture) -> Iterator[tuple[DeviceManager, Seen]]:
    manager = DeviceManager({k: DeviceConfig(kind=k) for k in SERIAL_KINDS}, sim_dir=hub.folder,
                            poll_s=0.05, scanner_poll_s=0.01)
    seen = Seen()
    manager.on_status(seen.status)
    manager.on_scan(seen.scan)
    manager.start()
    yield manager, seen
    manager.stop()
