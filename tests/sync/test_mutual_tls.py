"""Mutual TLS: the terminal pins the platform's CA and shows its own certificate; the platform knows the
terminal by that certificate, and refuses a client without one. Certificates are made here with cryptography."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.central import CentralServer, TlsFiles
from sync.client import CentralClient
from sync.devpki import DevPki, make_dev_pki
from sync.errors import Ok, SyncFailure
from sync.transport import RequestsTransport

EVENT = {"id": "e1", "stream": "rating", "created_at": "2026-11-23T03:00:00.000Z", "payload": {"stars": 5}}


@pytest.fixture
def pki(tmp_path: Path) -> DevPki:
    return make_dev_pki(tmp_path / "pki", ("t-0042",))


@pytest.fixture
def tls_server(tmp_path: Path, pki: DevPki) -> Iterator[CentralServer]:
    tls = TlsFiles(pki.server_cert, pki.server_key, pki.ca_cert)
    with CentralServer(tmp_path / "central.db", port=0, tls=tls) as server:
        yield server


def test_terminal_is_known_by_its_certificate(tls_server: CentralServer, pki: DevPki) -> None:
    transport = RequestsTransport(tls_server.url, ca_file=pki.ca_cert, client_cert=pki.terminals["t-0042"])
    client = CentralClient(transport, terminal_id="t-9999")  # the header claims another terminal: ignored
    assert client.submit_batch([EVENT], "k").value[0].status == "stored"
    stored = tls_server.ctx.db.read(lambda c: c.execute("SELECT terminal FROM events").fetchall())
    assert stored == [("t-0042",)]
    assert isinstance(client.heartbeat({}, {}), Ok)


def test_client_without_certificate_is_refused(tls_server: CentralServer, pki: DevPki) -> None:
    client = CentralClient(RequestsTransport(tls_server.url, ca_file=pki.ca_cert), terminal_id="t-0042")
    result = client.submit_batch([EVENT], "k")
    # The handshake lets it in (a terminal that enrols has no certificate yet); every terminal route says no.
    assert isinstance(result, SyncFailure) and result.code == "sync.unauthorized"
    assert result.detail == "HTTP 401 auth.no_certificate"
    assert tls_server.ctx.db.read(lambda c: c.execute("SELECT count(*) FROM events").fetchone()[0]) == 0


def test_platform_signed_by_another_ca_is_not_trusted(tls_server: CentralServer, pki: DevPki,
                                                      tmp_path: Path) -> None:
    other = make_dev_pki(tmp_path / "other", ("t-0042",))
    transport = RequestsTransport(tls_server.url, ca_file=other.ca_cert, client_cert=pki.terminals["t-0042"])
    result = CentralClient(transport, terminal_id="t-0042").pickup_records()
    assert isinstance(result, SyncFailure) and result.code == "sync.tls"
    assert result.detail == "the TLS handshake failed"  # our words, not the library's


def test_dev_pki_keys_are_private(pki: DevPki) -> None:
    for key in (pki.ca_key, pki.server_key, pki.terminals["t-0042"][1]):
        assert key.stat().st_mode & 0o077 == 0


def test_a_pinned_ca_file_that_is_missing_is_a_tls_failure_not_a_crash(tmp_path):
    # A terminal installed but not yet provisioned names /etc/kiosk/central-ca.pem before it exists: offline.
    from sync.transport import HttpRequest, RequestsTransport, TransportError

    transport = RequestsTransport("https://unprovisioned.invalid", ca_file=tmp_path / "central-ca.pem")
    with pytest.raises(TransportError) as refused:
        transport.send(HttpRequest("GET", "/health"), 2.0)
    assert refused.value.code == "sync.tls" and "central-ca.pem" in refused.value.detail
