"""Opening the kiosk's store from a sync thread or process: its own connection, the store's pragmas.

The store itself (migrations, integrity check, quarantine) belongs to the kiosk; the agent only opens the
file the kiosk already prepared, with the same durability (WAL, synchronous=FULL) and a busy timeout so
it waits for, rather than fails against, the kiosk's writes. Functions here accept a plain sqlite3
connection or a sqlite-utils Database, whichever the caller holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BUSY_TIMEOUT_S = 5.0


def connect(path: Path, *, check_same_thread: bool = True) -> sqlite3.Connection:
    """A connection to an existing, migrated store file."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"The store {path} does not exist; the kiosk creates it when it starts.")
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=check_same_thread)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def raw(db: Any) -> sqlite3.Connection:
    """The sqlite3 connection behind `db` (a sqlite3.Connection or a sqlite-utils Database)."""
    return db if isinstance(db, sqlite3.Connection) else db.conn


@contextmanager
def transaction(db: Any) -> Iterator[sqlite3.Connection]:
    """Join the caller's open transaction, or run one of our own that commits (or rolls back) here."""
    conn = raw(db)
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def iso(moment: datetime) -> str:
    """ISO-8601 UTC with milliseconds and a Z, the one timestamp format of the outbox and the protocol."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)  # Python 3.11 reads the trailing Z


def utc_now() -> datetime:
    return datetime.now(UTC)


def get_setting(db: Any, key: str) -> str | None:
    row = raw(db).execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def put_settings(conn: sqlite3.Connection, values: dict[str, str | None]) -> None:
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?) "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value", list(values.items()))
