"""A new session is refused while the disk is nearly full (before anything could be lost)."""

from __future__ import annotations

from pathlib import Path

from sync.disk import room_for_session
from sync.errors import Failure, Ok

GIB = 1 << 30


def test_room_on_a_roomy_disk(tmp_path: Path) -> None:
    result = room_for_session(tmp_path, measure=lambda p: (40 * GIB, 64 * GIB))
    assert isinstance(result, Ok) and result.value.floor_bytes == int(64 * GIB * 0.05)


def test_nearly_full_disk_refuses_with_a_code_and_the_numbers(tmp_path: Path) -> None:
    result = room_for_session(tmp_path, measure=lambda p: (300 << 20, 64 * GIB))
    assert isinstance(result, Failure) and result.code == "disk.nearly_full"
    assert "300 MiB free" in result.detail and str(tmp_path) in result.detail


def test_small_disk_uses_the_absolute_floor(tmp_path: Path) -> None:
    assert isinstance(room_for_session(tmp_path, measure=lambda p: (400 << 20, 2 * GIB)), Failure)
    assert isinstance(room_for_session(tmp_path, measure=lambda p: (600 << 20, 2 * GIB)), Ok)


def test_the_real_disk_is_measured(tmp_path: Path) -> None:
    result = room_for_session(tmp_path, min_free_bytes=1, min_free_ratio=0.0)
    assert isinstance(result, Ok) and 0 < result.value.free_bytes <= result.value.total_bytes
