"""Serving the reference central platform: werkzeug's threaded server, plain HTTP or mutual TLS.

    server = CentralServer(db_path, host="127.0.0.1", port=0, tls=TlsFiles(...), registry=photo_dir,
                           locker_doors=24); server.start(); server.url; server.pickup_public_key
    ...; server.stop()

Two Ed25519 keys live beside the database unless given: bundle-signing.pem (configuration bundles) and
pickup-signing.pem (pickup codes and records); each public key is written next to it as *.pub.pem.

With TLS and a client CA, every client must present a certificate signed by that CA (or by the terminal CA
that certifies enrolled terminals, terminal-ca.pem beside the database unless given), and the terminal's
identity is its certificate's common name (no header can claim another); only /health and /v1/enrol
answer a client without one. Without TLS, for development on
one machine, a terminal names itself with X-Terminal-Id.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from cryptography.hazmat.primitives.serialization import Encoding
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from sync.bundles import load_or_create_signing_key, public_path
from sync.central.app import create_app
from sync.central.context import PEER_CN, Central
from sync.central.enrolment import (
    DEFAULT_TOKEN_LIFETIME,
    EnrolToken,
    create_token,
    load_or_create_terminal_ca,
)
from sync.central.pickup_codes import public_raw
from sync.central.registry import load_registry
from sync.central.storage import CentralDb


@dataclass(frozen=True)
class TlsFiles:
    cert: Path  # the server's certificate chain (PEM)
    key: Path  # its private key (PEM)
    client_ca: Path | None = None  # CA that signs terminals' certificates: mutual TLS when given


def server_tls_context(tls: TlsFiles, terminal_ca_pem: bytes = b"") -> ssl.SSLContext:
    """A client certificate is asked for and verified when shown (by the client CA, or the terminal CA of
    enrolment), but not insisted on: a terminal that is enrolling has none yet. The application refuses
    every other route without one (context.require_certificate)."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(tls.cert, tls.key)
    if tls.client_ca is not None:
        context.load_verify_locations(tls.client_ca)
        if terminal_ca_pem:
            context.load_verify_locations(cadata=terminal_ca_pem.decode())
        context.verify_mode = ssl.CERT_OPTIONAL
    return context


class _Handler(WSGIRequestHandler):
    """Puts the verified client certificate's common name in the environ; keeps werkzeug's access log quiet."""

    def make_environ(self) -> dict[str, Any]:
        environ = super().make_environ()
        getpeercert = getattr(self.connection, "getpeercert", None)
        cert = getpeercert() if getpeercert else None
        if cert:
            for rdn in cert.get("subject", ()):
                for name, value in rdn:
                    if name == "commonName":
                        environ[PEER_CN] = value
        return environ

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        pass

    def log(self, type: str, message: str, *args: Any) -> None:
        if type == "error":
            super().log(type, message, *args)


def utc_now() -> datetime:
    return datetime.now(UTC)


class CentralServer:
    """The reference platform on a port (0: a free one), served from a thread until stop()."""

    def __init__(self, db_path: Path, *, host: str = "127.0.0.1", port: int = 8600, tls: TlsFiles | None = None,
                 signing_key: Path | None = None, pickup_key: Path | None = None, registry: Path | None = None,
                 clock: Callable[[], datetime] = utc_now, control: bool = True,
                 terminal_ca: tuple[Path, Path] | None = None, enrol_ca: Path | None = None,
                 enrol_tokens: Sequence[EnrolToken] = (), **options: Any) -> None:
        """`terminal_ca`: (certificate, key) of the CA that signs enrolled terminals (default: made beside the
        database); `enrol_ca`: the CA enrolling terminals are told to pin (default: the client CA);
        `enrol_tokens`: made at start, valid for three days (one already stored keeps its terms)."""
        db_path = Path(db_path)
        self.signing_key_path = signing_key or db_path.with_name("bundle-signing.pem")
        self.public_key_path = public_path(self.signing_key_path)  # what terminals pin for bundles
        self.pickup_key_path = pickup_key or db_path.with_name("pickup-signing.pem")
        self.pickup_public_key_path = public_path(self.pickup_key_path)  # what terminals pin for pickup codes
        photos = load_registry(registry) if registry is not None else {}  # RegistryError names a bad file
        key = load_or_create_signing_key(self.pickup_key_path)
        self.pickup_public_key = public_raw(key)
        ca_cert, ca_key = terminal_ca or (db_path.with_name("terminal-ca.pem"), db_path.with_name("terminal-ca.key"))
        self.terminal_ca_path = ca_cert
        self.terminal_ca = load_or_create_terminal_ca(ca_cert, ca_key, clock())
        enrol_ca = enrol_ca or (tls.client_ca if tls else None)
        self.ctx = Central(CentralDb(db_path), clock, load_or_create_signing_key(self.signing_key_path),
                           tls=tls is not None, control=control, pickup_key=key, registry=photos,
                           terminal_ca=self.terminal_ca, enrol_ca_pem=enrol_ca.read_bytes() if enrol_ca else b"",
                           **options)
        for token in enrol_tokens:
            create_token(self.ctx.db, token, now=clock(), expires_at=clock() + DEFAULT_TOKEN_LIFETIME)
        self.app = create_app(self.ctx)
        self._server: BaseWSGIServer = make_server(
            host, port, self.app, threaded=True, request_handler=_Handler,
            ssl_context=server_tls_context(tls, self.terminal_ca.cert.public_bytes(Encoding.PEM)) if tls else None)
        self._thread: threading.Thread | None = None
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://{host}:{self._server.server_port}"

    def start(self) -> Self:
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="central-server",
                                        daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        self._server.serve_forever()

    def stop(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=10)
        self._server.server_close()
        self.ctx.db.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
