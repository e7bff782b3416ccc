"""Where a technician can take the readiness report away: removable media mounted on the terminal.

A USB stick is found the way desktop automounters leave it: a mount point under /media/<user>/..., /media/...
or /run/media/<user>/... that this process can write to. /proc/mounts (or the `mounts` text given) confirms
it is a mount point of its own, and /sys/block/<disk>/removable says a block device is removable when the
kernel knows. A folder configured as [maintenance] report_dir is always offered as well.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from drivers.errors import register

register({"maintenance.no_media": "No USB stick (or other removable medium) is mounted and writable."})

ROOTS = (Path("/media"), Path("/run/media"))
SYS_BLOCK = Path("/sys/block")


@dataclass(frozen=True)
class Medium:
    path: Path
    device: str       # /dev/sdb1, or "" when not known
    label: str        # the mount point's last part (usually the stick's volume label)


def _unescape(field: str) -> str:
    """/proc/mounts writes a space as \\040 (and tab, newline, backslash likewise)."""
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\")


def mount_points(mounts: str) -> dict[Path, str]:
    """Mount point -> its device, from the text of /proc/mounts."""
    found = {}
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            found[Path(_unescape(parts[1]))] = parts[0]
    return found


def _removable(device: str, sys_block: Path) -> bool | None:
    """True/False when /sys/block says so for `device` (/dev/sdb1 -> sdb), None when it cannot tell."""
    name = Path(device).name
    if not device.startswith("/dev/") or not name:
        return None
    disk = name.rstrip("0123456789")
    if disk.endswith("p") and disk[:-1].rstrip("0123456789") != disk[:-1]:  # nvme0n1p1, mmcblk0p1
        disk = disk[:-1]
    for candidate in (name, disk):
        flag = sys_block / candidate / "removable"
        try:
            return flag.read_text().strip() == "1"
        except OSError:
            continue
    return None


def _under_roots(path: Path, roots: Iterable[Path]) -> bool:
    return any(path != root and root in path.parents for root in roots)


def removable_media(*, mounts: str | None = None, roots: Iterable[Path] = ROOTS,
                    sys_block: Path = SYS_BLOCK) -> list[Medium]:
    """Writable mounted media under `roots`, by path; none is an empty list (the screen says so)."""
    roots = tuple(roots)
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            mounts = ""
    found = []
    for point, device in sorted(mount_points(mounts).items()):
        if not _under_roots(point, roots) or _removable(device, sys_block) is False:
            continue
        if point.is_dir() and os.access(point, os.W_OK | os.X_OK):
            found.append(Medium(point, device, point.name))
    return found
