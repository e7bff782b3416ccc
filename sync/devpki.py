"""A development PKI for mutual TLS: a CA, a server certificate for loopback, and terminal certificates.

    make_dev_pki(folder, terminals=("dev-0001",)) -> DevPki (paths of every file)

For development and tests only: a real deployment's CA lives with the platform operator, and each
terminal's key is made on the terminal. Private keys are written with mode 0600.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID


@dataclass(frozen=True)
class DevPki:
    ca_cert: Path
    ca_key: Path
    server_cert: Path
    server_key: Path
    terminals: dict[str, tuple[Path, Path]] = field(default_factory=dict)  # id -> (cert, key)


def _write_key(key: ec.EllipticCurvePrivateKey, path: Path) -> None:
    path.touch(mode=0o600)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "kiosk development"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def issue(ca_key: ec.EllipticCurvePrivateKey, ca_cert: x509.Certificate | None, common: str, *,
          key: ec.EllipticCurvePrivateKey, server: bool = False, days: int = 365,
          now: datetime | None = None) -> x509.Certificate:
    now = now or datetime.now(UTC)
    is_ca = ca_cert is None
    builder = (x509.CertificateBuilder().subject_name(_name(common))
               .issuer_name(_name(common) if is_ca else ca_cert.subject)  # type: ignore[union-attr]
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - timedelta(minutes=5)).not_valid_after(now + timedelta(days=days))
               .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True))
    if is_ca:
        builder = builder.add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                                        critical=True)
        builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    else:
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                                        False)
        usage = ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH
        builder = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        if server:
            builder = builder.add_extension(x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
    return builder.sign(ca_key, hashes.SHA256())


def make_dev_pki(folder: Path, terminals: tuple[str, ...] = ("dev-0001",)) -> DevPki:
    folder = Path(folder)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    pem = serialization.Encoding.PEM
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = issue(ca_key, None, "kiosk development CA", key=ca_key, days=3650)
    paths = DevPki(folder / "ca.pem", folder / "ca.key", folder / "server.pem", folder / "server.key")
    paths.ca_cert.write_bytes(ca.public_bytes(pem))
    _write_key(ca_key, paths.ca_key)
    server_key = ec.generate_private_key(ec.SECP256R1())
    paths.server_cert.write_bytes(issue(ca_key, ca, "localhost", key=server_key, server=True).public_bytes(pem))
    _write_key(server_key, paths.server_key)
    for terminal in terminals:
        key = ec.generate_private_key(ec.SECP256R1())
        cert_path, key_path = folder / f"{terminal}.pem", folder / f"{terminal}.key"
        cert_path.write_bytes(issue(ca_key, ca, terminal, key=key).public_bytes(pem))
        _write_key(key, key_path)
        paths.terminals[terminal] = (cert_path, key_path)
    return paths
