"""DeviceManager: a worker per configured device, status changes logged once, a snapshot for screens."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drivers.status import Capabilities, Status
from kiosk.config.schema import DeviceConfig
from kiosk.devices import factory
from kiosk.devices.worker import DeviceWorker, Job, ScanListener
from kiosk.log import log_event

#: Seconds between status polls of an idle device; a scanner is read continuously.
POLL_S = 2.0
SCANNER_POLL_S = 0.05


@dataclass(frozen=True)
class DeviceView:
    """What a screen or a report shows about one device."""

    name: str
    kind: str
    driver: str
    port: str
    status: Status
    capabilities: Capabilities
    changed_at: float  # time.time() of the last status change


class DeviceManager:
    def __init__(self, devices: Mapping[str, DeviceConfig], *, sim_dir: Path, poll_s: float = POLL_S,
                 scanner_poll_s: float = SCANNER_POLL_S) -> None:
        self._configs = dict(devices)
        self._sim_dir = sim_dir
        self._lock = threading.Lock()
        self._status_listeners: list[Callable[[DeviceView], None]] = []
        self._scan_listeners: list[ScanListener] = []
        self.workers: dict[str, DeviceWorker] = {}
        for name, device in self._configs.items():
            if not factory.buildable(device):
                continue
            scanner = device.kind == "qr_scanner"
            self.workers[name] = DeviceWorker(
                name, device.kind, lambda n=name, d=device: factory.build(n, d, sim_dir),
                poll_s=scanner_poll_s if scanner else poll_s, on_status=self._status_changed,
                on_scan=self._scanned if scanner else None)

    def start(self) -> None:
        for worker in self.workers.values():
            worker.start()

    def stop(self) -> None:
        for worker in self.workers.values():
            worker.stop()

    def on_status(self, listener: Callable[[DeviceView], None]) -> None:
        """`listener(view)` on each status change, called on the device's thread."""
        with self._lock:
            self._status_listeners.append(listener)

    def on_scan(self, listener: ScanListener) -> None:
        """`listener(device name, Result[str])` for each code a scanner reads, on the scanner's thread."""
        with self._lock:
            self._scan_listeners.append(listener)

    def call(self, name: str, job: Job) -> Future:
        return self.workers[name].call(job)

    def first(self, kind: str) -> str | None:
        """The name of the first configured device of `kind` the kiosk drives, if any."""
        return next((n for n, w in self.workers.items() if w.kind == kind), None)

    def view(self, name: str) -> DeviceView:
        worker, device = self.workers[name], self._configs[name]
        driver = worker.driver  # capabilities grow while a device opens (serial number, firmware)
        capabilities = driver.tracker.capabilities if driver is not None else worker.capabilities
        return DeviceView(name, device.kind, device.driver, factory.port_of(name, device, self._sim_dir),
                          worker.status, capabilities, worker.changed_at)

    def snapshot(self) -> dict[str, DeviceView]:
        return {name: self.view(name) for name in self.workers}

    def _status_changed(self, name: str, capabilities: Capabilities, old: Status, new: Status) -> None:
        device = self._configs[name]
        log_event("device.status_changed", device=name, kind=device.kind,
                  port=factory.port_of(name, device, self._sim_dir), state=new.state.value, code=new.code,
                  previous=old.state.value, detail=new.detail)
        with self._lock:
            listeners = list(self._status_listeners)
        view = self.view(name)
        for listener in listeners:
            listener(view)

    def _scanned(self, name: str, result: Any) -> None:
        log_event("device.code_scanned", device=name, ok=result.ok, code=None if result.ok else result.code)
        with self._lock:
            listeners = list(self._scan_listeners)
        for listener in listeners:
            listener(name, result)
