"""dpkg and apt as the tests use them: a package's fields, what a root has installed, installing a .deb."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from tests.packaging.debian_root import DebianRoot


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "--field", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def installed_version(root: DebianRoot) -> str | None:
    done = root.run(["dpkg-query", "-W", "-f=${Status} ${Version}", "kiosk"], check=False)
    words = done.stdout.split()
    return words[3] if done.returncode == 0 and words[:3] == ["install", "ok", "installed"] else None


def apt_install(root: DebianRoot, deb: Path, *extra: str) -> float:
    """Install a .deb with apt (dependencies from the archive); returns the seconds it took."""
    inside = root.copy_in(deb, f"tmp/{deb.name}")
    started = time.monotonic()
    root.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", *extra, inside])
    took = time.monotonic() - started
    root.run(["rm", "-f", inside])
    return took
