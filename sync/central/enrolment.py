"""Enrolment: a new terminal trades a single-use token and a certificate request for its mutual-TLS identity.

    POST /v1/enrol {"token", "csr": PEM} -> {"terminal_id", "hall": {"name_zh", "name_en"}, "certificate",
                                             "ca", "bundle_public_key", "pickup_public_key"}

The platform operator makes a token for one terminal id and hall (`kiosk central --enrol-token`, or
POST /control/enrol-tokens); only its SHA-256 is stored. The token works once, before it expires: the
certificate (CN = terminal id, clientAuth, signed by the terminal CA) is bound to the request's public key.
The same token with the same public key again returns the same certificate, so a terminal that lost the
answer may simply ask again; with another key it is `enrol.token_used`.

The terminal CA is the dev PKI's CA when given, else a P-256 CA made beside the database on first use.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from flask import Blueprint, Response, jsonify

from sync.central.context import TOKEN, Central, central, fail, json_body
from sync.central.storage import CentralDb
from sync.db import iso, parse_iso

bp = Blueprint("enrolment", __name__)
PEM = serialization.Encoding.PEM
DEFAULT_TOKEN_LIFETIME = timedelta(hours=72)
MAX_CSR_BYTES = 16 << 10


@dataclass(frozen=True)
class TerminalCa:
    cert: x509.Certificate
    key: ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class EnrolToken:
    """What the operator hands an installer, and whom it enrols."""

    token: str
    terminal_id: str
    hall_name_zh: str
    hall_name_en: str


def parse_token_option(text: str) -> EnrolToken:
    """`TOKEN=TERMINAL_ID:HALL` (HALL: `中文名|English name`, or one name for both); ValueError says what."""
    token, _, rest = text.partition("=")
    terminal_id, _, hall = rest.partition(":")
    if not (TOKEN.match(token) and TOKEN.match(terminal_id) and hall.strip()):
        raise ValueError(f"{text[:80]!r} is not TOKEN=TERMINAL_ID:HALL (token and terminal id: 1-64 of "
                         "A-Z a-z 0-9 _ . : -; HALL: a name, or 中文名|English name)")
    zh, _, en = hall.partition("|")
    return EnrolToken(token, terminal_id, zh.strip(), (en or zh).strip())


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(db: CentralDb, token: EnrolToken, *, now: datetime, expires_at: datetime) -> bool:
    """Store a token (its digest only); False if it exists already (it keeps its first terms and use)."""
    with db.write() as conn:
        return bool(conn.execute(
            "INSERT OR IGNORE INTO enrol_tokens (token_sha256, terminal, hall_name_zh, hall_name_en, created_at, "
            "expires_at) VALUES (?, ?, ?, ?, ?, ?)",
            (token_digest(token.token), token.terminal_id, token.hall_name_zh, token.hall_name_en, iso(now),
             iso(expires_at))).rowcount)


def load_or_create_terminal_ca(cert_path: Path, key_path: Path, now: datetime) -> TerminalCa:
    """The CA that signs enrolled terminals: read from the two PEM files, or made there (key 0600)."""
    if cert_path.exists() and key_path.exists():
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey) or key.public_key() != cert.public_key():
            raise ValueError(f"{key_path}: not the EC private key of {cert_path}")
        return TerminalCa(cert, key)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kiosk terminal CA (reference server)")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(key, hashes.SHA256()))
    key_path.parent.mkdir(parents=True, exist_ok=True)
    key_path.touch(mode=0o600)
    key_path.write_bytes(key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    cert_path.write_bytes(cert.public_bytes(PEM))
    return TerminalCa(cert, key)


def issue_terminal_certificate(ca: TerminalCa, csr: x509.CertificateSigningRequest, terminal_id: str, *,
                               now: datetime, days: int) -> x509.Certificate:
    """A client certificate for `terminal_id` over the request's public key (the request's subject is ignored)."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, terminal_id)])
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(ca.cert.subject)
            .public_key(csr.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False),
                           critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.key.public_key()), critical=False)
            .sign(ca.key, hashes.SHA256()))


def _csr(text: object) -> x509.CertificateSigningRequest:
    if not isinstance(text, str) or len(text) > MAX_CSR_BYTES:
        fail(400, "enrol.bad_csr", "csr must be a PEM certificate request")
    try:
        csr = x509.load_pem_x509_csr(text.encode())
        valid = csr.is_signature_valid
        key = csr.public_key()
    except ValueError:
        fail(400, "enrol.bad_csr", "csr is not a readable PEM certificate request")
    if not valid:
        fail(400, "enrol.bad_csr", "the certificate request's signature does not match its public key")
    if not (isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name in ("secp256r1", "secp384r1")):
        fail(400, "enrol.bad_csr", "the key must be an EC key on P-256 or P-384")
    return csr


def _answer(ctx: Central, terminal_id: str, zh: str, en: str, certificate: str) -> dict:
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    return {"terminal_id": terminal_id, "hall": {"name_zh": zh, "name_en": en}, "certificate": certificate,
            "ca": ctx.enrol_ca_pem.decode() or None,
            "bundle_public_key": ctx.signing_key.public_key().public_bytes(PEM, public).decode(),
            "pickup_public_key": ctx.pickup_key.public_key().public_bytes(PEM, public).decode()}


@bp.post("/v1/enrol")
def enrol() -> Response:
    ctx, body = central(), json_body()
    if ctx.terminal_ca is None:
        fail(503, "enrol.unavailable", "this server has no terminal CA to certify terminals with")
    token = body.get("token")
    csr = _csr(body.get("csr"))
    if not (isinstance(token, str) and TOKEN.match(token)):
        fail(403, "enrol.token_unknown", "this enrolment token is not known")
    key_digest = hashlib.sha256(csr.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)).hexdigest()
    now = ctx.clock()
    with ctx.db.write() as conn:
        row = conn.execute("SELECT terminal, hall_name_zh, hall_name_en, expires_at, used_at, public_key_sha256, "
                           "certificate FROM enrol_tokens WHERE token_sha256 = ?", (token_digest(token),)).fetchone()
        if row is None:
            fail(403, "enrol.token_unknown", "this enrolment token is not known")
        terminal_id, zh, en, expires_at, used_at, used_key, certificate = row
        if used_at is not None:
            if secrets.compare_digest(used_key, key_digest):  # the same terminal asking again
                return jsonify(_answer(ctx, terminal_id, zh, en, certificate))
            fail(409, "enrol.token_used", "this enrolment token has been used already")
        if parse_iso(expires_at) <= now:
            fail(403, "enrol.token_expired", f"this enrolment token expired at {expires_at}")
        cert = issue_terminal_certificate(ctx.terminal_ca, csr, terminal_id, now=now, days=ctx.certificate_days)
        certificate = cert.public_bytes(PEM).decode()
        conn.execute("UPDATE enrol_tokens SET used_at = ?, public_key_sha256 = ?, certificate = ? "
                     "WHERE token_sha256 = ?", (iso(now), key_digest, certificate, token_digest(token)))
    return jsonify(_answer(ctx, terminal_id, zh, en, certificate))
