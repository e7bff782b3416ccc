"""POST /v1/enrol on the reference platform: single-use tokens stored as digests, a certificate bound to the
request's key, the same answer for the same key again, stable codes for every refusal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from sync.central import CentralServer
from sync.central.enrolment import EnrolToken, create_token, parse_token_option, token_digest

PEM = serialization.Encoding.PEM


def csr_of(key: ec.EllipticCurvePrivateKey, name: str = "whatever the terminal says") -> str:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    return x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256()).public_bytes(
        PEM).decode()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[CentralServer]:
    tokens = [EnrolToken("tok-1", "t-0101", "一号厅", "Hall 1")]
    with CentralServer(tmp_path / "central.db", port=0, enrol_tokens=tokens) as running:
        yield running


def enrol(server: CentralServer, token: str, csr: str) -> requests.Response:
    return requests.post(server.url + "/v1/enrol", json={"token": token, "csr": csr}, timeout=10)


def test_the_certificate_names_the_terminal_and_is_for_client_authentication(server: CentralServer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    answer = enrol(server, "tok-1", csr_of(key))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["terminal_id"] == "t-0101" and body["hall"] == {"name_zh": "一号厅", "name_en": "Hall 1"}
    cert = x509.load_pem_x509_certificate(body["certificate"].encode())
    assert cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value == "t-0101"
    assert cert.public_key() == key.public_key()
    assert cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value == x509.ExtendedKeyUsage(
        [ExtendedKeyUsageOID.CLIENT_AUTH])
    cert.verify_directly_issued_by(server.terminal_ca.cert)
    assert body["bundle_public_key"].encode() == server.public_key_path.read_bytes()
    assert body["pickup_public_key"].encode() == server.pickup_public_key_path.read_bytes()
    assert body["ca"] is None  # plain http: no server CA to pin


def test_the_same_key_gets_the_same_certificate_and_another_key_is_refused(server: CentralServer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    first = enrol(server, "tok-1", csr_of(key)).json()["certificate"]
    assert enrol(server, "tok-1", csr_of(key, "asked again")).json()["certificate"] == first
    other = enrol(server, "tok-1", csr_of(ec.generate_private_key(ec.SECP256R1())))
    assert other.status_code == 409 and other.json()["code"] == "enrol.token_used"


def test_unknown_and_expired_tokens(server: CentralServer) -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    unknown = enrol(server, "tok-nope", csr_of(key))
    assert unknown.status_code == 403 and unknown.json()["code"] == "enrol.token_unknown"
    now = datetime.now(UTC)
    create_token(server.ctx.db, EnrolToken("tok-old", "t-0102", "二号厅", "Hall 2"), now=now - timedelta(days=4),
                 expires_at=now - timedelta(days=1))
    expired = enrol(server, "tok-old", csr_of(key))
    assert expired.status_code == 403 and expired.json()["code"] == "enrol.token_expired"


def test_a_request_whose_signature_does_not_match_is_refused(server: CentralServer) -> None:
    good = csr_of(ec.generate_private_key(ec.SECP256R1()))
    der = bytearray(x509.load_pem_x509_csr(good.encode()).public_bytes(serialization.Encoding.DER))
    der[-3] ^= 0x55  # inside the signature
    tampered = x509.load_der_x509_csr(bytes(der)).public_bytes(PEM).decode()
    for csr in (tampered, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n", 7):
        answer = requests.post(server.url + "/v1/enrol", json={"token": "tok-1", "csr": csr}, timeout=10)
        assert answer.status_code == 400 and answer.json()["code"] == "enrol.bad_csr", csr
    ed = ed25519.Ed25519PrivateKey.generate()
    edcsr = x509.CertificateSigningRequestBuilder().subject_name(x509.Name([])).sign(ed, None).public_bytes(PEM)
    answer = enrol(server, "tok-1", edcsr.decode())
    assert answer.status_code == 400 and "P-256" in answer.json()["message"]
    assert enrol(server, "tok-1", good).status_code == 200  # the token was not used up by the bad requests


def test_the_operator_makes_tokens_and_only_their_digest_is_stored(server: CentralServer) -> None:
    made = requests.post(server.url + "/control/enrol-tokens",
                         json={"terminal_id": "t-0200", "hall_name_zh": "三号厅", "expires_in_s": 600}, timeout=10)
    assert made.status_code == 201, made.text
    token = made.json()["token"]
    rows = server.ctx.db.read(lambda c: c.execute("SELECT token_sha256, hall_name_en FROM enrol_tokens "
                                                  "WHERE terminal = 't-0200'").fetchall())
    assert rows == [(token_digest(token), "三号厅")]
    db = Path(server.ctx.db.path)
    assert all(token.encode() not in f.read_bytes() for f in (db, db.with_name(db.name + "-wal")) if f.exists())
    again = requests.post(server.url + "/control/enrol-tokens",
                          json={"terminal_id": "t-0201", "hall_name_zh": "x", "token": token}, timeout=10)
    assert again.status_code == 409 and again.json()["code"] == "control.token_exists"
    assert enrol(server, token, csr_of(ec.generate_private_key(ec.SECP256R1()))).json()["terminal_id"] == "t-0200"


def test_the_command_line_token_option() -> None:
    assert parse_token_option("abc=t-1:东厅|East Hall") == EnrolToken("abc", "t-1", "东厅", "East Hall")
    assert parse_token_option("abc=t-1:Hall 9") == EnrolToken("abc", "t-1", "Hall 9", "Hall 9")
    for bad in ("abc", "abc=t-1", "abc=t-1:", "a b=t-1:x", "abc=t 1:x"):
        with pytest.raises(ValueError, match="is not TOKEN=TERMINAL_ID:HALL"):
            parse_token_option(bad)
