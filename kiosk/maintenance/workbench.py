"""What the technician's board does with the devices, without Qt: rows, self-tests, the readiness report.

Self-tests and the report run on a small thread pool; each test waits there on its device's own thread
(DeviceManager.call), so the caller (the UI thread) never waits. Results come back through the `done`
callbacks, on a pool thread: the Qt adapter turns them into queued signals.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from drivers.errors import Failure, Result, register
from kiosk.config.schema import DeviceConfig
from kiosk.diag.report import build_report, run_self_test
from kiosk.diag.selftests import SELF_TESTS, SelfTest
from kiosk.diag.system import system_figures
from kiosk.maintenance import board
from kiosk.maintenance.readiness import write_report

register({"maintenance.self_test_crashed": "The self-test stopped on an unexpected error in its driver."})

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
                 report_dir: Path) -> None:
        self._configs, self._terminal_id = dict(configs), terminal_id
        self._data_dir, self.report_dir = data_dir, report_dir
        self._started = time.monotonic()  # the kiosk's start, for its uptime
        self._doors = {n: len(locker_doors(c)) for n, c in self._configs.items() if c.kind == "locker"}
        self.manager = None
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="maintenance")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def testable(self, name: str) -> bool:
        workers = self.manager.workers if self.manager is not None else {}
        return name in workers and workers[name].kind in SELF_TESTS

    def report(self, tests=(), options: Mapping[str, Any] | None = None) -> dict:
        """The diagnostics report (kiosk/diag/report.py), running the named self-tests first."""
        system = system_figures(self._data_dir, self._started)
        if self.manager is None:  # no devices attached (a screenshot): the configuration alone
            entries = [{"name": n, "kind": c.kind, "driver": c.driver, "port": c.port or "", "managed": False,
                        "self_test": None, "state": None, "detail": "no driver in this version"}
                       for n, c in self._configs.items()]
            return {"ok": False, "devices": entries, "system": system, "terminal_id": self._terminal_id,
                    "generated_at": datetime.now(UTC).isoformat(timespec="seconds")}
        return build_report(self._configs, self.manager, terminal_id=self._terminal_id, system=system,
                            tests=tests, options=options)

    def rows(self, tests: Mapping[str, dict], running: set[str]) -> tuple[list[dict], dict]:
        """The board's device rows (with each one's last self-test) and the system figures."""
        report = self.report()
        rows = [board.row(e, test=tests.get(e["name"]), running=e["name"] in running,
                          doors=self._doors.get(e["name"], 0)) for e in report["devices"]]
        return rows, board.system_values(report["system"])

    def run_test(self, name: str, options: Mapping[str, Any], done: TestDone) -> None:
        """Start `name`'s self-test; `done(name, SelfTest)` when it ends (not when the bench is closed)."""

        def finished(future: Future) -> None:
            if not future.cancelled():
                error = future.exception()
                done(name, _crashed(error) if error is not None else future.result())

        self._pool.submit(run_self_test, self.manager, name, options).add_done_callback(finished)

    def write_readiness(self, done: ReportDone) -> None:
        """Run every self-test (no door is opened), then write the report as JSON and HTML;
        `done(report, Ok((json path, html path)) or Failure)`."""

        def make() -> tuple[dict | None, Result]:
            tests = [n for n in self._configs if self.testable(n)]
            try:
                report = self.report(tests)
            except Exception as e:  # noqa: BLE001 (a driver's bug: the technician sees its class, not a hang)
                return None, Failure("maintenance.self_test_crashed", type(e).__name__)
            return report, write_report(report, self.report_dir)

        def finished(future: Future) -> None:
            if not future.cancelled():
                done(*future.result())

        self._pool.submit(make).add_done_callback(finished)
