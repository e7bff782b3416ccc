"""Running `kiosk provision` again is safe: a finished run is left as it is, a half-finished one resumes
with the same key (and the platform hands the same certificate again for the same token and key)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.kiosk.provision.conftest import TERMINAL, Platform


def test_a_second_run_keeps_everything_and_says_already_provisioned(platform: Platform, provision_cmd,
                                                                    config_dir: Path) -> None:
    token, ca = platform.token(), str(platform.pki.ca_cert)
    assert provision_cmd("--central", platform.url, "--token", token, "--ca", ca).code == 0
    identity = config_dir / "identity"
    before = {p.name: p.read_bytes() for p in identity.iterdir()}
    dropin = (config_dir / "kiosk.d" / "50-provisioned.toml").read_bytes()

    again = provision_cmd("--central", platform.url, "--token", token, "--ca", ca, "--json")
    assert again.code == 0, again.err
    outcome = json.loads(again.out)
    assert outcome["status"] == "already_provisioned" and outcome["terminal_id"] == TERMINAL
    assert outcome["key_created"] is False
    assert {p.name: p.read_bytes() for p in identity.iterdir()} == before
    assert (config_dir / "kiosk.d" / "50-provisioned.toml").read_bytes() == dropin

    text = provision_cmd("--central", platform.url, "--token", token)  # the CA pinned by the first run
    assert text.code == 0 and text.out.startswith(f"already provisioned as {TERMINAL}")
    assert "existing key kept" in text.out


def test_a_run_stopped_before_the_drop_in_resumes_with_the_same_key_and_certificate(
        platform: Platform, provision_cmd, config_dir: Path) -> None:
    token, ca = platform.token(), str(platform.pki.ca_cert)
    assert provision_cmd("--central", platform.url, "--token", token, "--ca", ca).code == 0
    key = (config_dir / "identity" / "terminal.key").read_bytes()
    certificate = (config_dir / "identity" / "terminal.pem").read_bytes()
    (config_dir / "kiosk.d" / "50-provisioned.toml").unlink()  # stopped after the platform answered

    resumed = provision_cmd("--central", platform.url, "--token", token, "--ca", ca)
    assert resumed.code == 0, resumed.err
    assert resumed.out.startswith(f"provisioned as {TERMINAL}")
    assert (config_dir / "identity" / "terminal.key").read_bytes() == key
    assert (config_dir / "identity" / "terminal.pem").read_bytes() == certificate
    assert (config_dir / "kiosk.d" / "50-provisioned.toml").exists()


def test_a_failed_first_bundle_is_fetched_by_the_next_run(platform: Platform, provision_cmd, config_dir: Path,
                                                         tmp_path: Path) -> None:
    token, ca = platform.token(), str(platform.pki.ca_cert)
    blocked = tmp_path / "var-lib-kiosk"
    blocked.write_text("a file where the data folder should be")
    first = provision_cmd("--central", platform.url, "--token", token, "--ca", ca)
    assert first.code == 4
    assert f"the kiosk's store in {blocked} cannot be opened" in first.err
    assert (config_dir / "kiosk.d" / "50-provisioned.toml").exists()  # enrolment itself is done

    blocked.unlink()
    second = provision_cmd("--central", platform.url, "--token", token, "--ca", ca)
    assert second.code == 0, second.err
    assert second.out.startswith(f"already provisioned as {TERMINAL}")
    assert "first configuration bundle: version 1" in second.out
