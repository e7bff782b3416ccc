"""Root's side of an update (`kiosk update apply`): check the request, keep the running version, install,
restart, wait for the new version's health report, roll back if none comes in time.

    apply_pending(ApplySettings(data_dir=..., keys=...)) -> Outcome | None (no request waiting)

The request is taken (deleted) first, so the path unit that started this does not start it again, whatever
happens next. Everything the kiosk user wrote is checked again here: the bundle's signature under the pinned
keys and that it is not older than one acted on before (a replayed bundle), the package on root's own copy
(size, SHA-256, its Package and Version fields). Only then is the running version kept as a package file
(the one `apply` installed last time, else dpkg-repack makes it) and the new one installed.

Healthy means: the kiosk wrote <data dir>/health.json naming the new version, after the restart began, from
a process still alive once the restart is over. A version that is not healthy in time, or that dpkg cannot
install, is replaced by the kept package and never tried again (state.rolled_back) until another is published.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from drivers.errors import Failure, register
from kiosk.log import log_event
from kiosk.update.download import check
from kiosk.update.dpkg import PACKAGE, Dpkg
from kiosk.update.release import KIND, Release, package_name, parse_release, parse_request
from kiosk.update.state import (
    REQUEST,
    STATE_DIR,
    UPDATES,
    Outcome,
    UpdateState,
    load_state,
    read_health,
    save_state,
)
from sync.bundles import verify_bundle
from sync.db import iso

register({
    "update.not_wanted": "The request names the running version, or one that was rolled back here before.",
    "update.not_healthy": "The new version did not report healthy in time; the previous one is back.",
    "update.package_missing": "The package the request names is not in the kiosk's updates folder.",
})

DEFAULT_RESTART = ("systemctl", "restart", "kiosk.service")


@dataclass(frozen=True)
class ApplySettings:
    data_dir: Path  # the kiosk's data folder (/var/lib/kiosk)
    keys: Sequence[Ed25519PublicKey]  # the pinned bundle keys
    state_dir: Path = STATE_DIR
    health_timeout_s: float = 180.0
    restart: Sequence[str] = DEFAULT_RESTART  # a command; in a chroot without systemd, another one
    poll_s: float = 0.5


def apply_pending(settings: ApplySettings, dpkg: Dpkg | None = None, clock: Callable[[], float] = time.time
                  ) -> Outcome | None:
    request_path = settings.data_dir / UPDATES / REQUEST
    try:
        text = request_path.read_text()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        text = f"unreadable: {type(e).__name__}"
    request_path.unlink(missing_ok=True)
    state = load_state(settings.state_dir)
    return _Run(settings, dpkg or Dpkg(), clock, state).apply(text)


class _Run:
    def __init__(self, settings: ApplySettings, dpkg: Dpkg, clock: Callable[[], float], state: UpdateState):
        self.s, self.dpkg, self.clock, self.state = settings, dpkg, clock, state
        self.installed = dpkg.installed_version()
        self.request_id, self.version = "", ""

    def apply(self, text: str) -> Outcome:
        release = self._checked_release(text)
        if isinstance(release, Failure):
            return self._finish("refused", release)
        self.version = release.version
        incoming = self._incoming_copy(release)
        if isinstance(incoming, Failure):
            return self._finish("refused", incoming)
        previous = self._keep_running_version()
        if isinstance(previous, Failure):
            return self._finish("refused", previous)
        log_event("update.apply_started", version=release.version, from_version=self.installed)
        installed = self.dpkg.install(incoming)
        if isinstance(installed, Failure):
            return self._roll_back(previous, installed)
        kept = self._installed_dir() / release.package
        os.replace(incoming, kept)
        since = self.clock()
        self._restart()
        if not self._healthy(release.version, since):
            return self._roll_back(previous, Failure("update.not_healthy",
                                                     f"no health report within {self.s.health_timeout_s:g} s"))
        for old in self._installed_dir().glob("*.deb"):
            if old not in (kept, previous):
                old.unlink()
        return self._finish("applied")

    def _checked_release(self, text: str) -> Release | Failure:
        request = parse_request(text)
        if isinstance(request, Failure):
            return request
        self.request_id = request.value.id
        checked = verify_bundle(request.value.bundle, kind=KIND, keys=self.s.keys,
                                now=datetime.min.replace(tzinfo=UTC),
                                trusted_version=self.state.bundle_version or None)
        if isinstance(checked, Failure):
            return checked
        release = parse_release(checked.value.content)
        if isinstance(release, Failure):
            return release
        if release.value is None or release.value.version == self.installed \
                or release.value.version in self.state.rolled_back:
            return Failure("update.not_wanted", f"installed {self.installed}; the bundle names "
                           f"{release.value.version if release.value else 'no package'}")
        self.state = replace(self.state, bundle_version=checked.value.version)
        return release.value

    def _incoming_copy(self, release: Release) -> Path | Failure:
        """Root's own copy of the package, which the kiosk user cannot change while it is checked and installed."""
        source = self.s.data_dir / UPDATES / release.package
        target = self.s.state_dir / "incoming" / release.package
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(source, os.O_RDONLY | os.O_NOFOLLOW)
        except OSError:
            return Failure("update.package_missing", f"{source}: not a regular file")
        with os.fdopen(fd, "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        checked = check(target, release)
        if isinstance(checked, Failure):
            return checked
        fields = self.dpkg.fields(target)
        if isinstance(fields, Failure) or fields.value != (PACKAGE, release.version):
            target.unlink()
            return Failure("update.bad_package", f"{release.package}: not {PACKAGE} {release.version}")
        return target

    def _installed_dir(self) -> Path:
        folder = self.s.state_dir / "installed"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder

    def _keep_running_version(self) -> Path | Failure:
        kept = self._installed_dir() / package_name(self.installed)
        if kept.exists():
            return kept
        work = self._installed_dir() / "repack"
        shutil.rmtree(work, ignore_errors=True)
        made = self.dpkg.repack(work)
        if isinstance(made, Failure):
            shutil.rmtree(work, ignore_errors=True)
            return made
        os.replace(made.value, kept)
        shutil.rmtree(work, ignore_errors=True)
        log_event("update.previous_kept", version=self.installed)
        return kept

    def _restart(self) -> None:
        done = subprocess.run(list(self.s.restart), capture_output=True, text=True, check=False,
                              stdin=subprocess.DEVNULL, timeout=300)
        if done.returncode != 0:
            log_event("update.restart_failed", exit_code=done.returncode)

    def _healthy(self, version: str, since: float) -> bool:
        deadline = time.monotonic() + self.s.health_timeout_s
        tick = threading.Event()
        while True:
            health = read_health(self.s.data_dir)
            if health and health.version == version and health.at >= since and _alive(health.pid):
                return True
            if time.monotonic() >= deadline:
                return False
            tick.wait(self.s.poll_s)

    def _roll_back(self, previous: Path, why: Failure) -> Outcome:
        self.state = replace(self.state, rolled_back=(*self.state.rolled_back, self.version)[-20:])
        back = self.dpkg.install(previous)
        self._restart()
        if isinstance(back, Failure):
            return self._finish("rollback_failed", back)
        return self._finish("rolled_back", why)

    def _finish(self, result: str, failure: Failure | None = None) -> Outcome:
        outcome = Outcome(self.request_id or "unknown", self.version, self.installed, result,
                          failure.code if failure else "", iso(datetime.fromtimestamp(self.clock(), UTC)))
        self.state = self.state.with_outcome(outcome)
        save_state(self.state, self.s.state_dir)
        fields = {"version": self.version, "from_version": self.installed}
        if failure is not None:
            fields.update(code=failure.code, detail=failure.detail)
        log_event(f"update.{result}", **fields)
        return outcome


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
