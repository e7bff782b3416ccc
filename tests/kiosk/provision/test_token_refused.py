"""A token the platform refuses (used by another terminal, unknown, expired): the installer reads the
platform's code, the exit code is not 0, and nothing is recorded as provisioned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.kiosk.provision.conftest import Platform


def test_a_token_used_by_another_terminal_is_refused(platform: Platform, provision_cmd, tmp_path: Path) -> None:
    token, ca = platform.token(), str(platform.pki.ca_cert)
    assert provision_cmd("--central", platform.url, "--token", token, "--ca", ca).code == 0
    other = tmp_path / "other-terminal"
    ran = provision_cmd("--central", platform.url, "--token", token, "--ca", ca, folder=other)
    assert ran.code == 3
    assert ran.err.startswith("kiosk provision: the central platform refused the enrolment: enrol.token_used")
    assert not (other / "kiosk.d" / "50-provisioned.toml").exists()


@pytest.mark.parametrize(("expired", "code"), [(None, "enrol.token_unknown"), (True, "enrol.token_expired")])
def test_unknown_and_expired_tokens_are_refused(platform: Platform, provision_cmd, config_dir: Path,
                                                expired: bool | None, code: str) -> None:
    token = "never-made" if expired is None else platform.token(expired=True)
    ran = provision_cmd("--central", platform.url, "--token", token, "--ca", str(platform.pki.ca_cert))
    assert ran.code == 3
    assert f"refused the enrolment: {code}" in ran.err
    assert not (config_dir / "kiosk.d" / "50-provisioned.toml").exists()
    assert not (config_dir / "identity" / "terminal.pem").exists()
