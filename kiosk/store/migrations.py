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


def add_sync_tables(db: Database) -> None:
    """2: what the sync agent needs beside the outbox: blobs by SHA-256, dead letters, the last good signed
    bundle of each kind. An outbox payload is either JSON or a sealed token (sync/sealing.py), told apart
    by its first byte; the uploader walks the outbox in rowid order, which is the order of writing."""
    db.execute("""
        CREATE TABLE outbox_blobs (
            sha256 TEXT PRIMARY KEY,     -- of the plaintext; the address the central platform knows it by
            size INTEGER NOT NULL,       -- plaintext bytes
            personal INTEGER NOT NULL,   -- 1: data is sealed
            data BLOB NOT NULL,          -- emptied once every event that needs it was acknowledged
            uploaded_at TEXT NULL        -- when the central platform confirmed the whole blob
        )""")
    db.execute("""
        CREATE TABLE outbox_blob_refs (
            event_id TEXT NOT NULL,      -- an outbox (or dead-letter) event
            name TEXT NOT NULL,          -- what the blob is to the event, e.g. "photo"
            sha256 TEXT NOT NULL,
            PRIMARY KEY (event_id, name)
        )""")
    db.execute("CREATE INDEX outbox_blob_refs_sha256 ON outbox_blob_refs (sha256)")
    db.execute("""
        CREATE TABLE outbox_dead (
            id TEXT PRIMARY KEY,         -- the event, moved here from the outbox
            stream TEXT NOT NULL,
            created_at TEXT NOT NULL,
            payload BLOB NOT NULL,       -- as it was in the outbox (still sealed if personal)
            personal INTEGER NOT NULL,
            dead_at TEXT NOT NULL,
            code TEXT NOT NULL,          -- the central platform's reason code
            reason TEXT NOT NULL         -- its explanation, for a technician
        )""")
    db.execute("""
        CREATE TABLE sync_bundles (
            kind TEXT PRIMARY KEY,       -- "config", "catalogue", "definitions"
            version INTEGER NOT NULL,    -- never goes down
            etag TEXT NULL,
            raw BLOB NOT NULL,           -- the signed bundle exactly as received, verifiable again
            expires_at TEXT NOT NULL,
            accepted_at TEXT NOT NULL
        )""")


def create_flow_journal(db: Database) -> None:
    """3: the flow engine's journal (flows/journal.py): sessions, step results, side effects, pickups."""
    db.execute("""
        CREATE TABLE flow_sessions (
            id TEXT PRIMARY KEY,         -- the session id
            service_id TEXT NOT NULL,
            state TEXT NOT NULL,         -- running, done, failed, cancelled, timeout, interrupted
            completed INTEGER NOT NULL DEFAULT 0,  -- 1 once a step that delivers the service finished ok
            step_id TEXT NULL,           -- the step it was at last
            started_at TEXT NOT NULL,    -- ISO-8601 UTC
            ended_at TEXT NULL
        )""")
    db.execute("CREATE INDEX flow_sessions_state ON flow_sessions (state)")
    db.execute("""
        CREATE TABLE flow_steps (
            session_id TEXT NOT NULL REFERENCES flow_sessions (id),
            seq INTEGER NOT NULL,        -- 1, 2, 3 ... in the order the results happened
            step_id TEXT NOT NULL,
            outcome TEXT NOT NULL,
            attempt INTEGER NOT NULL,
            error TEXT NULL,             -- the flow code shown to the citizen
            detail TEXT NULL,            -- the device's own code, for technicians
            at TEXT NOT NULL,
            sealed BLOB NULL,            -- what the step captured: JSON sealed for flow_steps:<session>:<seq>
            PRIMARY KEY (session_id, seq)
        )""")
    db.execute("""
        CREATE TABLE flow_effects (
            key TEXT PRIMARY KEY,        -- the idempotency key: <session>.<step>.<n>
            session_id TEXT NOT NULL REFERENCES flow_sessions (id),
            step_id TEXT NOT NULL,
            kind TEXT NOT NULL,          -- payment, locker, print, submit, ticket, record
            state TEXT NOT NULL,         -- intended, done, failed, unknown
            meta TEXT NOT NULL,          -- JSON, no personal data (amount, door, template ...)
            result TEXT NULL,            -- JSON, no personal data (payment id and state, door shut ...)
            intended_at TEXT NOT NULL,
            finished_at TEXT NULL
        )""")
    db.execute("CREATE INDEX flow_effects_session ON flow_effects (session_id)")
    db.execute("""
        CREATE TABLE flow_pickups (
            application_no TEXT PRIMARY KEY,  -- a document handed out (or about to be): never a second time
            session_id TEXT NOT NULL,
            door INTEGER NULL,
            at TEXT NOT NULL
        )""")


MIGRATIONS: Sequence[Migration] = (
    create_outbox_and_settings,
    add_sync_tables,
    create_flow_journal,
)
