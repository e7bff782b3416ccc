"""Is there room for another citizen's session? Checked before a session starts, never in the middle of one.

A session writes its records, photos and journal to the store; if the disk filled up half-way, a finished
application could fail to commit. So the kiosk refuses new sessions (with a clear screen, code
disk.nearly_full) while free space is below a floor: an absolute amount or a share of the disk, whichever
is larger.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sync.errors import Failure, Ok

DEFAULT_MIN_FREE_BYTES = 512 << 20
DEFAULT_MIN_FREE_RATIO = 0.05


@dataclass(frozen=True)
class DiskSpace:
    free_bytes: int
    total_bytes: int
    floor_bytes: int


def _statvfs(path: Path) -> tuple[int, int]:
    st = os.statvfs(path)
    return st.f_bavail * st.f_frsize, st.f_blocks * st.f_frsize


def room_for_session(path: Path, *, min_free_bytes: int = DEFAULT_MIN_FREE_BYTES,
                     min_free_ratio: float = DEFAULT_MIN_FREE_RATIO,
                     measure: Callable[[Path], tuple[int, int]] = _statvfs) -> Ok[DiskSpace] | Failure:
    """Ok(space) if a session may start on the disk holding `path`; Failure("disk.nearly_full") if not."""
    free, total = measure(Path(path))
    space = DiskSpace(free, total, max(min_free_bytes, int(total * min_free_ratio)))
    if free < space.floor_bytes:
        return Failure("disk.nearly_full", f"{free // (1 << 20)} MiB free on the disk of {path}, "
                                           f"{space.floor_bytes // (1 << 20)} MiB needed")
    return Ok(space)
