"""The platform is never trusted on first use: https needs its CA; another CA is a clear TLS failure;
plain http works for development only, with a warning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.central import CentralServer
from sync.devpki import make_dev_pki
from tests.kiosk.provision.conftest import TERMINAL, Platform


def test_https_without_a_ca_is_refused_before_anything_is_made(platform: Platform, provision_cmd,
                                                                config_dir: Path) -> None:
    ran = provision_cmd("--central", platform.url, "--token", platform.token())
    assert ran.code == 2
    assert "is https, but no CA was given to check it: pass the platform's CA certificate with --ca" in ran.err
    assert "never trusted on first use" in ran.err
    assert not (config_dir / "identity").exists()


def test_a_platform_signed_by_another_ca_is_a_tls_failure(platform: Platform, provision_cmd, config_dir: Path,
                                                          tmp_path: Path) -> None:
    other = make_dev_pki(tmp_path / "other-pki", ())
    ran = provision_cmd("--central", platform.url, "--token", platform.token(), "--ca", str(other.ca_cert))
    assert ran.code == 3
    assert ran.err.startswith(f"kiosk provision: the secure connection to {platform.url} failed: its certificate "
                              f"is not signed by the CA in {other.ca_cert}")
    assert not (config_dir / "kiosk.d" / "50-provisioned.toml").exists()


def test_a_ca_file_that_is_not_a_certificate_is_named(platform: Platform, provision_cmd, tmp_path: Path) -> None:
    junk = tmp_path / "ca.pem"
    junk.write_text("not a certificate")
    ran = provision_cmd("--central", platform.url, "--token", platform.token(), "--ca", str(junk))
    assert ran.code == 2 and f"the CA file {junk} is not a PEM certificate" in ran.err


@pytest.fixture
def plain_platform(tmp_path: Path) -> Iterator[CentralServer]:
    with CentralServer(tmp_path / "plain" / "central.db", port=0) as server:
        yield server


def test_plain_http_works_for_development_with_a_warning(plain_platform: CentralServer, provision_cmd,
                                                          config_dir: Path) -> None:
    token = Platform(plain_platform, make_dev_pki(config_dir.parent / "unused", ())).token()
    ran = provision_cmd("--central", plain_platform.url, "--token", token)
    assert ran.code == 0, ran.err
    assert "warning:" in ran.err and "is plain http" in ran.err and "development only" in ran.err
    assert ran.out.startswith(f"provisioned as {TERMINAL}")


def test_a_production_build_refuses_plain_http(plain_platform: CentralServer, provision_cmd,
                                               monkeypatch: pytest.MonkeyPatch, config_dir: Path) -> None:
    from kiosk import build_flavour

    monkeypatch.setattr(build_flavour, "PRODUCTION", True)
    ran = provision_cmd("--central", plain_platform.url, "--token", "tok")
    assert ran.code == 2 and "is plain http: a production build enrols over https only" in ran.err
    assert not (config_dir / "identity").exists()
