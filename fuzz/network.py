"""Fuzz targets for what crosses the network: the platform's answers, signed bundles, and (the reference
server's side) the batches terminals send.

The client side is fuzzed at its boundary, the Transport (sync/transport.py): a ScriptedTransport answers
every request with an HttpResponse made from the fuzz bytes. Bundles are checked with a fixed test key, so
a structured test can also sign fuzzed documents and reach the checks behind the signature.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from datetime import UTC, datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from flask.testing import FlaskClient

from drivers.errors import ERROR_CODES
from fuzz.documents import scratch
from fuzz.harness import MAX_INPUT, ScriptedTransport, expect, expect_result, http_response, split
from sync.bundles import FORMAT, Bundle, key_id, verify_bundle
from sync.central.app import create_app
from sync.central.context import Central
from sync.central.storage import CentralDb
from sync.client import CentralClient, retry_after_s

#: the bundle signing key of the fuzz runs (fixed, so a found input replays)
BUNDLE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(100, 132)))
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
SYNC_CODES = frozenset(c for c in ERROR_CODES if c.startswith("sync.")) | {"registry.not_found"}
BUNDLE_CODES = frozenset(c for c in ERROR_CODES if c.startswith("bundle."))


def client_calls(client: CentralClient) -> list:
    """Every call of the terminal's protocol, in an order that uses each kind of answer."""
    return [
        lambda: client.submit_batch([{"id": "e1", "stream": "s", "payload": {}}], "k1"),
        lambda: client.upload_blob("ab" * 32, b"x" * 40, chunk_bytes=16),
        lambda: client.pull_bundle("catalogue", "etag-1"),
        lambda: client.heartbeat({"printer": "ready"}, {"pending": 0}),
        client.pickup_records,
        client.pickup_public_key,
        lambda: client.submit_application("k2", {"id_number": "110101199003070011"}),
        lambda: client.registry_photo("110101199003070011"),
        lambda: client.create_payment("k3", 2000, "id_photo"),
        lambda: client.payment_state("p1"),
        lambda: client.pay_with_code("p1", "28001234"),
        lambda: client.send_sms_code("k4", "13800000000"),
        lambda: client.check_sms_code("c1", "123456"),
    ]


def run_client(transport: ScriptedTransport) -> None:
    """Every client call against `transport`; each must give Ok or a SyncFailure with a sync code."""
    client = CentralClient(transport, terminal_id="t-fuzz")
    for call in client_calls(client):
        expect_result(call(), SYNC_CODES)


def target_sync_responses(data: bytes) -> None:
    """The central platform's answers (sync/client.py): every CentralClient call gives Ok or a SyncFailure
    with a sync.* code, never an exception, never a loop. The first chunk is also read as a Retry-After."""
    chunks = split(data[:MAX_INPUT], limit=40)
    run_client(ScriptedTransport([http_response(chunk) for chunk in chunks]))
    wait = retry_after_s((chunks[0] if chunks else b"").decode("latin-1"))
    expect(wait is None or wait >= 0, "a negative Retry-After")


def signed_envelope(document: bytes, key: Ed25519PrivateKey = BUNDLE_KEY) -> bytes:
    """A bundle envelope around any `document`, signed with `key` (for fuzzing what lies behind it)."""
    return json.dumps({"format": FORMAT, "key_id": key_id(key.public_key()),
                       "signed": base64.b64encode(document).decode(),
                       "signature": base64.b64encode(key.sign(document)).decode()}).encode()


def check_bundle(raw: bytes, trusted_version: int | None) -> None:
    result = verify_bundle(raw, kind="catalogue", keys=[BUNDLE_KEY.public_key()], now=NOW,
                           trusted_version=trusted_version)
    expect_result(result, BUNDLE_CODES)
    if result.ok:
        expect(isinstance(result.value, Bundle) and result.value.kind == "catalogue", "a wrong bundle passed")
        expect(result.value.expires_at > NOW, "an expired bundle passed")


def target_bundle(data: bytes) -> None:
    """A downloaded bundle (sync/bundles.py verify_bundle): Ok(Bundle) or a Failure with a bundle.* code.
    First byte: bit 0 set wraps the rest in a validly signed envelope (the document itself is fuzzed);
    bit 1 asks with a trusted version."""
    flags, rest = (data[0], data[1:MAX_INPUT]) if data else (0, b"")
    raw = signed_envelope(rest) if flags & 1 else rest
    check_bundle(raw, 3 if flags & 2 else None)


@functools.cache
def central_client() -> FlaskClient:
    ctx = Central(CentralDb(scratch() / "central.db"), lambda: NOW, BUNDLE_KEY, max_batch_bytes=1 << 20)
    app = create_app(ctx)
    app.testing = True  # an exception in a route reaches the caller instead of becoming a 500 page
    return app.test_client()


def target_central_batches(data: bytes) -> None:
    """The reference server's batch intake (sync/central/ingest.py): any body gives 200 with per-event
    results or a 4xx JSON error with a code, never a server error. First byte bit 0: the body is gzip."""
    flags, body = (data[0], data[1:MAX_INPUT]) if data else (0, b"")
    headers = {"X-Terminal-Id": "t-fuzz", "Idempotency-Key": hashlib.sha256(body).hexdigest()[:32],
               "Content-Type": "application/json"}
    if flags & 1:
        headers["Content-Encoding"] = "gzip"
    reply = central_client().post("/v1/batches", data=body, headers=headers)
    expect(reply.status_code in (200, 400, 413, 422), f"HTTP {reply.status_code}")
    answer = reply.get_json()
    expect(isinstance(answer, dict), "the answer is not a JSON object")
    if reply.status_code == 200:
        expect(isinstance(answer.get("results"), list), "no results")
    else:
        expect(isinstance(answer.get("code"), str), "an error without a code")
