"""What terminals pull and ask for: signed bundles (ETag), pickup records, payments, SMS codes, heartbeat.

Payments and SMS are simulations with the shape of the real providers: a payment starts "pending" with a
QR text for the citizen's phone and ends "paid", "declined" or "expired" (its timeout, or a control call);
an SMS challenge holds a six-digit code that the citizen types back, five tries, ten minutes. Both take an
Idempotency-Key, so a terminal that retries after a lost answer gets the same payment or challenge.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import timedelta

from flask import Blueprint, Response, jsonify, request

from sync.bundles import sign_bundle
from sync.central.context import TOKEN, Central, central, fail, idempotency_key, json_body, terminal
from sync.db import iso, parse_iso

bp = Blueprint("services", __name__)
BUNDLE_KINDS = ("config", "catalogue", "definitions")
PAYMENT_STATES = ("pending", "paid", "declined", "expired")
SMS_TRIES, SMS_LIFETIME = 5, timedelta(minutes=10)


def publish_bundle(ctx: Central, kind: str, content: dict, version: int | None = None) -> int:
    """Sign `content` as the next version of `kind` (or as `version`, which tests use to stage a rollback)."""
    now = ctx.clock()
    with ctx.db.write() as conn:
        row = conn.execute("SELECT version FROM bundles WHERE kind = ?", (kind,)).fetchone()
        version = version if version is not None else (row[0] + 1 if row else 1)
        raw = sign_bundle(ctx.signing_key, kind=kind, version=version, content=content, issued_at=now,
                          expires_at=now + timedelta(seconds=ctx.bundle_lifetime_s))
        etag = '"' + hashlib.sha256(raw).hexdigest()[:32] + '"'
        conn.execute("INSERT OR REPLACE INTO bundles (kind, version, content, raw, etag) VALUES (?, ?, ?, ?, ?)",
                     (kind, version, json.dumps(content), raw, etag))
    return version


@bp.get("/v1/bundles/<kind>")
def get_bundle(kind: str) -> Response:
    terminal()
    ctx = central()
    row = ctx.db.read(lambda c: c.execute("SELECT raw, etag FROM bundles WHERE kind = ?", (kind,)).fetchone())
    if row is None:
        fail(404, "bundle.unknown_kind", f"there is no bundle of kind {kind[:40]!r}")
    raw, etag = bytes(row[0]), row[1]
    if etag in request.headers.get("If-None-Match", ""):
        return Response(status=304, headers={"ETag": etag})
    return Response(raw, 200, {"ETag": etag}, mimetype="application/json")


@bp.get("/v1/pickups")
def pickups() -> Response:
    who = terminal()
    rows = central().db.read(lambda c: c.execute(
        "SELECT pickup_id, receipt_code, door, service_id, ready_at FROM pickups WHERE terminal = ? AND "
        "collected_at IS NULL ORDER BY ready_at", (who,)).fetchall())
    records = [dict(zip(("pickup_id", "receipt_code", "door", "service_id", "ready_at"), r)) for r in rows]
    body = json.dumps({"records": records}).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if etag in request.headers.get("If-None-Match", ""):
        return Response(status=304, headers={"ETag": etag})
    return Response(body, 200, {"ETag": etag}, mimetype="application/json")


def _payment_json(row: tuple) -> dict:
    payment_id, amount_fen, state, expires_at = row
    return {"payment_id": payment_id, "state": state, "expires_at": expires_at, "amount_fen": amount_fen,
            "qr_text": f"kioskpay://pay?payment={payment_id}&amount_fen={amount_fen}"}


@bp.post("/v1/payments")
def create_payment() -> Response:
    who, key, body = terminal(), idempotency_key(), json_body()
    amount, service = body.get("amount_fen"), str(body.get("service_id", ""))
    if not isinstance(amount, int) or isinstance(amount, bool) or not 0 < amount <= 10_000_000:
        fail(400, "payment.bad_amount", "amount_fen must be a whole number of fen, 1 to 10,000,000")
    if not TOKEN.match(service):
        fail(400, "payment.bad_service", "service_id must be a short token")
    ctx = central()
    now = ctx.clock()
    with ctx.db.write() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO payments (payment_id, terminal, idem_key, amount_fen, service_id, state, "
            "created_at, expires_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
            ("pay-" + secrets.token_hex(8), who, key, amount, service, iso(now),
             iso(now + timedelta(seconds=ctx.payment_timeout_s))))
        row = conn.execute("SELECT payment_id, amount_fen, state, expires_at FROM payments WHERE terminal = ? "
                           "AND idem_key = ?", (who, key)).fetchone()
    return jsonify(_payment_json(row)), 201


@bp.get("/v1/payments/<payment_id>")
def payment_state(payment_id: str) -> Response:
    who, ctx = terminal(), central()
    with ctx.db.write() as conn:
        row = conn.execute("SELECT payment_id, amount_fen, state, expires_at FROM payments WHERE payment_id = ? "
                           "AND terminal = ?", (payment_id, who)).fetchone()
        if row is None:
            fail(404, "payment.unknown", "there is no such payment for this terminal")
        state = row[2]
        if state == "pending" and ctx.auto_payment:
            state = ctx.auto_payment
        elif state == "pending" and parse_iso(row[3]) <= ctx.clock():
            state = "expired"
        if state != row[2]:
            conn.execute("UPDATE payments SET state = ? WHERE payment_id = ?", (state, payment_id))
    return jsonify(_payment_json((row[0], row[1], state, row[3])))


def mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:]


@bp.post("/v1/sms/challenges")
def send_sms_code() -> Response:
    who, key, body = terminal(), idempotency_key(), json_body()
    phone = str(body.get("phone", ""))
    if not (len(phone) == 11 and phone.isdigit() and phone.startswith("1")):
        fail(400, "sms.bad_phone", "phone must be an 11-digit mobile number")
    ctx = central()
    code = f"{secrets.randbelow(10**6):06d}"
    with ctx.db.write() as conn:
        created = conn.execute(
            "INSERT OR IGNORE INTO sms_challenges (challenge_id, terminal, idem_key, phone_masked, code, attempts,"
            " verified, expires_at) VALUES (?, ?, ?, ?, ?, 0, 0, ?)",
            ("sms-" + secrets.token_hex(8), who, key, mask_phone(phone), code,
             iso(ctx.clock() + SMS_LIFETIME))).rowcount
        challenge_id, code, expires_at = conn.execute(
            "SELECT challenge_id, code, expires_at FROM sms_challenges WHERE terminal = ? AND idem_key = ?",
            (who, key)).fetchone()
    if created and ctx.sms_outbox is not None:
        with ctx.sms_outbox.open("a", encoding="utf-8") as out:
            out.write(json.dumps({"challenge_id": challenge_id, "phone": mask_phone(phone), "code": code}) + "\n")
    return jsonify(challenge_id=challenge_id, expires_at=expires_at), 201


@bp.post("/v1/sms/challenges/<challenge_id>/check")
def check_sms_code(challenge_id: str) -> Response:
    who, body, ctx = terminal(), json_body(), central()
    with ctx.db.write() as conn:
        row = conn.execute("SELECT code, attempts, verified, expires_at FROM sms_challenges WHERE "
                           "challenge_id = ? AND terminal = ?", (challenge_id, who)).fetchone()
        if row is None:
            fail(404, "sms.unknown", "there is no such challenge for this terminal")
        code, attempts, verified, expires_at = row
        if verified:
            return jsonify(ok=True, attempts_left=SMS_TRIES - attempts)
        live = attempts < SMS_TRIES and parse_iso(expires_at) > ctx.clock()
        ok = live and secrets.compare_digest(str(body.get("code", "")), code)
        attempts += 0 if ok or not live else 1
        conn.execute("UPDATE sms_challenges SET attempts = ?, verified = ? WHERE challenge_id = ?",
                     (attempts, int(ok), challenge_id))
    return jsonify(ok=ok, attempts_left=max(0, SMS_TRIES - attempts))


@bp.post("/v1/heartbeat")
def heartbeat() -> Response:
    who, body, ctx = terminal(), json_body(), central()
    with ctx.db.write() as conn:
        conn.execute("INSERT OR REPLACE INTO heartbeats (terminal, at, body) VALUES (?, ?, ?)",
                     (who, iso(ctx.clock()), json.dumps(body)[:65536]))
    return jsonify(server_time=iso(ctx.clock()))
