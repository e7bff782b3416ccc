"""Signed bundles (configuration, service catalogue, definitions): Ed25519 over a canonical JSON document.

A bundle on the wire and on disk is an envelope:
    {"format": "kiosk-bundle/1", "key_id": "<16 hex>", "signed": "<base64 document>", "signature": "<base64>"}
and the document inside is {"kind", "version", "issued_at", "expires_at", "content"}. The terminal pins
the platform's public keys; it accepts a bundle only if the signature verifies under one of them, the kind
is the one it asked for, it has not expired, and its version is not lower than the one already trusted
(a replayed old bundle is a rollback). Signing lives here too, for the reference central server and tests.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
    load_pem_public_key,
)

from sync.db import iso, parse_iso
from sync.errors import Failure, Ok

FORMAT = "kiosk-bundle/1"


def key_id(public: Ed25519PublicKey) -> str:
    return hashlib.sha256(public.public_bytes(Encoding.Raw, PublicFormat.Raw)).hexdigest()[:16]


@dataclass(frozen=True)
class Bundle:
    kind: str
    version: int
    issued_at: datetime
    expires_at: datetime
    content: Mapping[str, Any] = field(repr=False)
    raw: bytes = field(repr=False)


def sign_bundle(private: Ed25519PrivateKey, *, kind: str, version: int, content: Mapping[str, Any],
                issued_at: datetime, expires_at: datetime) -> bytes:
    document = json.dumps({"kind": kind, "version": version, "issued_at": iso(issued_at),
                           "expires_at": iso(expires_at), "content": content},
                          sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    envelope = {"format": FORMAT, "key_id": key_id(private.public_key()),
                "signed": base64.b64encode(document).decode(),
                "signature": base64.b64encode(private.sign(document)).decode()}
    return json.dumps(envelope, separators=(",", ":")).encode()


def verify_bundle(raw: bytes, *, kind: str, keys: Iterable[Ed25519PublicKey], now: datetime,
                  trusted_version: int | None = None) -> Ok[Bundle] | Failure:
    """Check a downloaded bundle; a Failure's code says which rule it broke, its detail says how."""
    try:
        envelope = json.loads(raw)
        document = base64.b64decode(envelope["signed"], validate=True)
        signature = base64.b64decode(envelope["signature"], validate=True)
        if envelope.get("format") != FORMAT:
            return Failure("bundle.malformed", f"format {str(envelope.get('format'))[:40]!r} is not {FORMAT}")
    except (ValueError, TypeError, KeyError, binascii.Error, RecursionError):  # Recursion: nested JSON
        return Failure("bundle.malformed", f"{len(raw)} bytes that are not a whole bundle envelope")
    pinned = {key_id(k): k for k in keys}
    public = pinned.get(str(envelope.get("key_id")))
    if public is None:
        return Failure("bundle.bad_signature", "signed with a key this terminal does not trust")
    try:
        public.verify(signature, document)
    except InvalidSignature:
        return Failure("bundle.bad_signature", "the signature does not match the content")
    try:
        body = json.loads(document)
        bundle = Bundle(str(body["kind"]), int(body["version"]), parse_iso(body["issued_at"]),
                        parse_iso(body["expires_at"]), dict(body["content"]), bytes(raw))
        if bundle.issued_at.tzinfo is None or bundle.expires_at.tzinfo is None:
            raise ValueError("a time without a zone cannot be compared with now")
    except (ValueError, TypeError, KeyError, OverflowError, RecursionError):  # Overflow: int(inf)
        return Failure("bundle.malformed", "the signed document lacks a field or has one of the wrong type")
    if bundle.kind != kind:
        return Failure("bundle.wrong_kind", f"asked for {kind!r}, got {bundle.kind[:40]!r}")
    if bundle.expires_at <= now:
        return Failure("bundle.expired", f"version {bundle.version} expired at {iso(bundle.expires_at)}")
    if trusted_version is not None and bundle.version < trusted_version:
        return Failure("bundle.rollback", f"version {bundle.version} is older than trusted {trusted_version}")
    return Ok(bundle)


def load_public_keys(paths: Iterable[Path]) -> list[Ed25519PublicKey]:
    """Pinned public keys from PEM files; a file that is not an Ed25519 public key is a ValueError naming it."""
    keys = []
    for path in paths:
        try:
            key = load_pem_public_key(Path(path).read_bytes())
        except (OSError, ValueError) as e:
            raise ValueError(f"{path}: not a readable PEM public key ({type(e).__name__})") from None
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError(f"{path}: the key is not an Ed25519 key")  # noqa: TRY004 - bad file, not bad type
        keys.append(key)
    return keys


def load_or_create_signing_key(path: Path) -> Ed25519PrivateKey:
    """The reference server's signing key (PEM, mode 0600), made on first use; its public key beside it."""
    path = Path(path)
    if path.exists():
        key = load_pem_private_key(path.read_bytes(), password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path}: the key is not an Ed25519 private key")
        return key
    key = Ed25519PrivateKey.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    public_path(path).write_bytes(key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    return key


def public_path(signing_key_path: Path) -> Path:
    return Path(signing_key_path).with_suffix(".pub.pem")
