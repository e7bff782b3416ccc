"""One device's thread: opens its driver, polls it, and runs requests for it one at a time.

The worker is the only code that touches its driver, so the port is used by one thread and one request at
a time. Between requests it polls (status, hot-plug: a disconnected driver reopens its port when its backoff
is due). A scanner is polled continuously, and each code it reads goes to `on_scan`.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from drivers.errors import Failure, register
from drivers.status import Capabilities, State, Status

register({"device.misconfigured": "The device's configuration cannot be used by its driver."})

Job = Callable[[Any], Any]
StatusListener = Callable[[str, Capabilities, Status, Status], None]  # name, capabilities, old, new
ScanListener = Callable[[str, Any], None]  # name, Result[str]

_STOP = object()


class DeviceWorker:
    def __init__(self, name: str, kind: str, make_driver: Callable[[], Any], *, poll_s: float,
                 on_status: StatusListener, on_scan: ScanListener | None = None) -> None:
        self.name, self.kind = name, kind
        self._make_driver = make_driver
        self._poll_s = poll_s
        self._on_status = on_status
        self._on_scan = on_scan
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=f"device-{name}", daemon=True)
        self.driver: Any = None
        self.capabilities = Capabilities(kind)
        self.status = Status(State.DISCONNECTED, "device.disconnected", "not opened yet")
        self.changed_at = time.time()  # when the status last changed, for "since" on the technician's board
        self.opened = threading.Event()  # set once the first open attempt has finished

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._jobs.put(_STOP)
        self._thread.join(timeout_s)

    def call(self, job: Job) -> Future:
        """Run `job(driver)` on the device's thread; the Future has its return value (or its exception)."""
        future: Future = Future()
        if not self._thread.is_alive() and self._thread.ident is not None:
            future.set_exception(RuntimeError(f"device {self.name} is stopped"))
        else:
            self._jobs.put((job, future))
        return future

    # ---- the thread -----------------------------------------------------------------------------

    def _run(self) -> None:
        try:
            self.driver = self._make_driver()
        except ValueError as e:  # a setting the driver refuses (a wall its board family cannot address)
            self._changed(self.capabilities, self.status,
                          Status(State.MAINTENANCE, "device.misconfigured", str(e)[:200]))
            self.opened.set()
            self._serve_without_driver()
            return
        self.capabilities = self.driver.tracker.capabilities
        self.driver.tracker.subscribe(self._changed)
        self.driver.open()
        self.opened.set()
        try:
            while True:
                try:
                    item = self._jobs.get(timeout=self._poll_s)
                except queue.Empty:
                    self._poll()
                    continue
                if item is _STOP:
                    return
                job, future = item
                if future.set_running_or_notify_cancel():
                    try:
                        future.set_result(job(self.driver))
                    except BaseException as e:  # noqa: BLE001 - handed to the caller, who decides
                        future.set_exception(e)
        finally:
            self.driver.close()

    def _poll(self) -> None:
        self.driver.poll()
        if self._on_scan is not None:
            while getattr(self.driver, "pending", 0):
                self._on_scan(self.name, self.driver.read_code(0))

    def _serve_without_driver(self) -> None:
        while (item := self._jobs.get()) is not _STOP:
            _job, future = item
            future.set_result(Failure("device.misconfigured", self.status.detail))

    def _changed(self, capabilities: Capabilities, old: Status, new: Status) -> None:
        self.capabilities, self.status, self.changed_at = capabilities, new, time.time()
        self._on_status(self.name, capabilities, old, new)
