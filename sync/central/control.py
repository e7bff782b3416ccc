"""The reference server's control handle: what a test or a developer does to the simulated platform
(make a payment pay or fail, decide how the next payments end, read an SMS code, publish a bundle, add a
pickup, refuse an event, make an enrolment token), and the small status page. Not part of the terminal protocol; off when the server
runs with control=False."""

from __future__ import annotations

import html
import json
import secrets
from datetime import timedelta

from flask import Blueprint, Response, jsonify

from sync.central.applications import file_pickup
from sync.central.context import TOKEN, central, fail, json_body
from sync.central.enrolment import DEFAULT_TOKEN_LIFETIME, EnrolToken, create_token
from sync.central.pickup_codes import ID_NUMBER, id_digest
from sync.central.services import (
    BUNDLE_KINDS,
    FATES,
    NEXT_COUNT,
    NEXT_OUTCOME,
    PAYMENT_STATES,
    publish_bundle,
)
from sync.db import iso

bp = Blueprint("control", __name__)


@bp.before_request
def _enabled() -> None:
    if not central().control:
        fail(404, "control.disabled", "the control endpoints are switched off on this server")


@bp.post("/control/payments/<payment_id>")
def settle_payment(payment_id: str) -> Response:
    outcome = json_body().get("outcome")
    if outcome not in PAYMENT_STATES[1:]:
        fail(400, "control.bad_outcome", f"outcome must be one of {', '.join(PAYMENT_STATES[1:])}")
    with central().db.write() as conn:
        changed = conn.execute("UPDATE payments SET state = ? WHERE payment_id = ? AND state = 'pending'",
                               (outcome, payment_id)).rowcount
    return jsonify(changed=bool(changed))


@bp.post("/control/next-payments")
def next_payments() -> Response:
    """How the next payments end: "paid", "declined" or "expired" on their first look, "never" (pending for
    ever), or "normal" (back to --auto-payment and the timeout). `count`: for that many payments (default:
    until changed)."""
    body = json_body()
    outcome, count = body.get("outcome"), body.get("count")
    if outcome not in (*FATES, "normal"):
        fail(400, "control.bad_outcome", f"outcome must be one of {', '.join(FATES)}, normal")
    if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 1):
        fail(400, "control.bad_count", "count must be a whole number from 1, or absent")
    with central().db.write() as conn:
        conn.execute("DELETE FROM control_settings WHERE name IN (?, ?)", (NEXT_OUTCOME, NEXT_COUNT))
        if outcome != "normal":
            conn.execute("INSERT INTO control_settings (name, value) VALUES (?, ?), (?, ?)",
                         (NEXT_OUTCOME, outcome, NEXT_COUNT, "" if count is None else str(count)))
    return jsonify(outcome=outcome, count=count)


@bp.get("/control/sms")
def sms_codes() -> Response:
    rows = central().db.read(lambda c: c.execute(
        "SELECT challenge_id, phone_masked, code FROM sms_challenges ORDER BY rowid DESC LIMIT 20").fetchall())
    return jsonify(challenges=[{"challenge_id": r[0], "phone": r[1], "code": r[2]} for r in rows])


@bp.get("/control/sms/<challenge_id>")
def sms_code(challenge_id: str) -> Response:
    row = central().db.read(lambda c: c.execute(
        "SELECT code FROM sms_challenges WHERE challenge_id = ?", (challenge_id,)).fetchone())
    if row is None:
        fail(404, "sms.unknown", "there is no such challenge")
    return jsonify(challenge_id=challenge_id, code=row[0])


@bp.put("/control/bundles/<kind>")
def put_bundle(kind: str) -> Response:
    body = json_body()
    content, version = body.get("content"), body.get("version")
    if kind not in BUNDLE_KINDS or not isinstance(content, dict):
        fail(400, "control.bad_bundle", f"kind must be one of {', '.join(BUNDLE_KINDS)}; content an object")
    if version is not None and not isinstance(version, int):
        fail(400, "control.bad_bundle", "version must be a whole number")
    return jsonify(kind=kind, version=publish_bundle(central(), kind, content, version))


@bp.post("/control/pickups")
def add_pickup() -> Response:
    """A document placed in a terminal's locker wall by staff. With `id_number` (and `application_no`, a
    numbered door): a signed record the terminal's pickup flow accepts, photo from the registry."""
    body = json_body()
    if "id_number" in body:
        return _add_signed_pickup(body)
    fields = [str(body.get(k, "")) for k in ("terminal", "receipt_code", "door", "service_id")]
    if not all(TOKEN.match(f) for f in fields):
        fail(400, "control.bad_pickup", "terminal, receipt_code, door and service_id are short tokens")
    pickup_id = "pk-" + secrets.token_hex(6)
    with central().db.write() as conn:
        conn.execute("INSERT INTO pickups (pickup_id, terminal, receipt_code, door, service_id, ready_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (pickup_id, *fields, iso(central().clock())))
    return jsonify(pickup_id=pickup_id), 201


def _add_signed_pickup(body: dict) -> tuple[Response, int]:
    ctx = central()
    who, number, service = (str(body.get(k, "")) for k in ("terminal", "application_no", "service_id"))
    id_number, door = str(body.get("id_number", "")).upper(), body.get("door")
    if not (TOKEN.match(who) and TOKEN.match(number) and TOKEN.match(service) and ID_NUMBER.match(id_number)
            and isinstance(door, int) and not isinstance(door, bool) and 1 <= door <= ctx.locker_doors):
        fail(400, "control.bad_pickup", "terminal, application_no, service_id are short tokens, id_number an ID "
             f"number, door a whole number 1..{ctx.locker_doors}")
    with ctx.db.write() as conn:
        pickup_id = file_pickup(conn, ctx, who, number, door, id_digest(id_number), service,
                                ctx.registry.get(id_number))
    return jsonify(pickup_id=pickup_id), 201


@bp.post("/control/enrol-tokens")
def add_enrol_token() -> tuple[Response, int]:
    """A single-use enrolment token for one terminal id and hall (the operator's side of `kiosk provision`).
    The token is answered once and stored only as a digest; `token` may be given, else one is made."""
    body, ctx = json_body(), central()
    terminal_id, token = str(body.get("terminal_id", "")), str(body.get("token") or secrets.token_urlsafe(24))
    zh = str(body.get("hall_name_zh", "")).strip()
    en = str(body.get("hall_name_en", "") or zh).strip()
    lifetime = body.get("expires_in_s", DEFAULT_TOKEN_LIFETIME.total_seconds())
    if not (TOKEN.match(terminal_id) and TOKEN.match(token) and zh):
        fail(400, "control.bad_token", "terminal_id and token are short tokens; hall_name_zh is a name")
    if isinstance(lifetime, bool) or not isinstance(lifetime, (int, float)) or not 0 < lifetime <= 365 * 86400:
        fail(400, "control.bad_token", "expires_in_s must be a number of seconds, up to a year")
    now = ctx.clock()
    expires = now + timedelta(seconds=lifetime)
    if not create_token(ctx.db, EnrolToken(token, terminal_id, zh, en), now=now, expires_at=expires):
        fail(409, "control.token_exists", "this token exists already")
    return jsonify(token=token, terminal_id=terminal_id, expires_at=iso(expires)), 201


@bp.post("/control/reject")
def reject_event() -> Response:
    body = json_body()
    event_id, code, reason = (str(body.get(k, "")) for k in ("event_id", "code", "reason"))
    if not (TOKEN.match(event_id) and TOKEN.match(code)):
        fail(400, "control.bad_rule", "event_id and code are short tokens")
    with central().db.write() as conn:
        conn.execute("INSERT OR REPLACE INTO reject_rules (event_id, code, reason) VALUES (?, ?, ?)",
                     (event_id, code, reason[:200]))
    return jsonify(event_id=event_id)


def event_counts() -> dict[str, dict[str, int]]:
    rows = central().db.read(lambda c: c.execute(
        "SELECT terminal, stream, count(*) FROM events GROUP BY terminal, stream").fetchall())
    counts: dict[str, dict[str, int]] = {}
    for who, stream, n in rows:
        counts.setdefault(who, {})[stream] = n
    return counts


@bp.get("/control/events")
def events() -> Response:
    return jsonify(terminals=event_counts())


def terminal_health() -> dict[str, dict]:
    """Each terminal's last heartbeat: when, its devices' health (state, code, fault) and its queue."""
    beats = central().db.read(lambda c: c.execute("SELECT terminal, at, body FROM heartbeats ORDER BY terminal"
                                                  ).fetchall())
    health = {}
    for who, at, body in beats:
        try:
            parsed = json.loads(body)
        except ValueError:
            parsed = {}
        devices = parsed.get("devices") if isinstance(parsed, dict) else None
        queue = parsed.get("queue") if isinstance(parsed, dict) else None
        health[who] = {"at": at, "devices": devices if isinstance(devices, dict) else {},
                       "queue": queue if isinstance(queue, dict) else {}}
    return health


def faults(devices: dict) -> list[dict]:
    """The devices of a heartbeat that are not well: a status that is not ready, or a failed self-test."""
    found = []
    for name, d in sorted(devices.items()):
        if isinstance(d, str):  # a terminal of an earlier version sends the state alone
            d = {"state": d}
        if not isinstance(d, dict):
            continue
        fault = d.get("fault") if isinstance(d.get("fault"), dict) else None
        if d.get("state") not in (None, "ready", "busy", "user_action") or fault:
            found.append({"device": name, "state": d.get("state"), "code": d.get("code"),
                          "fault": fault.get("code") if fault else None,
                          "summary": fault.get("summary", "") if fault else str(d.get("detail") or "")})
    return found


@bp.get("/control/terminals")
def terminals() -> Response:
    """Every terminal heard from: its last heartbeat, its devices and the faults among them."""
    return jsonify(terminals={who: {**h, "faults": faults(h["devices"])} for who, h in terminal_health().items()})


@bp.get("/")
def status_page() -> Response:
    """Who sent what, who was heard from when: enough to watch a simulated kiosk catch up."""
    db = central().db
    payments = db.read(lambda c: c.execute("SELECT state, count(*) FROM payments GROUP BY state").fetchall())
    blobs = db.read(lambda c: c.execute("SELECT count(*), coalesce(sum(size), 0) FROM blobs WHERE complete = 1"
                                        ).fetchone())
    rows = "".join(f"<tr><td>{html.escape(t)}</td><td>{html.escape(s)}</td><td>{n}</td></tr>"
                   for t, streams in sorted(event_counts().items()) for s, n in sorted(streams.items()))
    health = terminal_health()
    beat_rows = "".join(
        f"<tr><td>{html.escape(t)}</td><td>{html.escape(h['at'])}</td>"
        f"<td><code>{html.escape(json.dumps(h['queue']))}</code></td><td>"
        + ("<br>".join(html.escape(f"{f['device']}: {f['state']} {f['code'] or ''} {f['fault'] or ''} {f['summary']}")
                       for f in faults(h["devices"])) or "none")
        + "</td></tr>" for t, h in sorted(health.items()))
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Central platform (reference)</title>
<meta http-equiv="refresh" content="5"><style>body{{font-family:sans-serif}}td,th{{padding:2px 10px}}</style>
</head><body><h1>Central platform (reference server)</h1>
<h2>Events received</h2><table><tr><th>terminal</th><th>stream</th><th>events</th></tr>{rows}</table>
<h2>Heartbeats</h2><table><tr><th>terminal</th><th>last heard</th><th>queue</th><th>device faults</th></tr>
{beat_rows}</table>
<h2>Blobs</h2><p>{blobs[0]} complete, {blobs[1]} bytes</p>
<h2>Payments</h2><p>{html.escape(", ".join(f"{s}: {n}" for s, n in payments)) or "none"}</p>
<p><a href="/openapi.json">protocol (OpenAPI)</a></p></body></html>"""
    return Response(page, 200, mimetype="text/html")
