"""Checking a SQLite file's integrity, and moving a damaged one aside without ever deleting or overwriting."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

#: SQLite primary result codes meaning the file itself is damaged or not a database at all.
_DAMAGED = {11: "SQLITE_CORRUPT", 26: "SQLITE_NOTADB"}
COMPANIONS = ("", "-wal", "-shm")


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """Whether `error` says the file is damaged (as opposed to locked, unreadable, full...)."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _DAMAGED


def inspect(path: Path, timeout_s: float) -> tuple[str | None, int]:
    """(None or SQLite's first complaint from `PRAGMA integrity_check`, the file's user_version).

    Reads through a read-only connection, which never checkpoints a WAL into the file or deletes it, so a
    damaged store is moved to quarantine exactly as it was found. Errors other than damage are raised.
    """
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=timeout_s)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
        first = str(rows[0][0]) if rows else "no answer"
        if first != "ok":
            return first, 0
        return None, conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as e:
        if is_damage(e):
            return str(e), 0
        raise
    finally:
        conn.close()


def quarantine(db_path: Path, when: datetime) -> Path:
    """Move `db_path` and its -wal/-shm files to quarantine/kiosk-<UTC time>.db beside it; return its path.

    A naive `when` is taken as UTC. An existing quarantined file is never replaced: -2, -3... are added.
    """
    folder = db_path.parent / "quarantine"
    folder.mkdir(mode=0o700, exist_ok=True)
    stamp = (when.astimezone(UTC) if when.tzinfo else when).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"{db_path.stem}-{stamp}{db_path.suffix}"
    n = 1
    while any(_with(target, c).exists() for c in COMPANIONS):
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}{db_path.suffix}"
    for companion in COMPANIONS:
        if _with(db_path, companion).exists():
            _move_no_replace(_with(db_path, companion), _with(target, companion))
    return target


def _with(path: Path, companion: str) -> Path:
    return path.with_name(path.name + companion)


def _move_no_replace(source: Path, target: Path) -> None:
    """Rename that refuses to replace an existing file (a hard link is atomic about that)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)
