"""Mutual TLS with enrolment: a client without a certificate reaches /health and /v1/enrol and nothing
else; the certificate it gets there opens every terminal route, known by its common name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from sync.central import CentralServer, TlsFiles
from sync.client import CentralClient
from sync.devpki import DevPki, make_dev_pki
from sync.errors import Ok
from sync.transport import RequestsTransport
from tests.sync.test_enrolment import csr_of


@pytest.fixture
def pki(tmp_path: Path) -> DevPki:
    return make_dev_pki(tmp_path / "pki", ())


@pytest.fixture
def server(tmp_path: Path, pki: DevPki) -> Iterator[CentralServer]:
    from sync.central.enrolment import EnrolToken

    tls = TlsFiles(pki.server_cert, pki.server_key, pki.ca_cert)
    with CentralServer(tmp_path / "central.db", port=0, tls=tls,
                       enrol_tokens=[EnrolToken("tok-9", "t-0900", "九号厅", "Hall 9")]) as running:
        yield running


@pytest.mark.parametrize(("method", "path"), [("GET", "/v1/bundles/config"), ("POST", "/v1/heartbeat"),
                                              ("GET", "/control/events"), ("GET", "/"), ("GET", "/openapi.json"),
                                              ("GET", "/no/such/route")])
def test_without_a_certificate_only_health_and_enrolment_answer(server: CentralServer, pki: DevPki, method: str,
                                                                path: str) -> None:
    assert requests.get(server.url + "/health", verify=str(pki.ca_cert), timeout=10).json() == {"status": "ok"}
    refused = requests.request(method, server.url + path, json={}, verify=str(pki.ca_cert), timeout=10)
    assert refused.status_code == 401 and refused.json()["code"] == "auth.no_certificate"


def test_the_enrolled_certificate_opens_the_terminal_routes(server: CentralServer, pki: DevPki,
                                                           tmp_path: Path) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    answer = requests.post(server.url + "/v1/enrol", json={"token": "tok-9", "csr": csr_of(key)},
                           verify=str(pki.ca_cert), timeout=10).json()
    assert answer["ca"].encode() == pki.ca_cert.read_bytes()  # what the terminal pins: the server's CA
    cert, key_file = tmp_path / "t.pem", tmp_path / "t.key"
    cert.write_text(answer["certificate"])
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    client = CentralClient(RequestsTransport(server.url, ca_file=pki.ca_cert, client_cert=(cert, key_file)),
                           terminal_id="t-claims-another")
    assert isinstance(client.heartbeat({}, {}), Ok)
    assert isinstance(client.pull_bundle("config"), Ok)
    who = server.ctx.db.read(lambda c: c.execute("SELECT terminal FROM heartbeats").fetchall())
    assert who == [("t-0900",)]
