"""The reference central platform's SQLite file: what terminals sent, and the state of its simulated services.

One connection, one lock: the reference server is for development and tests, where correctness and a
readable file matter more than throughput. Every write commits before the HTTP answer is sent, so a
terminal that got an acknowledgement may rely on it (synchronous=FULL).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    terminal TEXT NOT NULL, id TEXT NOT NULL, stream TEXT NOT NULL, created_at TEXT NOT NULL,
    received_at TEXT NOT NULL, payload TEXT NOT NULL, blobs TEXT NOT NULL,
    PRIMARY KEY (terminal, id));
CREATE TABLE IF NOT EXISTS idempotency (
    terminal TEXT NOT NULL, key TEXT NOT NULL, request_sha256 TEXT NOT NULL, status INTEGER NOT NULL,
    response BLOB NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (terminal, key));
CREATE TABLE IF NOT EXISTS blobs (
    sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, received INTEGER NOT NULL, complete INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS blob_chunks (
    sha256 TEXT NOT NULL, offset INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (sha256, offset));
CREATE TABLE IF NOT EXISTS bundles (
    kind TEXT PRIMARY KEY, version INTEGER NOT NULL, content TEXT NOT NULL, raw BLOB NOT NULL,
    etag TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pickups (
    pickup_id TEXT PRIMARY KEY, terminal TEXT NOT NULL, receipt_code TEXT NOT NULL, door TEXT NOT NULL,
    service_id TEXT NOT NULL, ready_at TEXT NOT NULL, collected_at TEXT NULL);
CREATE TABLE IF NOT EXISTS payments (
    payment_id TEXT PRIMARY KEY, terminal TEXT NOT NULL, idem_key TEXT NOT NULL, amount_fen INTEGER NOT NULL,
    service_id TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
    UNIQUE (terminal, idem_key));
CREATE TABLE IF NOT EXISTS sms_challenges (
    challenge_id TEXT PRIMARY KEY, terminal TEXT NOT NULL, idem_key TEXT NOT NULL, phone_masked TEXT NOT NULL,
    code TEXT NOT NULL, attempts INTEGER NOT NULL, verified INTEGER NOT NULL, expires_at TEXT NOT NULL,
    UNIQUE (terminal, idem_key));
CREATE TABLE IF NOT EXISTS heartbeats (
    terminal TEXT PRIMARY KEY, at TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reject_rules (
    event_id TEXT PRIMARY KEY, code TEXT NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS applications (
    application_no TEXT PRIMARY KEY, terminal TEXT NOT NULL, idem_key TEXT NOT NULL, service_id TEXT NOT NULL,
    id_digest TEXT NOT NULL, pickup_code TEXT NOT NULL, door INTEGER NULL, fields TEXT NOT NULL,
    created_at TEXT NOT NULL, UNIQUE (terminal, idem_key));
CREATE TABLE IF NOT EXISTS control_settings (
    name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS enrol_tokens (
    token_sha256 TEXT PRIMARY KEY, terminal TEXT NOT NULL, hall_name_zh TEXT NOT NULL,
    hall_name_en TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT NULL,
    public_key_sha256 TEXT NULL, certificate TEXT NULL);
"""

#: Columns added after the first release of the reference server: (table, column, declaration). A file made
#: before gets them on open, so a developer's old central.db keeps working.
ADDED_COLUMNS = (
    ("pickups", "application_no", "TEXT NULL"),
    ("pickups", "id_digest", "TEXT NULL"),
    ("pickups", "signature", "BLOB NULL"),   # Ed25519 by the pickup key over the record's bytes
    ("pickups", "photo", "BLOB NULL"),       # the application photo, for the face check at the locker
    ("payments", "fate", "TEXT NULL"),       # set by /control/next-payments: how this payment will end
)


class CentralDb:
    """The server's connection, shared by its request threads under one lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._conn.executescript(SCHEMA)
        for table, column, declaration in ADDED_COLUMNS:
            known = {row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")}
            if column not in known:
                self._conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
        self._lock = threading.Lock()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed (and on disk) when the block ends."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        with self._lock:
            return query(self._conn)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
