"""The terminal's own figures for the technician: disk, memory, uptime, versions, clock and its offset from
the central platform (kiosk/diag/clock.py)."""

from __future__ import annotations

import os
import platform
import resource
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

from kiosk import __version__
from kiosk.diag.clock import platform_clock

#: Below this much free space on the store's disk the report fails (new sessions are refused at the same
#: point, so nothing a citizen finishes could be lost).
DISK_FREE_MIN_MB = 500


def _uptime_s() -> float | None:
    try:
        return float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def system_figures(data_dir: Path, started_monotonic: float | None = None) -> dict:
    try:
        usage = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.parent)
        disk = {"path": str(data_dir), "free_mb": usage.free // 2**20, "total_mb": usage.total // 2**20}
    except OSError as e:
        disk = {"path": str(data_dir), "error": e.strerror or type(e).__name__}
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            info = dict(line.split(":", 1) for line in f)
        memory = {"available_mb": int(info["MemAvailable"].split()[0]) // 1024,
                  "total_mb": int(info["MemTotal"].split()[0]) // 1024}
    except (OSError, KeyError, ValueError):
        memory = {}
    memory["process_max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    clock = platform_clock(data_dir)
    return {
        "software_version": __version__,
        "python": platform.python_version(),
        "host": platform.node(),
        "clock_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "system_uptime_s": _uptime_s(),
        "kiosk_uptime_s": None if started_monotonic is None else round(time.monotonic() - started_monotonic),
        "pid": os.getpid(),
        "disk": disk,
        "memory": memory,
        "disk_ok": disk.get("free_mb", 0) >= DISK_FREE_MIN_MB,
        "platform_clock": clock,
        "clock_ok": clock["ok"],
    }
