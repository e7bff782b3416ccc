"""Claim: in a production build, TLS verification and certificate pinning cannot be turned off by
configuration: not by kiosk.toml, not by a KIOSK__ variable, not by the environment requests would read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kiosk import build_flavour
from kiosk.config import ConfigError, load_config
from kiosk.sync_setup import central_client
from sync.central import CentralServer, TlsFiles
from sync.devpki import make_dev_pki
from sync.errors import Ok, SyncFailure
from sync.transport import HttpRequest, RequestsTransport, TransportError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pki(tmp_path):
    return make_dev_pki(tmp_path / "pki", ("t-0042",))


@pytest.fixture
def platform(tmp_path, pki):
    tls = TlsFiles(pki.server_cert, pki.server_key, pki.ca_cert)
    with CentralServer(tmp_path / "central.db", port=0, tls=tls) as server:
        yield server


def write(tmp_path, text):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def central_toml(url, ca_file=None, pki=None):
    lines = ["[terminal]", 'terminal_id = "t-0042"', "", "[central]", f'url = "{url}"']
    if ca_file:
        lines.append(f'ca_file = "{ca_file}"')
    if pki is not None:
        cert, key = pki.terminals["t-0042"]
        lines += [f'client_cert = "{cert}"', f'client_key = "{key}"']
    return "\n".join(lines) + "\n"


def refusal(path, env=None):
    with pytest.raises(ConfigError) as caught:
        load_config(path, env=env or {}, simulate=True)
    return str(caught.value)


def stored_events(server):
    return server.ctx.db.read(lambda c: c.execute("SELECT count(*) FROM events").fetchone()[0])


# ---- configuration ----------------------------------------------------------------------------------------


def test_an_http_platform_is_refused_naming_the_file_and_line(production, tmp_path, pki):
    path = write(tmp_path, central_toml("http://central.example:8600", pki.ca_cert))
    assert refusal(path) == (f'{path}:5: [central] url: a production build talks to the central platform over '
                             'https only, got "http://central.example:8600"')


def test_the_built_in_address_is_not_enough_for_a_production_build(production, tmp_path):
    path = write(tmp_path, '[terminal]\nterminal_id = "t-0042"\n\n[central]\ntimeout_s = 5.0\n')
    message = refusal(path)
    assert f"{path}:4: [central] url: a production build talks to the central platform over https only" in message
    assert f"{path}:4: [central] ca_file: missing; a production build pins the central platform's CA" in message


def test_https_without_a_pinned_ca_is_refused(production, tmp_path):
    path = write(tmp_path, central_toml("https://central.example"))
    assert refusal(path) == (f"{path}:4: [central] ca_file: missing; a production build pins the central "
                             "platform's CA")


@pytest.mark.parametrize(("env", "named"), [
    ({"KIOSK__CENTRAL__URL": "http://127.0.0.1:8600"}, "KIOSK__CENTRAL__URL"),
    ({"KIOSK__CENTRAL__CA_FILE": ""}, "KIOSK__CENTRAL__CA_FILE"),
    ({"KIOSK__CENTRAL__CA_FILE": "false"}, "KIOSK__CENTRAL__CA_FILE"),
    ({"KIOSK__CENTRAL__VERIFY": "false"}, "KIOSK__CENTRAL__VERIFY"),
    ({"KIOSK__CENTRAL__INSECURE": "true"}, "KIOSK__CENTRAL__INSECURE"),
])
def test_environment_overrides_cannot_switch_it_off(production, tmp_path, pki, env, named):
    path = write(tmp_path, central_toml("https://central.example", pki.ca_cert))
    load_config(path, env={}, simulate=True)  # the file itself is fine
    assert f"environment variable {named}: " in refusal(path, env)


def test_no_configuration_key_can_turn_verification_off():
    from kiosk.config.schema import CentralConfig

    keys = set(CentralConfig.model_fields)
    assert not keys & {"verify", "insecure", "verify_tls", "tls_verify", "skip_verify", "trust_system_ca"}
    with pytest.raises(ValueError, match="extra"):
        CentralConfig(url="https://central.example", ca_file="/etc/kiosk/ca.pem", verify=False)


def test_a_development_build_still_talks_plain_http(tmp_path):
    assert build_flavour.PRODUCTION is False  # this checkout carries no marker
    path = write(tmp_path, central_toml("http://127.0.0.1:8600"))
    assert load_config(path, env={}, simulate=True).central.url == "http://127.0.0.1:8600"


# ---- the connection ---------------------------------------------------------------------------------------


def test_a_platform_certified_by_another_ca_is_refused(production, tmp_path, pki, platform, monkeypatch):
    ours = make_dev_pki(tmp_path / "ours", ("t-0042",))  # the CA this terminal pins is not the platform's
    path = write(tmp_path, central_toml(platform.url, ours.ca_cert, pki))
    # what requests, curl and OpenSSL would read to trust the platform's CA after all
    for var in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "SSL_CERT_FILE"):
        monkeypatch.setenv(var, str(pki.ca_cert))
    monkeypatch.setenv("SSL_CERT_DIR", str(pki.ca_cert.parent))
    client = central_client(load_config(path, env={}, simulate=True))
    result = client.submit_batch([{"id": "e1", "stream": "rating", "created_at": "2026-11-23T03:00:00.000Z",
                                   "payload": {"stars": 5}}], "k")
    assert isinstance(result, SyncFailure) and result.code == "sync.tls"
    assert stored_events(platform) == 0


def test_the_pinned_ca_is_what_makes_it_work(production, tmp_path, pki, platform):
    path = write(tmp_path, central_toml(platform.url, pki.ca_cert, pki))
    client = central_client(load_config(path, env={}, simulate=True))
    assert isinstance(client.pickup_records(), Ok)


def test_https_without_a_pinned_ca_never_falls_back_to_the_system_store(platform, pki, monkeypatch):
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(pki.ca_cert))
    monkeypatch.setenv("CURL_CA_BUNDLE", str(pki.ca_cert))
    transport = RequestsTransport(platform.url, client_cert=pki.terminals["t-0042"])
    with pytest.raises(TransportError) as caught:
        transport.send(HttpRequest("GET", "/v1/pickups"), 5.0)
    assert caught.value.code == "sync.tls"
    assert "pinned" in caught.value.detail


def test_a_session_with_verification_switched_off_sends_nothing(platform, pki):
    transport = RequestsTransport(platform.url, ca_file=pki.ca_cert, client_cert=pki.terminals["t-0042"])
    transport._session.verify = False  # what a careless later change (or a debugging session) might do
    with pytest.raises(TransportError) as caught:
        transport.send(HttpRequest("POST", "/v1/events", body=b"{}"), 5.0)
    assert caught.value.code == "sync.tls"
    transport._session.trust_env = True
    transport._session.verify = str(pki.ca_cert)
    with pytest.raises(TransportError):
        transport.send(HttpRequest("GET", "/v1/pickups"), 5.0)


# ---- the build ------------------------------------------------------------------------------------------


def test_the_flavour_comes_from_the_marker_file_only(tmp_path, monkeypatch):
    marker = tmp_path / build_flavour.MARKER_NAME
    assert build_flavour.detect(marker) is False
    marker.write_text("production\n")
    assert build_flavour.detect(marker) is True
    source = (ROOT / "kiosk" / "build_flavour.py").read_text()
    assert "os.environ" not in source and "getenv" not in source  # no variable can pretend either way


def test_the_package_builder_writes_the_marker_into_the_packaged_kiosk():
    tree = ast.parse((ROOT / "packaging" / "build_deb.py").read_text())
    writes = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
              and isinstance(node.func, ast.Attribute) and node.func.attr == "write_text"
              and build_flavour.MARKER_NAME in ast.unparse(node.func.value)]
    assert len(writes) == 1
    assert "'kiosk'" in ast.unparse(writes[0].func.value)
    assert not (ROOT / "kiosk" / build_flavour.MARKER_NAME).exists()  # never in the source tree
