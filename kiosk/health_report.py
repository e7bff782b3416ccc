"""The running kiosk says it is healthy: <data dir>/health.json {version, pid, at}.

Written once the first frame is on screen and the devices and the sync agent have started (the end of
`kiosk run`'s start-up). After an update, root's `kiosk update apply` waits for this report from the new
version; none within its time limit and the previous version is installed again (kiosk/update/apply.py).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from kiosk import __version__
from kiosk.log import log_event
from kiosk.update.state import HEALTH, write_atomic


def report_healthy(data_dir: Path, *, version: str = __version__) -> None:
    """Write the report (0644: root reads it); a failure to write is logged, never raised into start-up."""
    path = Path(data_dir) / HEALTH
    try:
        write_atomic(path, json.dumps({"version": version, "pid": os.getpid(), "at": time.time()}) + "\n",
                     mode=0o644)
    except OSError as e:
        log_event("update.health_unwritten", path=str(path), error=type(e).__name__)
        return
    log_event("update.health_reported", version=version)
