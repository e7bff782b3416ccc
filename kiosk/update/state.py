"""The files updates are told through: root's state (what was applied, what was rolled back), the kiosk's
request, and the kiosk's health report.

    /var/lib/kiosk-update/          root's, 0755: the kiosk user reads it, cannot change it
        state.json                  UpdateState: outcomes, versions rolled back, the newest bundle version
        installed/                  the package of the running version and of the one before (for rollback)
        incoming/                   root's own copy of a package being checked and installed
    <data dir>/updates/             the kiosk user's: downloads, and request.json for root
    <data dir>/health.json          written by the running kiosk once it is up (kiosk/health_report.py)

Every write is a temporary file renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

STATE_DIR = Path("/var/lib/kiosk-update")
UPDATES = "updates"  # below the kiosk's data dir
REQUEST = "request.json"
HEALTH = "health.json"
#: Outcomes kept in state.json (the kiosk reports each once; older ones are dropped).
KEEP_RESULTS = 20


@dataclass(frozen=True)
class Outcome:
    """What became of one request. result: applied, rolled_back, refused or rollback_failed."""

    id: str
    version: str
    from_version: str
    result: str
    code: str = ""
    at: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "from_version": self.from_version,
                "result": self.result, "code": self.code, "at": self.at}


@dataclass(frozen=True)
class UpdateState:
    bundle_version: int = 0  # the newest software bundle root acted on: an older one is a replay
    rolled_back: tuple[str, ...] = ()  # versions that did not report healthy: never tried again
    results: tuple[Outcome, ...] = field(default=())

    def with_outcome(self, outcome: Outcome) -> UpdateState:
        return replace(self, results=(*self.results, outcome)[-KEEP_RESULTS:])


def load_state(state_dir: Path = STATE_DIR) -> UpdateState:
    """The state, or a fresh one if there is none yet (or it cannot be read: nothing then counts as done)."""
    try:
        body = json.loads((state_dir / "state.json").read_text())
        return UpdateState(int(body.get("bundle_version", 0)), tuple(str(v) for v in body.get("rolled_back", ())),
                           tuple(Outcome(**{k: str(r.get(k, "")) for k in Outcome.__dataclass_fields__})
                                 for r in body.get("results", ())))
    except (OSError, ValueError, TypeError, AttributeError):
        return UpdateState()


def save_state(state: UpdateState, state_dir: Path = STATE_DIR) -> None:
    write_atomic(state_dir / "state.json", json.dumps({
        "bundle_version": state.bundle_version, "rolled_back": list(state.rolled_back),
        "results": [r.to_dict() for r in state.results]}, indent=1) + "\n", mode=0o644)


def write_atomic(path: Path, text: str, mode: int = 0o600) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Health:
    version: str
    pid: int
    at: float  # seconds since the epoch


def read_health(data_dir: Path) -> Health | None:
    try:
        body: Any = json.loads((data_dir / HEALTH).read_text())
        return Health(str(body["version"]), int(body["pid"]), float(body["at"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None
