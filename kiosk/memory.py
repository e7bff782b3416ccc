"""Give the heap's free pages back to the system between sessions.

A session allocates and frees large buffers on several threads: camera frames, face analysis, receipt
images. glibc's malloc keeps what was freed for reuse, and in a process that runs for months the unused part
grows in steps: `bench/soak.py` measured 61 MB over sessions 101 to 791 while tracemalloc found nothing
new held, and `malloc_trim(0)` then gave 56 MB back. It costs a few milliseconds, so the kiosk calls it once
after each session, on the attract screen. Most of what stayed was in the per-thread arenas glibc makes (up
to 8 per core): `limit_arenas()` makes the threads share two. Big blocks (camera frames, images, face
analysis) are mapped on their own and unmapped when freed: `keep_big_blocks_mapped()` stops glibc from raising its mapping threshold after the first such free (up to
32 MB), which would otherwise put every later frame in an arena between small blocks that outlive it.
`tune_malloc()`, called when the kiosk starts, does both. Where the C library is not glibc these do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from pathlib import Path

#: glibc's mallopt parameter for the number of malloc arenas (malloc.h M_ARENA_MAX)
M_ARENA_MAX = -8
#: glibc's mallopt parameter for the size from which malloc maps a block on its own (M_MMAP_THRESHOLD);
#: setting it also turns off glibc's raising of it
M_MMAP_THRESHOLD = -3
#: the kiosk's threshold: glibc's starting value, kept (a 640x480 frame is 900 KB, a 1080p one 6 MB)
MMAP_THRESHOLD = 128 * 1024
#: arenas the kiosk allows: its threads (camera, face, devices, sync) share two rather than each holding on
#: to a 64 MB arena of its own (glibc allows 8 per core), whose freed pieces a trim cannot all give back
ARENAS = 2


@cache
def _libc():
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


def _glibc(function: str):
    libc = _libc()
    return getattr(libc, function, None) if libc is not None else None  # None: not glibc


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Call first, before threads start: the threads then share `arenas` malloc arenas. False without glibc."""
    mallopt = _glibc("mallopt")
    return bool(mallopt and mallopt(M_ARENA_MAX, arenas) == 1)


def keep_big_blocks_mapped(threshold: int = MMAP_THRESHOLD) -> bool:
    """Call when the kiosk starts: blocks of `threshold` bytes and more are always mapped on their own and
    given back to the system when freed. False without glibc."""
    mallopt = _glibc("mallopt")
    return bool(mallopt and mallopt(M_MMAP_THRESHOLD, threshold) == 1)


def tune_malloc() -> None:
    """What the kiosk (and the soak, to measure it) sets once at start, before any thread: two shared arenas,
    big blocks mapped on their own."""
    limit_arenas()
    keep_big_blocks_mapped()


def resident_mb() -> float:
    """This process's resident memory, in MB (0.0 where /proc is not there)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def release_free_memory() -> tuple[float, float] | None:
    """Return the heap's free pages to the system: (resident MB before, after), or None without glibc."""
    trim = _glibc("malloc_trim")
    if trim is None:
        return None
    before = resident_mb()
    trim(0)
    return before, resident_mb()


class _MallInfo2(ctypes.Structure):
    """glibc's struct mallinfo2 (malloc.h, glibc 2.33 and later): every field a size_t."""

    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def memory_breakdown() -> dict[str, float]:
    """Where this process's memory is, in MB: resident anonymous and file-backed pages (/proc/self/status),
    and malloc's heap (glibc's mallinfo2: in use, free but kept, and the big blocks it mapped on its own).
    Fields that cannot be read here are left out. Over a soak they tell apart a heap that holds more, a
    heap that keeps more free, pages of mapped files (fonts, libraries) read in, and anonymous memory malloc
    does not know of (Qt's JavaScript heap maps its own)."""
    out: dict[str, float] = {}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("RssAnon", "RssFile", "RssShmem"):
                out[key.lower().replace("rss", "rss_") + "_mb"] = round(int(value.split()[0]) / 1024, 2)
    except (OSError, ValueError, IndexError):
        pass
    mallinfo2 = _glibc("mallinfo2")
    if mallinfo2 is not None:
        mallinfo2.restype = _MallInfo2
        info = mallinfo2()
        out["heap_in_use_mb"] = round((info.uordblks + info.hblkhd) / 2**20, 2)
        out["heap_free_mb"] = round(info.fordblks / 2**20, 2)
        out["heap_mapped_mb"] = round(info.hblkhd / 2**20, 2)
    return out
