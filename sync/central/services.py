"""What terminals pull and ask for: signed bundles (ETag), payments, SMS codes, registry photos, heartbeat.
(Applications and pickup records: applications.py.)

Payments and SMS are simulations with the shape of the real providers: a payment starts "pending" with a
QR text for the citizen's phone and ends "paid", "declined" or "expired" (its timeout, a payment code the
citizen scanned at the terminal, or a control call); an SMS challenge holds a six-digit code that the
citizen types back, five tries, ten minutes. Both take an Idempotency-Key, so a terminal that retries after
a lost answer gets the same payment or challenge.

How a payment ends is its `fate` when /control/next-payments gave it one ("paid", "declined", "expired" on
its first look; "never": pending for ever), else the server's --auto-payment, else its timeout.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import sqlite3
from datetime import timedelta

from flask import Blueprint, Response, jsonify, request

from sync.bundles import sign_bundle
from sync.central.context import TOKEN, Central, central, fail, idempotency_key, json_body, terminal
from sync.central.pickup_codes import ID_NUMBER
from sync.db import iso, parse_iso

bp = Blueprint("services", __name__)
BUNDLE_KINDS = ("config", "catalogue", "definitions", "software")  # software: software.py
PAYMENT_STATES = ("pending", "paid", "declined", "expired")
FATES = ("paid", "declined", "expired", "never")
NEXT_OUTCOME, NEXT_COUNT = "next_payments.outcome", "next_payments.count"
PAYMENT_CODE = re.compile(r"^[0-9]{10,32}$")  # the digits of a payment app's "pay" barcode
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
        created = conn.execute(
            "INSERT OR IGNORE INTO payments (payment_id, terminal, idem_key, amount_fen, service_id, state, "
            "created_at, expires_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
            ("pay-" + secrets.token_hex(8), who, key, amount, service, iso(now),
             iso(now + timedelta(seconds=ctx.payment_timeout_s)))).rowcount
        if created:
            conn.execute("UPDATE payments SET fate = ? WHERE terminal = ? AND idem_key = ?",
                         (_take_fate(conn), who, key))
        row = conn.execute("SELECT payment_id, amount_fen, state, expires_at FROM payments WHERE terminal = ? "
                           "AND idem_key = ?", (who, key)).fetchone()
    return jsonify(_payment_json(row)), 201


def _take_fate(conn: sqlite3.Connection) -> str | None:
    """The fate /control/next-payments set for the next payments (one of them used up), or None."""
    settings = dict(conn.execute("SELECT name, value FROM control_settings WHERE name IN (?, ?)",
                                 (NEXT_OUTCOME, NEXT_COUNT)).fetchall())
    fate = settings.get(NEXT_OUTCOME)
    if fate is None:
        return None
    count = settings.get(NEXT_COUNT, "")
    if count.isdigit():
        left = int(count) - 1
        if left <= 0:
            conn.execute("DELETE FROM control_settings WHERE name IN (?, ?)", (NEXT_OUTCOME, NEXT_COUNT))
        else:
            conn.execute("UPDATE control_settings SET value = ? WHERE name = ?", (str(left), NEXT_COUNT))
    return fate


def _settled(ctx: Central, state: str, fate: str | None, expires_at: str, *, code_paid: bool = False) -> str:
    """A pending payment's state now: its fate, else the auto-payment mode (or a scanned code), else expiry."""
    if state != "pending":
        return state
    timed_out = parse_iso(expires_at) <= ctx.clock()
    if fate is None:
        if code_paid:
            return "expired" if timed_out else "paid"
        fate = ctx.auto_payment
    if fate in ("paid", "declined", "expired"):
        return fate
    return "expired" if timed_out and fate != "never" else state


def _load_payment(conn: sqlite3.Connection, payment_id: str, who: str) -> tuple:
    row = conn.execute("SELECT payment_id, amount_fen, state, expires_at, fate FROM payments WHERE "
                       "payment_id = ? AND terminal = ?", (payment_id, who)).fetchone()
    if row is None:
        fail(404, "payment.unknown", "there is no such payment for this terminal")
    return row


@bp.get("/v1/payments/<payment_id>")
def payment_state(payment_id: str) -> Response:
    who, ctx = terminal(), central()
    with ctx.db.write() as conn:
        row = _load_payment(conn, payment_id, who)
        state = _settled(ctx, row[2], row[4], row[3])
        if state != row[2]:
            conn.execute("UPDATE payments SET state = ? WHERE payment_id = ?", (state, payment_id))
    return jsonify(_payment_json((row[0], row[1], state, row[3])))


@bp.post("/v1/payments/<payment_id>/code")
def pay_with_code(payment_id: str) -> Response:
    """The citizen scanned their payment app's barcode at the terminal: a pending payment is paid (unless
    its fate says otherwise). Asked again, it answers the payment's state; the code itself is not kept."""
    who, body, ctx = terminal(), json_body(), central()
    if not PAYMENT_CODE.match(str(body.get("code", ""))):
        fail(400, "payment.bad_code", "code must be the 10 to 32 digits of a payment barcode")
    with ctx.db.write() as conn:
        row = _load_payment(conn, payment_id, who)
        state = _settled(ctx, row[2], row[4], row[3], code_paid=True)
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


@bp.post("/v1/registry/photo")
def registry_photo() -> Response:
    """The registry's reference photo for an ID number (in the body, so it never stands in a URL or a log)."""
    terminal()
    number = str(json_body().get("id_number", "")).upper()
    if not ID_NUMBER.match(number):
        fail(400, "registry.bad_id_number", "id_number must be an ID number (18 characters)")
    photo = central().registry.get(number)
    if photo is None:
        fail(404, "registry.not_found", "the registry has no photo for this ID number")
    return Response(photo, 200, {"Cache-Control": "no-store"}, mimetype="image/jpeg")


@bp.post("/v1/heartbeat")
def heartbeat() -> Response:
    who, body, ctx = terminal(), json_body(), central()
    with ctx.db.write() as conn:
        conn.execute("INSERT OR REPLACE INTO heartbeats (terminal, at, body) VALUES (?, ?, ?)",
                     (who, iso(ctx.clock()), json.dumps(body)[:65536]))
    return jsonify(server_time=iso(ctx.clock()))
