"""From the installed files, as an installer meets a new terminal: `kiosk provision` against a real platform
(the reference server on this machine's loopback, over mutual TLS) writes the identity and the drop-in with
the kiosk user's ownership, and then `kiosk diag --json` lists every configured device (simulated ones
here) in its documented shape, with the exit code that says whether everything passed (0) or not (1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import load_config
from sync.central import CentralServer, TlsFiles
from sync.central.enrolment import EnrolToken
from sync.devpki import make_dev_pki
from tests.packaging.kiosk_user import run_as_kiosk

pytestmark = pytest.mark.packaging

TERMINAL = "pkg-0001"
DEVICE_FIELDS = {"name", "kind", "driver", "port", "state", "code", "detail", "self_test"}


@pytest.fixture
def provisioned(installed, tmp_path: Path) -> Iterator[dict]:
    """The installed root enrolled with a platform on loopback; put back as installed afterwards."""
    pki = make_dev_pki(tmp_path / "pki", ())
    tls = TlsFiles(pki.server_cert, pki.server_key, pki.ca_cert)
    tokens = [EnrolToken("tok-pkg", TERMINAL, "安装测试厅", "Install Test Hall")]
    with CentralServer(tmp_path / "central.db", port=0, tls=tls, enrol_tokens=tokens) as server:
        ca = installed.copy_in(pki.ca_cert, "tmp/central-ca.pem")
        command = ["/usr/bin/kiosk", "provision", "--central", server.url, "--token", "tok-pkg", "--ca", ca, "--json"]
        try:
            done = installed.run(command, timeout=300)
            yield {"first": json.loads(done.stdout), "again": installed.run(command, timeout=300)}
        finally:
            installed.run(["rm", "-rf", "/etc/kiosk/identity", "/etc/kiosk/kiosk.d", ca,
                           "/var/lib/kiosk/kiosk.db", "/var/lib/kiosk/kiosk.db-wal", "/var/lib/kiosk/kiosk.db-shm"])


def _stat(root, path: str) -> str:
    return root.run(["stat", "-c", "%U:%G %a", path]).stdout.strip()


def test_provisioning_from_the_installed_files(installed, provisioned):
    assert provisioned["first"]["status"] == "provisioned" and provisioned["first"]["terminal_id"] == TERMINAL
    assert provisioned["first"]["bundle_version"] == 1
    assert json.loads(provisioned["again"].stdout)["status"] == "already_provisioned"

    assert _stat(installed, "/etc/kiosk/identity/terminal.key") == "kiosk:kiosk 600"
    assert _stat(installed, "/etc/kiosk/identity") == "root:kiosk 750"
    assert _stat(installed, "/var/lib/kiosk/kiosk.db") == "kiosk:kiosk 644"
    conffile = installed.run(["dpkg-query", "-W", "-f=${Conffiles}", "kiosk"]).stdout
    digest = installed.run(["md5sum", "/etc/kiosk/kiosk.toml"]).stdout.split()[0]
    assert f"/etc/kiosk/kiosk.toml {digest}" in conffile, "the conffile is as the package installed it"


def test_diag_lists_every_configured_device_with_the_documented_shape(installed, provisioned):
    configured = load_config(installed.path / "etc/kiosk/kiosk.toml", env={}).devices
    done = run_as_kiosk(installed, ["/usr/bin/kiosk", "diag", "--json"], check=False, timeout=300)
    assert done.returncode in (0, 1), f"exit {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    report = json.loads(done.stdout)

    assert done.returncode == (0 if report["ok"] else 1), "exit code 0 exactly when the report is ok"
    assert {"ok", "generated_at", "terminal_id", "devices", "system"} <= set(report)
    assert report["terminal_id"] == TERMINAL  # from the provisioned drop-in
    listed = {d["name"]: d for d in report["devices"]}
    assert set(listed) == set(configured)
    for name, device in listed.items():
        assert DEVICE_FIELDS <= set(device), name
        assert device["kind"] == configured[name].kind and device["driver"] == configured[name].driver
    assert report["system"]["software_version"] and report["system"]["disk"]["free_mb"] > 0
