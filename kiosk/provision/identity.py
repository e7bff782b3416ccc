"""The terminal's key pair and certificate: made here, never sent anywhere but as a certificate request.

The private key is an EC P-256 key (PKCS#8 PEM, mode 0600). It is made once and kept: running the
enrolment again re-uses it, which is what lets the platform answer a repeated request with the same
certificate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

PEM = serialization.Encoding.PEM


@dataclass(frozen=True)
class KeyPair:
    private: ec.EllipticCurvePrivateKey
    created: bool  # False: an existing key was kept


def private_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def load_or_make_key(path: Path, write: Callable[[Path, bytes], None]) -> KeyPair:
    """The key in `path`, or a new one written there with `write` (which sets mode and owner).

    Raises OSError when it cannot be read or written, ValueError when the file is not an EC private key
    (an installer's file is never overwritten)."""
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (TypeError, UnsupportedAlgorithm):  # a key with a passphrase, or of a kind not supported
            raise ValueError(f"{path} holds a private key this tool cannot read") from None
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise ValueError(f"{path} holds a private key that is not an EC key")
        return KeyPair(key, created=False)
    key = ec.generate_private_key(ec.SECP256R1())
    write(path, private_pem(key))
    return KeyPair(key, created=True)


def certificate_request(key: ec.EllipticCurvePrivateKey) -> str:
    """A PKCS#10 certificate request (PEM). The platform decides the name; the subject only says what it is."""
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kiosk terminal enrolment")])
    return x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256()).public_bytes(
        PEM).decode()


def common_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(names[0].value) if names else ""


def same_key(cert: x509.Certificate, key: ec.EllipticCurvePrivateKey) -> bool:
    return cert.public_key() == key.public_key()


def fitting_certificate(path: Path, key: ec.EllipticCurvePrivateKey, terminal_id: str, now: datetime) -> bool:
    """Whether `path` holds a certificate for this key and terminal that is valid now (unreadable: no)."""
    try:
        cert = x509.load_pem_x509_certificate(path.read_bytes())
    except (OSError, ValueError):
        return False
    return (same_key(cert, key) and common_name(cert) == terminal_id
            and cert.not_valid_before_utc <= now < cert.not_valid_after_utc)


def read_certificate(pem: str) -> x509.Certificate | None:
    try:
        return x509.load_pem_x509_certificate(pem.encode())
    except ValueError:
        return None
