"""A signed software update on the installed system, with the real dpkg: a healthy new version stays, one
that never reports healthy is rolled back to the previous version, with the configuration and data intact.

The kiosk's side (download, checks, the pause between sessions) is tested in tests/kiosk/update; here the
request is written as the kiosk writes it, and root's `kiosk update apply` does the rest in the Debian 12
root. systemctl does not work in a chroot, so the restart is a command given to `apply`: nothing at all
(the new version never starts: not healthy), or the installed kiosk started offscreen as the kiosk user."""

from __future__ import annotations

import hashlib
import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from kiosk.update.release import Request
from sync.bundles import sign_bundle
from tests.packaging.conftest import CACHE
from tests.packaging.debian_root import sh
from tests.packaging.installing import field, installed_version
from tests.packaging.kiosk_user import run_as_kiosk

pytestmark = pytest.mark.packaging

KEY = "/etc/kiosk/bundle-signing.pub.pem"
INIT = "opt/kiosk/lib/python3.11/site-packages/kiosk/__init__.py"
START_KIOSK = ("setsid setpriv --reuid=kiosk --regid=kiosk --init-groups env HOME=/var/lib/kiosk "
               "QT_QUICK_BACKEND=software /usr/bin/kiosk run --simulate --platform offscreen "
               "</dev/null >/dev/null 2>&1 &")


def _repack(deb: Path, suffix: str) -> Path:
    """The built package as a newer version: the control file's Version and the version the kiosk reports."""
    digest = hashlib.sha256(deb.read_bytes()).hexdigest()[:12]
    old = field(deb, "Version")
    version = old + suffix
    path = CACHE / f"kiosk_{version}_amd64.deb"
    stamp = path.with_name(path.name + ".from")
    if path.exists() and stamp.exists() and stamp.read_text() == digest:
        return path
    work = CACHE / "update-work"
    sh(["rm", "-rf", "--one-file-system", work])
    sh(["dpkg-deb", "--raw-extract", deb, work])
    control = work / "DEBIAN" / "control"
    control.write_text(control.read_text().replace(f"Version: {old}\n", f"Version: {version}\n"))
    init = work / INIT
    init.write_text(init.read_text().replace(f'__version__ = "{old}"', f'__version__ = "{version}"'))
    sums = work / "DEBIAN" / "md5sums"
    sums.write_text("".join(
        f"{hashlib.md5(init.read_bytes()).hexdigest()}  {INIT}\n" if line.endswith(f"  {INIT}") else line + "\n"
        for line in sums.read_text().splitlines()))
    # Uncompressed: this copy is only ever read here, and compressing 700 MB costs minutes.
    sh(["dpkg-deb", "--root-owner-group", "-Znone", "--build", work, path], stdout=subprocess.DEVNULL)
    sh(["rm", "-rf", "--one-file-system", work])
    stamp.write_text(digest)
    return path


@pytest.fixture(scope="session")
def newer_deb(deb, debian_root) -> Path:
    """A newer version that will never report healthy (rolled back, and then never tried again)."""
    return _repack(deb, "+update1")


@pytest.fixture(scope="session")
def healthy_deb(deb, debian_root) -> Path:
    """A version newer still, published after the rolled-back one: this one is tried, and starts."""
    return _repack(deb, "+update2")


def _ask_for(root, newer: Path, tmp_path: Path) -> str:
    """What the kiosk does once the package is checked and the terminal is between sessions."""
    key = Ed25519PrivateKey.generate()
    pem = tmp_path / "bundle-signing.pub.pem"
    pem.write_bytes(key.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo))
    root.copy_in(pem, KEY.lstrip("/"))
    data = newer.read_bytes()
    version = field(newer, "Version")
    now = datetime.now(UTC)
    bundle = sign_bundle(key, kind="software", version=1, issued_at=now, expires_at=now + timedelta(days=1),
                         content={"version": version, "package": newer.name, "size": len(data),
                                  "sha256": hashlib.sha256(data).hexdigest(), "url": f"/v1/software/{newer.name}"})
    request = tmp_path / "request.json"
    request.write_text(Request("req-test", bundle).to_json())
    run_as_kiosk(root, ["mkdir", "-p", "/var/lib/kiosk/updates"])
    for src, name in ((newer, newer.name), (request, "request.json")):
        inside = root.copy_in(src, f"var/lib/kiosk/updates/{name}")
        root.run(["chown", "kiosk:kiosk", inside])
    return version


def _apply(root, restart: str, timeout_s: int) -> tuple[int, dict]:
    done = root.run(["kiosk", "update", "apply", "--bundle-key", KEY, "--data-dir", "/var/lib/kiosk",
                     "--health-timeout", str(timeout_s), "--restart-command", restart], check=False)
    assert done.stdout.strip(), done.stderr[-3000:]
    return done.returncode, json.loads(done.stdout.strip().splitlines()[-1])


def test_an_update_that_never_reports_healthy_is_rolled_back(installed, newer_deb, deb, tmp_path, report):
    installed.run(["sed", "-i", "s/^idle_timeout_s = 60$/idle_timeout_s = 90/", "/etc/kiosk/kiosk.toml"])
    edited = installed.run(["cat", "/etc/kiosk/kiosk.toml"]).stdout
    run_as_kiosk(installed, ["sh", "-c", "echo 'a citizen record' > /var/lib/kiosk/record"])
    version = _ask_for(installed, newer_deb, tmp_path)

    code, outcome = _apply(installed, "true", 5)

    assert code == 1 and (outcome["result"], outcome["code"]) == ("rolled_back", "update.not_healthy"), outcome
    assert outcome["version"] == version
    assert installed_version(installed) == field(deb, "Version")
    assert installed.run(["kiosk", "--version"]).stdout.strip() == f"kiosk {field(deb, 'Version')}"
    assert installed.run(["cat", "/etc/kiosk/kiosk.toml"]).stdout == edited
    assert installed.run(["cat", "/var/lib/kiosk/record"]).stdout == "a citizen record\n"
    state = json.loads(installed.run(["kiosk", "update", "status"]).stdout)
    assert state["rolled_back"] == [version]
    assert installed.run(["test", "-e", "/var/lib/kiosk/updates/request.json"], check=False).returncode != 0


def test_an_update_that_reports_healthy_stays_installed(installed, healthy_deb, deb, tmp_path, report):
    version = _ask_for(installed, healthy_deb, tmp_path)
    pid = ""
    try:
        code, outcome = _apply(installed, f"sh -c '{START_KIOSK}'", 170)
        health = installed.run(["cat", "/var/lib/kiosk/health.json"], check=False).stdout
        pid = str(json.loads(health)["pid"]) if health.strip() else ""
        assert (code, outcome["result"]) == (0, "applied"), outcome
        assert installed_version(installed) == version
        assert installed.run(["kiosk", "--version"]).stdout.strip() == f"kiosk {version}"
        assert json.loads(health)["version"] == version
        kept = installed.run(["ls", "/var/lib/kiosk-update/installed"]).stdout.split()
        assert {f"kiosk_{field(deb, 'Version')}_amd64.deb", healthy_deb.name} <= set(kept), kept
    finally:
        if pid:
            installed.run(["kill", pid], check=False)
            installed.run(["timeout", "60", "tail", f"--pid={pid}", "-f", "/dev/null"], check=False)
