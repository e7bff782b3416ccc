"""A first boot that works: the terminal enrols, its files are where the kiosk reads them, with safe modes,
the configuration loads with the drop-in, and the kiosk then talks mutual TLS with its new identity."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from kiosk import sync_setup
from kiosk.config import load_config
from kiosk.store import Store
from sync.client import CentralClient
from sync.errors import Ok, SyncFailure
from sync.pull import trusted
from sync.transport import RequestsTransport
from tests.kiosk.provision.conftest import HALL_EN, HALL_ZH, TERMINAL, Platform


def test_enrolment_writes_the_identity_and_a_drop_in_and_leaves_kiosk_toml_alone(platform: Platform, provision_cmd,
                                                                              config_dir: Path) -> None:
    kiosk_toml = (config_dir / "kiosk.toml").read_bytes()
    ran = provision_cmd("--central", platform.url, "--token", platform.token(), "--ca", str(platform.pki.ca_cert))
    assert ran.code == 0, ran.err
    assert ran.out.startswith(f"provisioned as {TERMINAL} ({HALL_EN})")
    assert (config_dir / "kiosk.toml").read_bytes() == kiosk_toml

    identity = config_dir / "identity"
    assert (identity / "terminal.key").stat().st_mode & 0o777 == 0o600
    for name in ("terminal.pem", "central-ca.pem", "bundle-signing.pub.pem", "pickup-signing.pub.pem"):
        assert (identity / name).stat().st_mode & 0o022 == 0, name
    assert (identity / "central-ca.pem").read_bytes() == platform.pki.ca_cert.read_bytes()
    assert (identity / "bundle-signing.pub.pem").read_bytes() == platform.server.public_key_path.read_bytes()
    assert not list(identity.glob(".*.tmp"))

    assert (config_dir / "kiosk.d").stat().st_mode & 0o777 == 0o755  # read by whoever runs `kiosk`
    assert identity.stat().st_mode & 0o007 == 0
    dropin = tomllib.loads((config_dir / "kiosk.d" / "50-provisioned.toml").read_text(encoding="utf-8"))
    assert dropin["terminal"] == {"terminal_id": TERMINAL, "hall_name_zh": HALL_ZH, "hall_name_en": HALL_EN}
    assert dropin["central"]["url"] == platform.url
    assert dropin["central"]["client_key"] == str(identity / "terminal.key")


def test_the_kiosk_then_knows_its_identity_and_talks_mutual_tls(platform: Platform, provision_cmd,
                                                                 config_dir: Path) -> None:
    assert provision_cmd("--central", platform.url, "--token", platform.token(), "--ca",
                         str(platform.pki.ca_cert)).code == 0
    config = load_config(config_dir / "kiosk.toml", env={})
    assert config.ui.language == "en" and config.central.timeout_s == 10.0  # kiosk.toml still counts
    assert config.terminal.terminal_id == TERMINAL and config.terminal.hall_name_zh == HALL_ZH
    assert config.central.url == platform.url and config.central.client_cert
    assert config.source.endswith("kiosk.d/50-provisioned.toml")

    client = sync_setup.central_client(config)
    assert isinstance(client.heartbeat({"printer": "ready"}, {}), Ok)
    beats = platform.server.ctx.db.read(lambda c: c.execute("SELECT terminal FROM heartbeats").fetchall())
    assert beats == [(TERMINAL,)]  # the platform knows it by its new certificate
    assert len(sync_setup.bundle_keys(config)) == 1  # the running kiosk pulls bundles with the pinned key

    anonymous = CentralClient(RequestsTransport(platform.url, ca_file=Path(config.central.ca_file)),
                              terminal_id=TERMINAL)
    refused = anonymous.pull_bundle("config")
    assert isinstance(refused, SyncFailure) and refused.detail == "HTTP 401 auth.no_certificate"


def test_the_first_signed_bundle_is_pulled_verified_and_stored(platform: Platform, provision_cmd,
                                                               tmp_path: Path) -> None:
    published = platform.control("PUT", "/control/bundles/config", content={"hall": "east 7", "idle_s": 45})
    assert published.status_code == 200, published.text
    ran = provision_cmd("--central", platform.url, "--token", platform.token(), "--ca", str(platform.pki.ca_cert),
                        "--json")
    assert ran.code == 0, ran.err
    outcome = json.loads(ran.out)
    assert outcome["status"] == "provisioned" and outcome["bundle_version"] == published.json()["version"]
    with Store.open(tmp_path / "var-lib-kiosk") as store:
        keys = sync_setup.bundle_keys(load_config(tmp_path / "etc-kiosk" / "kiosk.toml", env={}))
        bundle = trusted(store.db, "config", keys, platform.server.ctx.clock())
    assert bundle is not None and dict(bundle.content) == {"hall": "east 7", "idle_s": 45}
