"""What the technician's board does with the devices, without Qt: rows, self-tests, the readiness report
(written as files to a folder or a USB stick, or printed on the receipt printer).

Self-tests and the report run on a small thread pool; each test waits there on its device's own thread
(DeviceManager.call), so the caller (the UI thread) never waits. Results come back through the `done`
callbacks, on a pool thread: the Qt adapter turns them into queued signals. Every self-test's result goes to
the fault log (kiosk/diag/faults.py) that the heartbeat carries to the central platform.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from drivers.errors import Failure, Ok, Result, register
from kiosk.config.schema import DeviceConfig
from kiosk.diag.faults import FAULTS, FaultLog
from kiosk.diag.outside import CameraBench, OutsideDevice
from kiosk.diag.report import build_report, run_self_test, testable_names
from kiosk.diag.selftests import SelfTest
from kiosk.diag.system import system_figures
from kiosk.maintenance import board
from kiosk.maintenance.readiness import write_report
from kiosk.maintenance.receipt import print_report

register({
    "maintenance.self_test_crashed": "The self-test stopped on an unexpected error in its driver.",
    "maintenance.no_printer": "No receipt printer is configured on this terminal.",
})

PRINT_TIMEOUT_S = 60.0
#: Every self-test at once (the readiness report): no door is opened, a reader without a card passes.
READINESS_OPTIONS = {"card_optional": True}

TestDone = Callable[[str, SelfTest], None]
ReportDone = Callable[[dict | None, Result], None]


def locker_doors(device: DeviceConfig) -> list[int]:
    """The door numbers of a configured locker wall (the default wall when none is configured)."""
    from drivers.locker.simulator import DEFAULT_WALL
    from drivers.locker.wall import LockerWall

    return sorted(d.number for d in LockerWall.from_dict(device.wall() or DEFAULT_WALL).doors)


def _crashed(e: BaseException) -> SelfTest:
    """A driver that raised: a failed test naming the exception's class, never its text (it may hold data)."""
    return SelfTest(False, f"the self-test stopped on {type(e).__name__}", "maintenance.self_test_crashed")


class Workbench:
    def __init__(self, configs: Mapping[str, DeviceConfig], *, terminal_id: str, data_dir: Path,
                 report_dir: Path, faults: FaultLog = FAULTS) -> None:
        self._configs, self._terminal_id = dict(configs), terminal_id
        self._data_dir, self.report_dir = data_dir, report_dir
        self._started = time.monotonic()  # the kiosk's start, for its uptime
        self._doors = {n: len(locker_doors(c)) for n, c in self._configs.items() if c.kind == "locker"}
        self.manager = None
        self.camera: CameraBench | None = None
        self.camera_name: str | None = None
        self.faults = faults
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="maintenance")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def attach_camera(self, camera, analyzer) -> None:
        """The running camera (a CaptureCamera) and the face models, for the camera's self-test."""
        name = next((n for n, c in self._configs.items() if c.kind == "camera"), None)
        if name is not None:
            self.camera, self.camera_name = CameraBench(camera, analyzer), name

    def outside(self) -> dict[str, OutsideDevice]:
        return {self.camera_name: self.camera.device()} if self.camera is not None and self.camera_name else {}

    def testable(self, name: str) -> bool:
        return name in testable_names(self._configs, self.manager, self.outside())

    def _test(self, name: str, options: Mapping[str, Any]) -> SelfTest:
        outside = self.outside()
        result = outside[name].test(options) if name in outside else run_self_test(self.manager, name, options)
        self.faults.record(name, result)
        return result

    def report(self, tests=(), options: Mapping[str, Any] | None = None) -> dict:
        """The diagnostics report (kiosk/diag/report.py), running the named self-tests first."""
        system = system_figures(self._data_dir, self._started)
        report = build_report(self._configs, self.manager, terminal_id=self._terminal_id, system=system,
                              tests=tests, options=options, outside=self.outside())
        for entry in report["devices"]:
            if entry["self_test"] is not None:
                t = entry["self_test"]
                self.faults.record(entry["name"], SelfTest(t["passed"], t["summary"], t["code"]))
        return report

    def rows(self, tests: Mapping[str, dict], running: set[str]) -> tuple[list[dict], dict]:
        """The board's device rows (with each one's last self-test) and the system figures."""
        report = self.report()
        testable = set(testable_names(self._configs, self.manager, self.outside()))
        rows = [board.row(e, test=tests.get(e["name"]), running=e["name"] in running,
                          doors=self._doors.get(e["name"], 0), testable=e["name"] in testable)
                for e in report["devices"]]
        return rows, board.system_values(report["system"])

    def run_test(self, name: str, options: Mapping[str, Any], done: TestDone) -> None:
        """Start `name`'s self-test; `done(name, SelfTest)` when it ends (not when the bench is closed)."""

        def finished(future: Future) -> None:
            if not future.cancelled():
                error = future.exception()
                done(name, _crashed(error) if error is not None else future.result())

        self._pool.submit(self._test, name, options).add_done_callback(finished)

    def _readiness(self) -> tuple[dict | None, Failure | None]:
        """Every self-test run (no door opened), as the report; or why it could not be made."""
        try:
            return self.report(testable_names(self._configs, self.manager, self.outside()), READINESS_OPTIONS), None
        except Exception as e:  # noqa: BLE001 (a driver's bug: the technician sees its class, not a hang)
            return None, Failure("maintenance.self_test_crashed", type(e).__name__)

    def _submit(self, make: Callable[[], tuple[dict | None, Result]], done: ReportDone) -> None:
        def finished(future: Future) -> None:
            if not future.cancelled():
                done(*future.result())

        self._pool.submit(make).add_done_callback(finished)

    def write_readiness(self, done: ReportDone, folder: Path | None = None) -> None:
        """Run every self-test, then write the report as JSON and HTML to `folder` (a USB stick; default the
        report folder); `done(report, Ok((json path, html path)) or Failure)`."""

        def make() -> tuple[dict | None, Result]:
            report, failure = self._readiness()
            if report is None:
                return None, failure
            return report, write_report(report, folder or self.report_dir)

        self._submit(make, done)

    def printer_name(self) -> str | None:
        return self.manager.first("printer") if self.manager is not None else None

    def print_readiness(self, done: ReportDone) -> None:
        """Run every self-test, then print the report on the receipt printer;
        `done(report, Ok(printer name) or Failure)` (the printer's own code when it cannot print)."""

        def make() -> tuple[dict | None, Result]:
            name = self.printer_name()
            if name is None:
                return None, Failure("maintenance.no_printer", "no printer in the configuration's devices")
            report, failure = self._readiness()
            if report is None:
                return None, failure
            try:
                printed = self.manager.call(name, lambda printer: print_report(printer, report)).result(
                    PRINT_TIMEOUT_S)
            except FutureTimeout:
                return report, Failure("device.timeout", f"{name}: the report did not print within "
                                                         f"{PRINT_TIMEOUT_S:g} s")
            except Exception as e:  # noqa: BLE001 (a driver's bug)
                return report, Failure("maintenance.self_test_crashed", type(e).__name__)
            return report, (Ok(name) if printed.ok else printed)

        self._submit(make, done)
