"""The outbox: records waiting for the central platform, written in the same transaction as the business
record they belong to, so either both exist or neither does.

    enqueue(db, stream=..., payload={...}, personal=True, sealer=s, blobs={"photo": jpeg}) -> event id

An event id is generated once, when the record is made, and travels with every retry; the central platform
keeps one copy per (terminal, event id). A personal payload is sealed (sync/sealing.py) before it touches
the file, bound to its event id; blobs (photos, fingerprint templates) are stored once per SHA-256 of their
content, sealed too when personal, and uploaded separately. Once the platform has acknowledged an event,
its personal payload and blobs are purged; rows the platform refused move to the dead-letter table.

The uploader reads the outbox in rowid order, which is the order of writing, so each stream stays in order.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sync.db import iso, raw, transaction, utc_now
from sync.sealing import VERSION as SEALED_MARK
from sync.sealing import Sealer

STREAM = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
EVENT_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
BLOB_NAME = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def new_event_id() -> str:
    return uuid.uuid4().hex


def payload_context(event_id: str) -> bytes:
    return b"outbox:" + event_id.encode()


def blob_context(sha256: str) -> bytes:
    return b"blob:" + sha256.encode()


def enqueue(db: Any, *, stream: str, payload: Mapping[str, Any], event_id: str | None = None,
            personal: bool = False, sealer: Sealer | None = None, blobs: Mapping[str, bytes] | None = None,
            now: datetime | None = None) -> str:
    """Add one event to the outbox and return its id.

    Joins the caller's open transaction (commit the business record and the event together); with none
    open it commits on its own. Enqueueing an id that is already there changes nothing (a step replayed
    after a crash does not make a second event). Wrong arguments are programming errors: ValueError.
    """
    event_id = event_id or new_event_id()
    if not EVENT_ID.match(event_id):
        raise ValueError(f"event id {event_id!r} is not 1-64 of A-Z a-z 0-9 _ . : -")
    if not STREAM.match(stream):
        raise ValueError(f"stream {stream!r} is not a dotted lower-case name")
    if personal and sealer is None:
        raise ValueError("a personal payload needs a Sealer: personal data is never stored in plaintext")
    try:
        body = json.dumps(dict(payload), ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()
    except (TypeError, ValueError) as e:
        raise ValueError(f"the payload of a {stream} event is not JSON ({type(e).__name__})") from None
    stored = sealer.seal(body, context=payload_context(event_id)) if personal and sealer else body
    for name in blobs or {}:
        if not BLOB_NAME.match(name):
            raise ValueError(f"blob name {name!r} is not a short lower-case name")
        if not (blobs or {})[name]:
            raise ValueError(f"blob {name!r} is empty")
    with transaction(db) as conn:
        cursor = conn.execute(
            "INSERT OR IGNORE INTO outbox (id, stream, created_at, payload, acked_at) VALUES (?, ?, ?, ?, NULL)",
            (event_id, stream, iso(now or utc_now()), stored))
        if cursor.rowcount == 0:
            return event_id
        for name, data in (blobs or {}).items():
            digest = hashlib.sha256(data).hexdigest()
            exists = conn.execute("SELECT 1 FROM outbox_blobs WHERE sha256 = ? AND length(data) > 0",
                                  (digest,)).fetchone()
            if not exists:
                sealed = sealer.seal(data, context=blob_context(digest)) if personal and sealer else data
                conn.execute("INSERT OR REPLACE INTO outbox_blobs (sha256, size, personal, data, uploaded_at) "
                             "VALUES (?, ?, ?, ?, NULL)", (digest, len(data), int(personal), sealed))
            conn.execute("INSERT INTO outbox_blob_refs (event_id, name, sha256) VALUES (?, ?, ?)",
                         (event_id, name, digest))
    return event_id


@dataclass(frozen=True)
class OutboxEvent:
    """One waiting event as stored. `stored` is JSON or a sealed token; repr never shows it."""

    rowid: int
    id: str
    stream: str
    created_at: str
    stored: bytes = field(repr=False)
    blobs: Mapping[str, str] = field(default_factory=dict)  # name -> sha256

    @property
    def sealed(self) -> bool:
        return self.stored[:1] == SEALED_MARK

    def payload(self, sealer: Sealer | None) -> dict[str, Any]:
        """The payload as the central platform receives it. Raises SealError if a sealed one will not open."""
        if self.sealed:
            if sealer is None:
                raise ValueError(f"event {self.id} is sealed and no Sealer was given")
            return json.loads(sealer.open(self.stored, context=payload_context(self.id)))
        return json.loads(self.stored)


def waiting(db: Any, *, after_rowid: int = 0, max_events: int = 500, max_bytes: int = 1 << 20
            ) -> list[OutboxEvent]:
    """The oldest waiting events after `after_rowid`, at most `max_events` and about `max_bytes` (at least one)."""
    conn = raw(db)
    rows = conn.execute(
        "SELECT rowid, id, stream, created_at, payload FROM outbox WHERE rowid > ? AND acked_at IS NULL "
        "ORDER BY rowid LIMIT ?", (after_rowid, max_events)).fetchall()
    events: list[OutboxEvent] = []
    total = 0
    for rowid, event_id, stream, created_at, stored in rows:
        total += len(stored) + 200
        if events and total > max_bytes:
            break
        events.append(OutboxEvent(rowid, event_id, stream, created_at, bytes(stored)))
    if not events:
        return events
    refs: dict[str, dict[str, str]] = {}
    marks = ",".join("?" * len(events))
    for event_id, name, digest in conn.execute(
            f"SELECT event_id, name, sha256 FROM outbox_blob_refs WHERE event_id IN ({marks})",
            [e.id for e in events]):
        refs.setdefault(event_id, {})[name] = digest
    return [OutboxEvent(e.rowid, e.id, e.stream, e.created_at, e.stored, refs.get(e.id, {})) for e in events]


def blobs_to_upload(db: Any, events: list[OutboxEvent]) -> list[str]:
    """SHA-256 of the blobs these events need that the central platform has not confirmed yet."""
    wanted = sorted({digest for e in events for digest in e.blobs.values()})
    if not wanted:
        return []
    marks = ",".join("?" * len(wanted))
    return [row[0] for row in raw(db).execute(
        f"SELECT sha256 FROM outbox_blobs WHERE uploaded_at IS NULL AND sha256 IN ({marks}) ORDER BY sha256",
        wanted)]


def blob_data(db: Any, digest: str, sealer: Sealer | None) -> bytes:
    row = raw(db).execute("SELECT personal, data FROM outbox_blobs WHERE sha256 = ?",
                                       (digest,)).fetchone()
    if row is None:
        raise KeyError(digest)
    personal, data = row
    if personal:
        if sealer is None:
            raise ValueError(f"blob {digest} is sealed and no Sealer was given")
        return sealer.open(bytes(data), context=blob_context(digest))
    return bytes(data)


def mark_blob_uploaded(db: Any, digest: str, now: datetime) -> None:
    with transaction(db) as conn:
        conn.execute("UPDATE outbox_blobs SET uploaded_at = ? WHERE sha256 = ?", (iso(now), digest))


def forget_blob_upload(db: Any, digest: str) -> None:
    """The platform says it lacks this blob after all: upload it again."""
    with transaction(db) as conn:
        conn.execute("UPDATE outbox_blobs SET uploaded_at = NULL WHERE sha256 = ?", (digest,))


def acknowledge(conn: sqlite3.Connection, event_ids: list[str], now: datetime) -> None:
    """Mark events acknowledged (inside the caller's transaction) and purge what was personal in them."""
    if not event_ids:
        return
    stamp = iso(now)
    conn.executemany(
        "UPDATE outbox SET acked_at = ?, payload = CASE WHEN substr(payload, 1, 1) = ? THEN x'' "
        "ELSE payload END WHERE id = ? AND acked_at IS NULL",
        [(stamp, SEALED_MARK, event_id) for event_id in event_ids])
    conn.executemany("DELETE FROM outbox_blob_refs WHERE event_id = ?", [(e,) for e in event_ids])
    conn.execute("DELETE FROM outbox_blobs WHERE sha256 NOT IN (SELECT sha256 FROM outbox_blob_refs)")


def dead_letter(conn: sqlite3.Connection, event_id: str, code: str, reason: str, now: datetime) -> None:
    """Move a refused event to the dead-letter table (inside the caller's transaction); its blobs stay."""
    conn.execute(
        "INSERT OR REPLACE INTO outbox_dead (id, stream, created_at, payload, personal, dead_at, code, reason) "
        "SELECT id, stream, created_at, payload, substr(payload, 1, 1) = ?, ?, ?, ? FROM outbox WHERE id = ?",
        (SEALED_MARK, iso(now), code, reason[:500], event_id))
    conn.execute("DELETE FROM outbox WHERE id = ?", (event_id,))


def requeue_dead(db: Any, event_id: str) -> bool:
    """Put a dead letter back at the end of the outbox (after the platform or the record was fixed)."""
    with transaction(db) as conn:
        moved = conn.execute(
            "INSERT INTO outbox (id, stream, created_at, payload, acked_at) "
            "SELECT id, stream, created_at, payload, NULL FROM outbox_dead WHERE id = ?", (event_id,)).rowcount
        conn.execute("DELETE FROM outbox_dead WHERE id = ?", (event_id,))
    return moved == 1


def prune_acknowledged(db: Any, older_than: datetime) -> int:
    """Forget acknowledged events acknowledged before `older_than`; returns how many."""
    with transaction(db) as conn:
        return conn.execute("DELETE FROM outbox WHERE acked_at IS NOT NULL AND acked_at < ?",
                            (iso(older_than),)).rowcount
