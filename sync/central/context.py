"""What every route of the reference server shares: its store, clock, signing keys (bundles; pickup codes and
records; the CA that certifies enrolled terminals), registry photos and options, and the helpers that turn a request into a terminal identity and a
failure into a JSON error with a stable code."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask import abort, current_app, jsonify, make_response, request

from sync.central.storage import CentralDb

TOKEN = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
PEER_CN = "kiosk.peer_cn"  # WSGI environ key set by the TLS request handler (serve.py)


@dataclass
class Central:
    db: CentralDb
    clock: Callable[[], datetime]
    signing_key: Ed25519PrivateKey
    tls: bool = False  # True: identity from the client certificate only
    control: bool = True  # the /control endpoints tests and developers use
    payment_timeout_s: float = 120.0
    auto_payment: str | None = None  # "paid" / "declined": a payment ends so on its first query (no fate)
    sms_outbox: Path | None = None  # a file where each SMS code sent is appended as a JSON line
    bundle_lifetime_s: float = 30 * 86400
    max_batch_bytes: int = 32 << 20
    max_blob_bytes: int = 64 << 20
    pickup_key: Ed25519PrivateKey = field(default_factory=Ed25519PrivateKey.generate, repr=False)  # codes
    registry: Mapping[str, bytes] = field(default_factory=dict, repr=False)  # ID number -> reference JPEG
    locker_doors: int = 24  # doors 1..N of each terminal's locker wall, for pickup records
    terminal_ca: Any = field(default=None, repr=False)  # enrolment.TerminalCa: signs enrolled terminals
    enrol_ca_pem: bytes = b""  # the CA of the server's certificate, handed to enrolling terminals to pin
    certificate_days: int = 365  # lifetime of a certificate issued at enrolment


#: Routes a client without a certificate may call when mutual TLS is on: how else would it get one?
OPEN_ENDPOINTS = frozenset({"health", "enrolment.enrol"})


def central() -> Central:
    return current_app.config["central"]


def fail(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> NoReturn:
    """Stop the request with {"code", "message"}; codes are stable, messages are for people."""
    response = make_response(jsonify(code=code, message=message), status)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    abort(response)


def terminal() -> str:
    """The calling terminal: its client certificate's common name, or (plain-HTTP development) X-Terminal-Id."""
    peer = request.environ.get(PEER_CN)
    if peer:
        return str(peer)
    if central().tls:
        fail(401, "auth.no_certificate", "a client certificate is required")
    name = request.headers.get("X-Terminal-Id", "")
    if not TOKEN.match(name):
        fail(401, "auth.no_terminal", "send X-Terminal-Id (plain HTTP) or a client certificate (TLS)")
    return name


def require_certificate() -> None:
    """With TLS on, every route but OPEN_ENDPOINTS needs a verified client certificate (the TLS layer asks
    for one without insisting, so that a new terminal can enrol)."""
    if central().tls and not request.environ.get(PEER_CN) and request.endpoint not in OPEN_ENDPOINTS:
        fail(401, "auth.no_certificate", "a client certificate is required")


def json_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        fail(400, "request.malformed", "the body must be a JSON object")
    return body


def idempotency_key() -> str:
    key = request.headers.get("Idempotency-Key", "")
    if not TOKEN.match(key):
        fail(400, "request.no_idempotency_key", "send an Idempotency-Key header (1-64 of A-Z a-z 0-9 _ . : -)")
    return key
