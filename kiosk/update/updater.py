"""The kiosk's updater: a thread of `kiosk run` that brings the published package and hands it to root.

    updater = Updater(store_path, data_dir, client, keys, hold=UiHold(...)).start(); ...; updater.stop()

Every `check_s` it reads the trusted "software" bundle (the sync agent pulls it with the others and checks
its signature), lets plan.py decide, fetches and checks the package (download.py), then waits for a pause
between sessions: it asks the UI every `idle_poll_s` until no citizen session and no maintenance session is
open, and the terminal is held out of service in the same breath (hold.py). Then it writes the request for
root and waits to be restarted by the installer; if root refuses, or nothing happens within
`handover_timeout_s`, the terminal goes back into service and the next check tries again.

At start it reports what became of earlier requests (report.py). Download failures are logged and tried
again at the next check; a package that does not match the signed bundle is deleted first.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from drivers.errors import Failure
from kiosk import __version__
from kiosk.update.download import CHUNK_BYTES, check, fetch
from kiosk.update.hold import Hold
from kiosk.update.plan import Step, decide, stale_files
from kiosk.update.release import KIND, Release, Request, parse_release
from kiosk.update.report import report_outcomes
from kiosk.update.state import REQUEST, STATE_DIR, UPDATES, load_state, write_atomic
from sync.client import CentralClient
from sync.db import connect, utc_now
from sync.pull import trusted


@dataclass(frozen=True)
class UpdaterSettings:
    first_check_s: float = 60.0  # after start: let the kiosk settle (and the agent pull) first
    check_s: float = 600.0
    idle_poll_s: float = 5.0  # how often to look for a pause between sessions
    handover_timeout_s: float = 900.0  # the installer should have restarted the kiosk by then
    chunk_bytes: int = CHUNK_BYTES


def _ignore(name: str, **fields: Any) -> None:
    pass


class Updater:
    def __init__(self, store_path: Path, data_dir: Path, client: CentralClient,
                 keys: Sequence[Ed25519PublicKey], *, hold: Hold, installed: str = __version__,
                 state_dir: Path = STATE_DIR, settings: UpdaterSettings = UpdaterSettings(),
                 clock: Callable[[], datetime] = utc_now, on_event: Callable[..., None] = _ignore) -> None:
        self.store_path, self.folder = Path(store_path), Path(data_dir) / UPDATES
        self.client, self.keys, self.hold = client, list(keys), hold
        self.installed, self.state_dir, self.settings = installed, state_dir, settings
        self.clock, self.on_event = clock, on_event
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._said: set[tuple[str, str]] = set()  # (event, version) logged once, not at every check

    def start(self) -> Updater:
        self._thread = threading.Thread(target=self._run, name="updater", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self) -> None:
        conn = connect(self.store_path, check_same_thread=False)
        try:
            report_outcomes(conn, self.on_event, self.state_dir)
            self._stop.wait(self.settings.first_check_s)
            while not self._stop.is_set():
                self.check(conn)
                self._stop.wait(self.settings.check_s)
        finally:
            conn.close()

    def check(self, conn: Any) -> Step:
        """One pass: what the bundle says, and acting on it (which may wait a long while for a pause)."""
        bundle = trusted(conn, KIND, self.keys, self.clock())
        parsed = parse_release(bundle.content) if bundle is not None else None
        if isinstance(parsed, Failure):
            self._once("update.bad_release", str(bundle.version if bundle else ""), code=parsed.code,
                       detail=parsed.detail)
            return Step.NOTHING_PUBLISHED
        release = parsed.value if parsed is not None else None
        self._clean(release)
        step = decide(release, installed=self.installed, rolled_back=load_state(self.state_dir).rolled_back,
                      verified=release is not None and (self.folder / release.package).exists())
        if release is None or bundle is None or step in (Step.NOTHING_PUBLISHED, Step.UP_TO_DATE):
            return step
        if step is Step.ROLLED_BACK_BEFORE:
            self._once("update.skipped", release.version)
            return step
        if step is Step.DOWNLOAD:
            self._once("update.available", release.version, from_version=self.installed)
        got = fetch(self.client, release, self.folder, chunk_bytes=self.settings.chunk_bytes)
        if isinstance(got, Failure):
            self.on_event("update.download_failed", version=release.version, code=got.code, detail=got.detail)
            return Step.DOWNLOAD
        self._once("update.downloaded", release.version, size=release.size)
        self._hand_over(conn, release, bundle.raw)
        return Step.HAND_OVER

    def _hand_over(self, conn: Any, release: Release, bundle: bytes) -> None:
        while not self.hold.try_hold():
            self._once("update.waiting_for_pause", release.version)
            if self._stop.wait(self.settings.idle_poll_s):
                return
        checked = check(self.folder / release.package, release)  # once more: nothing changed it meanwhile
        if isinstance(checked, Failure):
            self.hold.release()
            self.on_event("update.download_failed", version=release.version, code=checked.code,
                          detail=checked.detail)
            return
        request = Request(secrets.token_hex(8), bundle)
        request_path = self.folder / REQUEST
        write_atomic(request_path, request.to_json(), mode=0o644)
        self.on_event("update.handed_over", version=release.version, request_id=request.id)
        waited = 0.0
        while waited < self.settings.handover_timeout_s:
            if self._stop.wait(self.settings.idle_poll_s):
                return  # the kiosk is stopping: the installer's restart, most likely
            waited += self.settings.idle_poll_s
            if any(r.id == request.id for r in load_state(self.state_dir).results):
                # decided, and this process still runs: refused (or the restart is someone else's to do)
                self.hold.release()
                report_outcomes(conn, self.on_event, self.state_dir)
                return
        request_path.unlink(missing_ok=True)
        self.hold.release()
        self.on_event("update.handover_timeout", version=release.version)

    def _clean(self, release: Release | None) -> None:
        if self.folder.is_dir():
            for name in stale_files((p.name for p in self.folder.iterdir()), release):
                (self.folder / name).unlink(missing_ok=True)

    def _once(self, event: str, version: str, **fields: Any) -> None:
        if (event, version) not in self._said:
            self._said.add((event, version))
            self.on_event(event, version=version, **fields)
