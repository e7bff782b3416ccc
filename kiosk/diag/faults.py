"""Faults found by self-tests, kept until the device passes again, for the heartbeat to the platform.

A device's status says what it reports by itself (a printer out of paper); some faults show only when the
device is made to act, such as a locker door that stays shut when its lock fires. The last failed self-test
of each device is kept here (in memory, for the life of the process: the next self-test after a restart
finds it again), so the central platform sees it in the heartbeat. A passing self-test of the device
clears it. Thread-safe: self-tests end on the maintenance and diagnostics threads, heartbeats read it on
the sync agent's.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from kiosk.diag.selftests import SelfTest


class FaultLog:
    def __init__(self, wall_clock: Callable[[], float] = time.time) -> None:
        self._lock = threading.Lock()
        self._faults: dict[str, dict[str, Any]] = {}
        self._listeners: list[Callable[[], None]] = []
        self._wall = wall_clock

    def on_change(self, listener: Callable[[], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def record(self, device: str, result: SelfTest) -> None:
        """A self-test of `device` ended: keep its failure, or forget the device's fault when it passed."""
        with self._lock:
            before = self._faults.get(device)
            if result.passed:
                self._faults.pop(device, None)
            else:
                self._faults[device] = {"code": result.code, "summary": result.summary, "at": round(self._wall())}
            changed = (before is None) != result.passed or (
                before is not None and before["code"] != result.code)
            listeners = list(self._listeners) if changed else []
        for listener in listeners:
            listener()

    def get(self, device: str) -> dict[str, Any] | None:
        with self._lock:
            fault = self._faults.get(device)
            return dict(fault) if fault else None

    def all(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            return {name: dict(f) for name, f in self._faults.items()}

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()


#: The kiosk process's faults: the maintenance screen and the diagnostics handle record, the heartbeat reads.
FAULTS = FaultLog()
