"""Is the central platform reachable, and how many records wait to be sent?

The probe runs on a worker thread (a hung network must never freeze the screen); its answer comes back to
the Qt thread as a queued signal. Until the sync agent lands, "online" means the central platform answered
`GET {url}/health` with 200 within the timeout, and "waiting" is the store's unacknowledged outbox rows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.log import log_event


def probe(url: str, timeout_s: float) -> bool:
    import requests  # imported here: it costs start-up time and only the worker thread needs it

    try:
        return requests.get(url.rstrip("/") + "/health", timeout=timeout_s).status_code == 200
    except requests.RequestException:
        return False


def pinned_probe(central) -> Callable[[str, float], bool]:
    """probe() through the sync transport (kiosk/sync_setup.py central_transport): the platform's CA pinned, this
    terminal's client certificate, no proxy or CA bundle from the environment, so "online" means what the sync
    agent will find."""
    transports: dict = {}

    def probe_pinned(url: str, timeout_s: float) -> bool:
        from kiosk.sync_setup import central_transport
        from sync.transport import HttpRequest, TransportError

        if url not in transports:
            transports[url] = central_transport(central, url)
        try:
            return transports[url].send(HttpRequest("GET", "/health"), timeout_s).status == 200
        except TransportError:
            return False

    return probe_pinned


class NetworkMonitor(QObject):
    changed = Signal(bool, int)  # online, waiting
    _probed = Signal(bool)

    def __init__(
        self,
        url: str,
        interval_s: float,
        timeout_s: float,
        waiting: Callable[[], int],
        prober: Callable[[str, float], bool] = probe,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._url, self._timeout_s = url, timeout_s
        self._waiting = waiting
        self._prober = prober
        self.online = False
        self.waiting = 0
        self._busy = False
        self._probed.connect(self._on_probed)
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self.check_now)

    def start(self) -> None:
        self._timer.start()
        self.check_now()

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        threading.Thread(target=self._run_probe, name="network-probe", daemon=True).start()

    def _run_probe(self) -> None:
        self._probed.emit(self._prober(self._url, self._timeout_s))

    def _on_probed(self, online: bool) -> None:
        self._busy = False
        waiting = self._waiting()
        if (online, waiting) != (self.online, self.waiting):
            self.online, self.waiting = online, waiting
            log_event("network.state_changed", online=online, waiting=waiting)
            self.changed.emit(online, waiting)
