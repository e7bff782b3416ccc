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
