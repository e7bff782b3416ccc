"""Between sessions the kiosk hands the heap's free pages back to the system (kiosk/memory.py)."""

from kiosk.memory import release_free_memory, resident_mb


def test_memory_a_session_freed_goes_back_to_the_system():
    # 200 MB in blocks malloc keeps on its heap (below the size it would map separately); the last one
    # stays, so the heap cannot simply shrink from its end: only a trim returns the pages in between.
    blocks = [bytearray(100_000) for _ in range(2000)]
    kept = blocks[-1]
    grown = resident_mb()
    del blocks
    before, after = release_free_memory()
    assert before >= grown - 20  # freeing alone gave (almost) nothing back
    assert before - after > 150
    assert len(kept) == 100_000


def test_threads_share_two_arenas_once_the_kiosk_limits_them():
    import subprocess
    import sys

    # A fresh process: eight threads each allocate, and the number of 64 MB-aligned arenas is counted.
    script = """
import threading, sys
from kiosk.memory import limit_arenas
if sys.argv[1] == "limit":
    assert limit_arenas()
def work():
    blocks = [bytearray(50_000) for _ in range(200)]
    barrier.wait()
barrier = threading.Barrier(8)
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
arenas = sum(1 for line in open("/proc/self/maps")
             if int(line.split("-")[0], 16) % (64 << 20) == 0 and line.split()[5:] == [] and " rw-p " in line)
print(arenas)
"""
    counts = {mode: int(subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True,
                                       check=True).stdout) for mode in ("free", "limit")}
    assert counts["limit"] < counts["free"]
    assert counts["limit"] <= 2


def test_the_breakdown_sees_a_held_block_in_the_heap_and_in_anonymous_memory():
    from kiosk.memory import memory_breakdown

    before = memory_breakdown()
    held = bytearray(64 * 2**20)
    held[::4096] = b"x" * len(held[::4096])  # touch every page, so it is resident
    after = memory_breakdown()
    assert after["heap_in_use_mb"] - before["heap_in_use_mb"] >= 63
    assert after["rss_anon_mb"] - before["rss_anon_mb"] >= 63
    assert abs(after["rss_file_mb"] - before["rss_file_mb"]) < 16
    del held
    assert before["heap_in_use_mb"] - 1 <= memory_breakdown()["heap_in_use_mb"] < after["heap_in_use_mb"] - 60


def test_big_blocks_stay_mapped_after_the_first_is_freed_once_the_kiosk_says_so():
    import subprocess
    import sys

    # A fresh process frees a 4 MB block (a frame), then holds a 3 MB one: is it a block of its own, which
    # goes back to the system when freed, or in the heap between small blocks that may outlive it?
    script = """
import sys
from kiosk.memory import _MallInfo2, _glibc, keep_big_blocks_mapped
if sys.argv[1] == "keep":
    assert keep_big_blocks_mapped()
mallinfo2 = _glibc("mallinfo2")
mallinfo2.restype = _MallInfo2
frame = bytearray(4_000_000)
del frame
before = mallinfo2().hblkhd
frame = bytearray(3_000_000)
print(mallinfo2().hblkhd - before >= 3_000_000)
"""
    mapped = {mode: subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True,
                                   check=True).stdout.strip() for mode in ("glibc", "keep")}
    assert mapped == {"glibc": "False", "keep": "True"}
