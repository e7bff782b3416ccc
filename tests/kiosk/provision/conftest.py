"""A real reference platform over real mutual TLS on loopback (server certificate from the dev PKI), tokens
made the way the operator makes them, and `kiosk provision` run as the installer runs it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from kiosk import paths
from kiosk.cli import main
from sync.central import CentralServer, TlsFiles
from sync.central.enrolment import EnrolToken, create_token
from sync.devpki import DevPki, make_dev_pki

TERMINAL, HALL_ZH, HALL_EN = "hall7-0003", "东区第七大厅", "East Hall 7"


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


@dataclass(frozen=True)
class Platform:
    server: CentralServer
    pki: DevPki

    @property
    def url(self) -> str:
        return self.server.url

    def token(self, terminal: str = TERMINAL, *, expired: bool = False, token: str | None = None) -> str:
        """A single-use token as the operator makes it (expired: one whose time is up)."""
        now = datetime.now(UTC)
        token = token or f"tok-{terminal}-{'x' if expired else 'ok'}"
        expires = now - timedelta(minutes=1) if expired else now + timedelta(hours=1)
        assert create_token(self.server.ctx.db, EnrolToken(token, terminal, HALL_ZH, HALL_EN), now=now,
                            expires_at=expires)
        return token

    def control(self, method: str, path: str, **json: object) -> requests.Response:
        """The operator's control handle, with a certificate the platform's CA signed."""
        cert = self.pki.terminals["operator"]
        return requests.request(method, self.url + path, json=json, verify=str(self.pki.ca_cert),
                                cert=(str(cert[0]), str(cert[1])), timeout=10)


@pytest.fixture(autouse=True)
def no_system_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never read this machine's /etc/kiosk."""
    monkeypatch.setattr(paths, "DEFAULT_CONFIG_PATH", tmp_path / "etc-kiosk-absent" / "kiosk.toml")


@pytest.fixture
def pki(tmp_path: Path) -> DevPki:
    return make_dev_pki(tmp_path / "pki", ("operator",))


@pytest.fixture
def platform(tmp_path: Path, pki: DevPki) -> Iterator[Platform]:
    tls = TlsFiles(pki.server_cert, pki.server_key, pki.ca_cert)
    with CentralServer(tmp_path / "central" / "central.db", port=0, tls=tls) as server:
        yield Platform(server, pki)


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """The terminal's /etc/kiosk: the installer's kiosk.toml (a conffile: provisioning never rewrites it)."""
    folder = tmp_path / "etc-kiosk"
    folder.mkdir()
    (folder / "kiosk.toml").write_text('[ui]\nlanguage = "en"\n\n[central]\ntimeout_s = 10.0\n', encoding="utf-8")
    return folder


@pytest.fixture
def provision_cmd(capsys: pytest.CaptureFixture[str], config_dir: Path, tmp_path: Path):
    """`kiosk provision ARGS` with this terminal's folders; returns exit code, stdout and stderr."""

    def run(*args: str, folder: Path | None = None) -> Ran:
        where = ["--config-dir", str(folder or config_dir), "--data-dir", str(tmp_path / "var-lib-kiosk")]
        capsys.readouterr()
        code = main(["provision", *args, *where])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run
