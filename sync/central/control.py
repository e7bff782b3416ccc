"""The reference server's control handle: what a test or a developer does to the simulated platform
(make a payment pay or fail, read an SMS code, publish a bundle, add a pickup, refuse an event), and the
small status page. Not part of the terminal protocol; off when the server runs with control=False."""

from __future__ import annotations

import html
import json
import secrets

from flask import Blueprint, Response, jsonify

from sync.central.context import TOKEN, central, fail, json_body
from sync.central.services import BUNDLE_KINDS, PAYMENT_STATES, publish_bundle
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
    body = json_body()
    fields = [str(body.get(k, "")) for k in ("terminal", "receipt_code", "door", "service_id")]
    if not all(TOKEN.match(f) for f in fields):
        fail(400, "control.bad_pickup", "terminal, receipt_code, door and service_id are short tokens")
    pickup_id = "pk-" + secrets.token_hex(6)
    with central().db.write() as conn:
        conn.execute("INSERT INTO pickups (pickup_id, terminal, receipt_code, door, service_id, ready_at) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (pickup_id, *fields, iso(central().clock())))
    return jsonify(pickup_id=pickup_id), 201


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


@bp.get("/")
def status_page() -> Response:
    """Who sent what, who was heard from when: enough to watch a simulated kiosk catch up."""
    db = central().db
    beats = db.read(lambda c: c.execute("SELECT terminal, at, body FROM heartbeats ORDER BY terminal").fetchall())
    payments = db.read(lambda c: c.execute("SELECT state, count(*) FROM payments GROUP BY state").fetchall())
    blobs = db.read(lambda c: c.execute("SELECT count(*), coalesce(sum(size), 0) FROM blobs WHERE complete = 1"
                                        ).fetchone())
    rows = "".join(f"<tr><td>{html.escape(t)}</td><td>{html.escape(s)}</td><td>{n}</td></tr>"
                   for t, streams in sorted(event_counts().items()) for s, n in sorted(streams.items()))
    beat_rows = "".join(f"<tr><td>{html.escape(t)}</td><td>{html.escape(at)}</td>"
                        f"<td><code>{html.escape(json.dumps(json.loads(b).get('queue', {})))}</code></td></tr>"
                        for t, at, b in beats)
    page = f"""<!doctype html><html><head><meta charset="utf-8"><title>Central platform (reference)</title>
<meta http-equiv="refresh" content="5"><style>body{{font-family:sans-serif}}td,th{{padding:2px 10px}}</style>
</head><body><h1>Central platform (reference server)</h1>
<h2>Events received</h2><table><tr><th>terminal</th><th>stream</th><th>events</th></tr>{rows}</table>
<h2>Heartbeats</h2><table><tr><th>terminal</th><th>last heard</th><th>queue</th></tr>{beat_rows}</table>
<h2>Blobs</h2><p>{blobs[0]} complete, {blobs[1]} bytes</p>
<h2>Payments</h2><p>{html.escape(", ".join(f"{s}: {n}" for s, n in payments)) or "none"}</p>
<p><a href="/openapi.json">protocol (OpenAPI)</a></p></body></html>"""
    return Response(page, 200, mimetype="text/html")
