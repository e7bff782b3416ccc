"""Applications, and the signed pickup records they lead to.

POST /v1/applications (Idempotency-Key): a terminal hands in a completed application. The platform answers
its application number and the pickup code the receipt prints as a QR code (signed with the pickup key,
pickup_codes.py); the same key again answers the same, however often. When the document is to be collected
from the terminal's locker wall (the record's "pickup" is not "post"), the platform also files a pickup
record for that terminal: the first free door of 1..locker_doors, signed, with the application photo (or
the registry's) for the face check at the locker. With every door taken, the application is still accepted,
with no door (a member of staff places the document later).

The terminal pulls its records ahead of time (GET /v1/pickups) and checks them offline with the key it
pinned from GET /v1/pickup-key. A "pickup" event from the terminal (the document was collected) frees the
door. Of an application's personal data the reference platform keeps only the ID number's digest and the
photo the face check at the locker needs; of the other fields it keeps the names.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import secrets
import sqlite3
from typing import Any

from flask import Blueprint, Response, jsonify, request

from sync.central.context import TOKEN, Central, central, fail, idempotency_key, json_body, terminal
from sync.central.pickup_codes import ID_NUMBER, id_digest, make_code, public_raw, sign_record
from sync.central.registry import MAX_PHOTO_BYTES
from sync.db import iso

bp = Blueprint("applications", __name__)
RECORD_COLUMNS = ("pickup_id", "receipt_code", "door", "service_id", "ready_at", "application_no", "id_digest",
                  "signature", "photo")


def _photo(record: dict[str, Any]) -> bytes | None:
    """The application photo: bytes travel as {"$b64": standard base64}."""
    value = record.get("photo")
    if value is None or value == "":
        return None
    if not (isinstance(value, dict) and set(value) == {"$b64"} and isinstance(value["$b64"], str)):
        fail(400, "application.bad_photo", 'photo must be {"$b64": base64 of the JPEG}')
    try:
        photo = base64.b64decode(value["$b64"], validate=True)
    except (binascii.Error, ValueError):
        fail(400, "application.bad_photo", "photo is not valid base64")
    if len(photo) > MAX_PHOTO_BYTES:
        fail(400, "application.bad_photo", f"photo may hold at most {MAX_PHOTO_BYTES >> 20} MiB")
    return photo or None


def free_door(conn: sqlite3.Connection, ctx: Central, who: str) -> int | None:
    used = {int(r[0]) for r in conn.execute("SELECT door FROM pickups WHERE terminal = ? AND collected_at IS NULL",
                                            (who,)) if str(r[0]).isdigit()}
    return next((n for n in range(1, ctx.locker_doors + 1) if n not in used), None)


def file_pickup(conn: sqlite3.Connection, ctx: Central, who: str, application_no: str, door: int, digest: str,
                service_id: str, photo: bytes | None) -> str:
    """A signed pickup record: the document of `application_no` waits behind `door` of terminal `who`."""
    pickup_id = "pk-" + secrets.token_hex(6)
    conn.execute(
        "INSERT INTO pickups (pickup_id, terminal, receipt_code, door, service_id, ready_at, application_no, "
        "id_digest, signature, photo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (pickup_id, who, application_no, str(door), service_id, iso(ctx.clock()), application_no, digest,
         sign_record(ctx.pickup_key, application_no, door, digest), photo))
    return pickup_id


def mark_collected(conn: sqlite3.Connection, ctx: Central, who: str, payload: Any) -> None:
    """A terminal reported a pickup: its record is no longer pulled, and the door is free again."""
    number = payload.get("application_no") if isinstance(payload, dict) else None
    if isinstance(number, str) and TOKEN.match(number):
        conn.execute("UPDATE pickups SET collected_at = ? WHERE terminal = ? AND application_no = ? AND "
                     "collected_at IS NULL", (iso(ctx.clock()), who, number))


@bp.post("/v1/applications")
def submit_application() -> Response:
    who, key, record = terminal(), idempotency_key(), json_body()
    ctx = central()
    with ctx.db.write() as conn:
        row = conn.execute("SELECT application_no, pickup_code, door FROM applications WHERE terminal = ? AND "
                           "idem_key = ?", (who, key)).fetchone()
        if row is None:
            row = _new_application(conn, ctx, who, key, record)
    return jsonify(application_no=row[0], pickup_code=row[1], door=row[2]), 201


def _new_application(conn: sqlite3.Connection, ctx: Central, who: str, key: str,
                     record: dict[str, Any]) -> tuple[str, str, int | None]:
    number = str(record.get("id_number", "")).upper()
    if not ID_NUMBER.match(number):
        fail(400, "application.bad_id_number", "id_number must be the applicant's ID number (18 characters)")
    service = str(record.get("service_id", ""))
    if not TOKEN.match(service):
        fail(400, "application.bad_service", "service_id must be a short token")
    photo = _photo(record) or ctx.registry.get(number)
    now = ctx.clock()
    seq = conn.execute("SELECT count(*) FROM applications").fetchone()[0] + 1
    application_no = f"A{now.year}{seq:05d}"
    digest = id_digest(number)
    code = make_code(ctx.pickup_key, application_no, digest, now.date().isoformat())
    door = free_door(conn, ctx, who) if record.get("pickup") != "post" else None
    if door is not None:
        file_pickup(conn, ctx, who, application_no, door, digest, service, photo)
    conn.execute("INSERT INTO applications (application_no, terminal, idem_key, service_id, id_digest, "
                 "pickup_code, door, fields, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (application_no, who, key, service, digest, code, door, json.dumps(sorted(map(str, record))),
                  iso(now)))
    return application_no, code, door


def _record_json(row: tuple) -> dict[str, Any]:
    record = dict(zip(RECORD_COLUMNS, row))
    for name in ("signature", "photo"):
        record[name] = base64.b64encode(bytes(record[name])).decode() if record[name] is not None else None
    return record


@bp.get("/v1/pickups")
def pickups() -> Response:
    who = terminal()
    rows = central().db.read(lambda c: c.execute(
        f"SELECT {', '.join(RECORD_COLUMNS)} FROM pickups WHERE terminal = ? AND collected_at IS NULL "
        "ORDER BY ready_at, pickup_id", (who,)).fetchall())
    body = json.dumps({"records": [_record_json(r) for r in rows]}).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if etag in request.headers.get("If-None-Match", ""):
        return Response(status=304, headers={"ETag": etag})
    return Response(body, 200, {"ETag": etag, "Cache-Control": "no-store"}, mimetype="application/json")


@bp.get("/v1/pickup-key")
def pickup_key() -> Response:
    """The Ed25519 public key that signs pickup codes and records (32 raw bytes, base64)."""
    raw = public_raw(central().pickup_key)
    return jsonify(algorithm="Ed25519", public_key=base64.b64encode(raw).decode())
