"""The installer's world for unit tests: a fake dpkg on the PATH (fake_dpkg.py), a kiosk data folder, root's
state folder, the platform's signing key, and requests the way the kiosk writes them."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.update.apply import ApplySettings
from kiosk.update.release import KIND, Request, package_name
from kiosk.update.state import REQUEST, UPDATES, write_atomic
from sync.bundles import sign_bundle

FAKE = Path(__file__).with_name("fake_dpkg.py")
NOW = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass
class Installer:
    """The fake dpkg's state and the folders apply works in."""

    root: Path
    data_dir: Path
    state_dir: Path
    key: Ed25519PrivateKey

    @property
    def installed(self) -> str:
        return (self.root / "installed").read_text()

    def calls(self, name: str | None = None) -> list[list[str]]:
        lines = (self.root / "calls").read_text().splitlines() if (self.root / "calls").exists() else []
        return [c for c in map(json.loads, lines) if name is None or c[0] == name]

    def healthy(self, *versions: str) -> None:
        (self.root / "healthy").write_text("\n".join(versions))

    def settings(self, **kw) -> ApplySettings:
        kw.setdefault("health_timeout_s", 1.0)
        kw.setdefault("poll_s", 0.02)
        return ApplySettings(data_dir=self.data_dir, keys=[self.key.public_key()], state_dir=self.state_dir,
                             restart=(str(self.root / "bin" / "restart"), str(self.data_dir)), **kw)

    def package(self, version: str, *, extra: str = "", name: str | None = None) -> Path:
        """A fake package in the kiosk's updates folder, as the updater leaves it after its checks."""
        path = self.data_dir / UPDATES / (name or package_name(version))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Package: kiosk\nVersion: {version}\n{extra}")
        return path

    def bundle(self, version: str, *, bundle_version: int = 1, key: Ed25519PrivateKey | None = None,
               **override) -> bytes:
        path = self.data_dir / UPDATES / package_name(version)
        data = path.read_bytes() if path.exists() else b""
        content = {"version": version, "package": package_name(version), "size": len(data),
                   "sha256": hashlib.sha256(data).hexdigest(), "url": f"/v1/software/{package_name(version)}"}
        content.update(override)
        return sign_bundle(key or self.key, kind=KIND, version=bundle_version, content=content, issued_at=NOW,
                           expires_at=NOW + timedelta(days=30))

    def request(self, version: str, request_id: str = "req-1", **kw) -> Path:
        path = self.data_dir / UPDATES / REQUEST
        write_atomic(path, Request(request_id, self.bundle(version, **kw)).to_json())
        return path


@pytest.fixture
def installer(tmp_path, monkeypatch) -> Installer:
    root = tmp_path / "fake-dpkg"
    (root / "bin").mkdir(parents=True)
    for name in ("dpkg", "dpkg-deb", "dpkg-query", "dpkg-repack", "restart"):
        (root / "bin" / name).symlink_to(FAKE)
    (root / "installed").write_text("0.1.0")
    monkeypatch.setenv("PATH", f"{root / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("FAKE_DPKG_DIR", str(root))
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    return Installer(root, data_dir, tmp_path / "kiosk-update", Ed25519PrivateKey.generate())
