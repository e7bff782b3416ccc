"""Receiving from terminals: event batches (per-item results, Idempotency-Key) and resumable blob uploads.

A batch answer lists every event with one status: "stored" (new), "duplicate" (this terminal sent this id
before: already stored), "rejected" (never acceptable as sent: the terminal dead-letters it), or "retry"
(not now, e.g. a blob it refers to has not arrived). Uniqueness per (terminal, event id) is a primary key,
so a batch repeated after a lost answer stores nothing twice. The same Idempotency-Key with the same body
replays the first answer; with another body it is refused. A new "pickup" event (a document collected from
the locker wall) marks its pickup record collected (applications.py).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import zlib
from typing import Any

from flask import Blueprint, Response, request

from sync.central.applications import mark_collected
from sync.central.context import TOKEN, central, fail, idempotency_key, terminal
from sync.db import iso

bp = Blueprint("ingest", __name__)
STREAM = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_EVENT_BYTES = 1 << 20


def _body() -> bytes:
    limit = central().max_batch_bytes
    raw = request.get_data(cache=False)
    if request.headers.get("Content-Encoding", "identity") == "gzip":
        try:
            decompressor = zlib.decompressobj(wbits=31)
            raw = decompressor.decompress(raw, limit + 1)
            if len(raw) > limit or not decompressor.eof:
                fail(413, "batch.too_large", f"a batch may hold at most {limit} bytes uncompressed")
        except zlib.error:
            fail(400, "batch.malformed", "the body is not valid gzip")
    if len(raw) > limit:
        fail(413, "batch.too_large", f"a batch may hold at most {limit} bytes")
    return raw


def _unicode(text: str) -> bool:
    """False for text that cannot be stored as UTF-8: JSON may carry lone surrogates ("\\ud800")."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check(item: Any, payload_text: str, rules: dict[str, tuple[str, str]], conn: sqlite3.Connection
           ) -> tuple[str, str, str] | None:
    """(status, code, reason) for an event that cannot be stored now; None if it can."""
    if not isinstance(item, dict) or not TOKEN.match(str(item.get("id", ""))):
        return "rejected", "event.bad_id", "the event has no valid id"
    if not STREAM.match(str(item.get("stream", ""))):
        return "rejected", "event.bad_stream", "stream must be a dotted lower-case name"
    if not isinstance(item.get("payload"), dict):
        return "rejected", "event.bad_payload", "payload must be a JSON object"
    if not isinstance(item.get("created_at"), str) or not _unicode(item["created_at"]):
        return "rejected", "event.bad_time", "created_at must be an ISO-8601 time"
    if not _unicode(payload_text):
        return "rejected", "event.bad_payload", "payload text must be valid Unicode"
    if len(payload_text) > MAX_EVENT_BYTES:
        return "rejected", "event.too_large", f"an event's payload may hold at most {MAX_EVENT_BYTES} bytes"
    if item["id"] in rules:
        return "rejected", *rules[item["id"]]
    blobs = item.get("blobs", {})
    if not isinstance(blobs, dict) or not all(isinstance(v, str) and SHA256.match(v) for v in blobs.values()):
        return "rejected", "event.bad_blobs", "blobs must map names to SHA-256 hex digests"
    for digest in blobs.values():
        if not conn.execute("SELECT 1 FROM blobs WHERE sha256 = ? AND complete = 1", (digest,)).fetchone():
            return "retry", "blob.missing", f"blob {digest} has not been uploaded completely"
    return None


@bp.post("/v1/batches")
def submit_batch() -> Response:
    who, key = terminal(), idempotency_key()
    raw = _body()
    digest = hashlib.sha256(raw).hexdigest()
    ctx = central()
    with ctx.db.write() as conn:
        seen = conn.execute("SELECT request_sha256, status, response FROM idempotency WHERE terminal = ? "
                            "AND key = ?", (who, key)).fetchone()
        if seen and seen[0] != digest:
            fail(422, "request.idempotency_key_reused", "this Idempotency-Key came with another body")
        if seen:
            return Response(seen[2], seen[1], {"Idempotent-Replayed": "true"}, mimetype="application/json")
        try:
            events = json.loads(raw)["events"]
            if not isinstance(events, list):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            fail(400, "batch.malformed", 'the body must be {"events": [...]}')
        now = iso(ctx.clock())
        results = []
        rules = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT event_id, code, reason FROM reject_rules")}
        for item in events:
            payload = item.get("payload") if isinstance(item, dict) else None
            payload_text = json.dumps(payload, ensure_ascii=False) if isinstance(payload, dict) else ""
            problem = _check(item, payload_text, rules, conn)
            event_id = str(item.get("id", ""))[:64] if isinstance(item, dict) else ""
            if problem:
                results.append({"id": event_id, "status": problem[0], "code": problem[1], "reason": problem[2]})
                continue
            stored = conn.execute(
                "INSERT OR IGNORE INTO events (terminal, id, stream, created_at, received_at, payload, blobs) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (who, event_id, item["stream"], item["created_at"], now, payload_text,
                 json.dumps(item.get("blobs", {})))).rowcount
            if stored and item["stream"] == "pickup":
                mark_collected(conn, ctx, who, payload)
            results.append({"id": event_id, "status": "stored" if stored else "duplicate"})
        body = json.dumps({"results": results}).encode()
        conn.execute("INSERT INTO idempotency (terminal, key, request_sha256, status, response, created_at) "
                     "VALUES (?, ?, ?, 200, ?, ?)", (who, key, digest, body, now))
    return Response(body, 200, mimetype="application/json")


def blob_bytes(conn: sqlite3.Connection, digest: str) -> bytes:
    return b"".join(bytes(r[0]) for r in conn.execute(
        "SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY offset", (digest,)))


def _offset_headers(offset: int, complete: bool) -> dict[str, str]:
    return {"Upload-Offset": str(offset), "Upload-Complete": "true" if complete else "false"}


@bp.route("/v1/blobs/<digest>", methods=["HEAD"])
def blob_offset(digest: str) -> Response:
    terminal()
    row = central().db.read(lambda c: c.execute(
        "SELECT received, complete FROM blobs WHERE sha256 = ?", (digest,)).fetchone())
    if row is None:
        return Response(status=404, headers=_offset_headers(0, False))
    return Response(status=200, headers=_offset_headers(row[0], bool(row[1])))


@bp.put("/v1/blobs/<digest>")
def blob_put(digest: str) -> Response:
    """Content-Range: bytes START-END/TOTAL. START must be where the server is; a gap or overlap is a 409
    telling the client the right offset. The whole blob's SHA-256 is checked when the last byte arrives."""
    terminal()
    if not SHA256.match(digest):
        fail(400, "blob.bad_digest", "address a blob by the lower-case hex SHA-256 of its content")
    match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", request.headers.get("Content-Range", ""))
    chunk = request.get_data(cache=False)
    if not match:
        fail(400, "blob.bad_range", "send Content-Range: bytes START-END/TOTAL")
    start, end, total = (int(g) for g in match.groups())
    if total > central().max_blob_bytes:
        fail(413, "blob.too_large", f"a blob may hold at most {central().max_blob_bytes} bytes")
    if end - start + 1 != len(chunk) or end >= total:
        fail(400, "blob.bad_range", "Content-Range does not match the body")
    mismatch = False
    with central().db.write() as conn:
        row = conn.execute("SELECT received, complete, size FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
        offset, complete = (row[0], bool(row[1])) if row else (0, False)
        if complete:
            return Response(json.dumps({"offset": offset, "complete": True}), 200, _offset_headers(offset, True),
                            mimetype="application/json")
        if start != offset or (row and row[2] != total):
            fail(409, "blob.wrong_offset", f"the upload continues at byte {offset}", _offset_headers(offset, False))
        offset = start + len(chunk)
        conn.execute("INSERT INTO blob_chunks (sha256, offset, data) VALUES (?, ?, ?)", (digest, start, chunk))
        conn.execute("INSERT INTO blobs (sha256, size, received, complete) VALUES (?, ?, ?, 0) ON CONFLICT "
                     "(sha256) DO UPDATE SET received = excluded.received", (digest, total, offset))
        if offset == total:
            mismatch = hashlib.sha256(blob_bytes(conn, digest)).hexdigest() != digest
            if mismatch:
                conn.execute("DELETE FROM blobs WHERE sha256 = ?", (digest,))
                conn.execute("DELETE FROM blob_chunks WHERE sha256 = ?", (digest,))
            else:
                conn.execute("UPDATE blobs SET complete = 1 WHERE sha256 = ?", (digest,))
    if mismatch:
        fail(422, "blob.digest_mismatch", "the bytes received do not have this SHA-256; start again")
    done = offset == total
    return Response(json.dumps({"offset": offset, "complete": done}), 200, _offset_headers(offset, done),
                    mimetype="application/json")
