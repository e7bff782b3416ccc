"""The platform's side of signed pickup codes and pickup records (the terminal checks them offline).

The format belongs to the terminal's flows (flows/pickup.py); sync may not import flows, so the few lines
that make a code and a record signature are written again here, and tests/sync/test_platform_pickup_codes.py
checks that what this module makes is exactly what flows.pickup.read_code / record_is_genuine accept:

    code:   KP1.<base64url of the claim JSON>.<base64url of the Ed25519 signature over those JSON bytes>
            claim {"a": application number, "h": id_digest(ID number), "t": issued (ISO date)}
    record: Ed25519 signature over {"a": application number, "d": door, "h": id digest} (sorted, compact)
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PREFIX = "KP1"
#: a resident ID number: 17 digits and a check character, or the old 15 digits
ID_NUMBER = re.compile(r"^([0-9]{17}[0-9X]|[0-9]{15})$")


def _compact(value: dict) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def id_digest(id_number: str) -> str:
    """A short one-way digest of an ID number (SHA-256, 16 hex digits): records are found by it."""
    return hashlib.sha256(("kiosk-pickup:" + id_number.upper()).encode()).hexdigest()[:16]


def record_bytes(application_no: str, door: int, digest: str) -> bytes:
    return _compact({"a": application_no, "d": door, "h": digest})


def make_code(key: Ed25519PrivateKey, application_no: str, digest: str, issued: str) -> str:
    """The pickup code printed as the receipt's QR code."""
    body = _compact({"a": application_no, "h": digest, "t": issued})
    return f"{PREFIX}.{b64url(body)}.{b64url(key.sign(body))}"


def sign_record(key: Ed25519PrivateKey, application_no: str, door: int, digest: str) -> bytes:
    return key.sign(record_bytes(application_no, door, digest))


def public_raw(key: Ed25519PrivateKey) -> bytes:
    """The 32 raw bytes of the public key, as the terminal pins it (flows.ports.Ports.pickup_public_key)."""
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
