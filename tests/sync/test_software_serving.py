"""The reference server publishes a kiosk package as a signed "software" bundle and serves the file, in
ranges, to terminals (and only files it published)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import requests

from sync.bundles import load_public_keys, verify_bundle
from sync.central import CentralServer
from sync.db import utc_now

HEADERS = {"X-Terminal-Id": "t-0001"}


def _deb(tmp_path: Path, version: str = "0.2.0", size: int = 300_000) -> Path:
    path = tmp_path / f"kiosk_{version}_amd64.deb"
    path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
    return path


def test_publishing_signs_a_software_bundle_naming_the_package(central: CentralServer, tmp_path: Path):
    deb = _deb(tmp_path)
    answer = requests.post(f"{central.url}/control/software", json={"path": str(deb)}, timeout=10)
    assert answer.status_code == 200

    raw = requests.get(f"{central.url}/v1/bundles/software", headers=HEADERS, timeout=10).content
    bundle = verify_bundle(raw, kind="software", keys=load_public_keys([central.public_key_path]), now=utc_now())
    assert bundle.ok
    assert bundle.value.content == answer.json() == {
        "version": "0.2.0", "package": deb.name, "size": 300_000,
        "sha256": hashlib.sha256(deb.read_bytes()).hexdigest(), "url": f"/v1/software/{deb.name}"}


def test_the_package_is_served_whole_and_in_ranges(central: CentralServer, tmp_path: Path):
    deb = _deb(tmp_path)
    requests.post(f"{central.url}/control/software", json={"path": str(deb)}, timeout=10)
    url = f"{central.url}/v1/software/{deb.name}"

    whole = requests.get(url, headers=HEADERS, timeout=10)
    part = requests.get(url, headers={**HEADERS, "Range": "bytes=1000-1999"}, timeout=10)
    past = requests.get(url, headers={**HEADERS, "Range": "bytes=400000-400999"}, timeout=10)

    assert whole.status_code == 200 and whole.content == deb.read_bytes()
    assert part.status_code == 206 and part.content == deb.read_bytes()[1000:2000]
    assert part.headers["Content-Range"] == "bytes 1000-1999/300000"
    assert past.status_code == 416


def test_only_published_packages_are_served(central: CentralServer, tmp_path: Path):
    for name in ("kiosk_9.9_amd64.deb", "central.db", "..%2Fcentral.db"):
        answer = requests.get(f"{central.url}/v1/software/{name}", headers=HEADERS, timeout=10)
        assert answer.status_code == 404, name  # "..%2F" never reaches the route: no such URL at all
        assert json.loads(answer.content)["code"] in ("software.unknown_package", "http.not_found")


def test_a_file_not_named_like_a_kiosk_package_is_not_published(central: CentralServer, tmp_path: Path):
    other = tmp_path / "other.deb"
    other.write_bytes(b"x")
    answer = requests.post(f"{central.url}/control/software", json={"path": str(other)}, timeout=10)
    assert answer.status_code == 400 and answer.json()["code"] == "control.bad_package"


def test_a_terminal_without_identity_gets_nothing(central: CentralServer, tmp_path: Path):
    deb = _deb(tmp_path)
    requests.post(f"{central.url}/control/software", json={"path": str(deb)}, timeout=10)
    answer = requests.get(f"{central.url}/v1/software/{deb.name}", timeout=10)
    assert answer.status_code == 401
