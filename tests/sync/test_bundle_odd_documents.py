"""Bundles the fuzzing (tests/fuzz) found to crash verify_bundle, kept literally: each is bundle.malformed,
so the last good bundle stays in force. Behind a valid signature, since only the platform's key reaches
these checks."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.bundles import FORMAT, key_id, verify_bundle
from sync.errors import Failure

KEY = Ed25519PrivateKey.generate()
NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def envelope(document: bytes) -> bytes:
    return json.dumps({"format": FORMAT, "key_id": key_id(KEY.public_key()),
                       "signed": base64.b64encode(document).decode(),
                       "signature": base64.b64encode(KEY.sign(document)).decode()}).encode()


def document(**fields: object) -> bytes:
    base = {"kind": "catalogue", "version": 1, "issued_at": "2026-11-01T00:00:00Z",
            "expires_at": "2027-01-01T00:00:00Z", "content": {}}
    return json.dumps(base | fields).encode()


@pytest.mark.parametrize("raw", [
    envelope(document(expires_at="2027-01-01")),             # a time without a zone: TypeError comparing with now
    envelope(document(version=float("inf"))),                 # int(inf): OverflowError
    envelope(b"[" * 100_000 + b"]" * 100_000),                # RecursionError in the signed document
    b"[" * 100_000 + b"]" * 100_000,                           # RecursionError in the envelope
])
def test_odd_bundles_are_malformed(raw: bytes) -> None:
    result = verify_bundle(raw, kind="catalogue", keys=[KEY.public_key()], now=NOW)
    assert isinstance(result, Failure) and result.code == "bundle.malformed"
