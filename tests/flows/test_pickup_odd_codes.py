"""Pickup codes the fuzzing (tests/fuzz) found to crash read_code, kept literally: each reads as None (not a
code), so the pickup step says "not a genuine code" instead of failing."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from flows.pickup import read_code


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_a_signed_claim_nested_deeper_than_the_stack_is_not_a_code() -> None:
    """Only the platform's key can sign it, but a claim of 5,000 nested lists raised RecursionError."""
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    body = b"[" * 5000 + b"]" * 5000
    assert read_code(f"KP1.{b64(body)}.{b64(key.sign(body))}", public) is None
