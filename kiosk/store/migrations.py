"""Schema migrations, in order: MIGRATIONS[0] takes a store from version 0 (empty) to 1, and so on.

To change the schema, append a function; never edit one that has shipped (terminals in the field ran it).
Each runs in its own transaction together with the `PRAGMA user_version` bump, so it happens entirely or
not at all. Write plain SQL, so what a migration does stays fixed whatever the library version.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlite_utils import Database

Migration = Callable[[Database], None]


def create_outbox_and_settings(db: Database) -> None:
    """1: the outbox of events waiting for the central platform, and key/value settings."""
    db.execute("""
        CREATE TABLE outbox (
            id TEXT PRIMARY KEY,         -- the event id, unique across terminals
            stream TEXT NOT NULL,        -- which kind of record, e.g. "application", "heartbeat"
            created_at TEXT NOT NULL,    -- ISO-8601 UTC
            payload BLOB NOT NULL,       -- the record, as the uploader sends it
            acked_at TEXT NULL           -- when the central platform acknowledged it; NULL while waiting
        )""")
    db.execute("CREATE INDEX outbox_stream_created_at ON outbox (stream, created_at)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)")


MIGRATIONS: Sequence[Migration] = (
    create_outbox_and_settings,
)
