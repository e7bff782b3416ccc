"""Signed pickup codes and records, checked offline with the central platform's Ed25519 public key.

At application time the platform signs a pickup code; the receipt prints it as a QR code:

    KP1.<base64url of the claim JSON>.<base64url of the Ed25519 signature over those JSON bytes>
    claim: {"a": application number, "h": id_digest(ID number), "t": issued at (ISO date)}

When the document is put in this terminal's locker wall, the platform sends the pickup record ahead of time
(application number, door, id digest), signed over record_bytes(...). At pickup the terminal checks both
signatures, finds the record, and refuses a code whose record says another person or whose document was
already collected (the journal knows). A forged, altered or re-used code never opens a door.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from flows.ports import PickupRecord

PREFIX = "KP1"


@dataclass(frozen=True)
class PickupClaim:
    application_no: str
    id_digest: str
    issued: str


def id_digest(id_number: str) -> str:
    """A short one-way digest of an ID number (SHA-256, 16 hex digits) to match records without it."""
    return hashlib.sha256(("kiosk-pickup:" + id_number.upper()).encode()).hexdigest()[:16]


def record_bytes(application_no: str, door: int, digest: str) -> bytes:
    return json.dumps({"a": application_no, "d": door, "h": digest}, sort_keys=True,
                      separators=(",", ":")).encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_code(private_key: Ed25519PrivateKey, claim: PickupClaim) -> str:
    """What the platform does (and tests and the reference server): a signed pickup code."""
    body = json.dumps({"a": claim.application_no, "h": claim.id_digest, "t": claim.issued}, sort_keys=True,
                      separators=(",", ":")).encode()
    return f"{PREFIX}.{_b64(body)}.{_b64(private_key.sign(body))}"


def sign_record(private_key: Ed25519PrivateKey, application_no: str, door: int, digest: str,
                photo: bytes | None = None) -> PickupRecord:
    signature = private_key.sign(record_bytes(application_no, door, digest))
    return PickupRecord(application_no, door, digest, signature, photo)


def _key(public_key: bytes) -> Ed25519PublicKey | None:
    try:
        return Ed25519PublicKey.from_public_bytes(public_key)
    except ValueError:
        return None


def read_code(text: str, public_key: bytes) -> PickupClaim | None:
    """The claim of a genuine code; None for anything forged, altered, truncated or not a pickup code."""
    parts = text.strip().split(".")
    key = _key(public_key)
    if len(parts) != 3 or parts[0] != PREFIX or key is None:
        return None
    try:
        body, signature = _unb64(parts[1]), _unb64(parts[2])
        key.verify(signature, body)
        claim = json.loads(body)
        return PickupClaim(str(claim["a"]), str(claim["h"]), str(claim["t"]))
    except (ValueError, InvalidSignature, KeyError, TypeError, RecursionError):  # Recursion: nested JSON
        return None


def record_is_genuine(record: PickupRecord, public_key: bytes) -> bool:
    key = _key(public_key)
    if key is None:
        return False
    try:
        key.verify(record.signature, record_bytes(record.application_no, record.door, record.id_digest))
    except InvalidSignature:
        return False
    return True
