"""The terminal fetches a published package from the real reference server over HTTP and checks it against
the signed bundle: a good one is kept, a cut download goes on where it stopped, a package whose SHA-256 or
size is not the bundle's is deleted, and a bundle with a bad signature makes it download nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.update.download import fetch
from kiosk.update.plan import Step
from kiosk.update.release import parse_release
from kiosk.update.updater import Updater, UpdaterSettings
from sync.bundles import load_public_keys
from sync.central import CentralServer
from sync.central.services import publish_bundle
from sync.central.software import publish_package, software_dir
from sync.client import CentralClient
from sync.db import connect, utc_now
from sync.pull import BundlePuller
from sync.transport import HttpRequest, HttpResponse, RequestsTransport
from tests.sync.conftest import TERMINAL

SIZE = 200_000


class Recording:
    """The real transport, with the requests it carried written down."""

    def __init__(self, url: str) -> None:
        self.inner, self.sent = RequestsTransport(url), []

    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse:
        self.sent.append(request)
        return self.inner.send(request, timeout_s)


class NeverFree:
    """A terminal always in use: the updater may download, never hand over."""

    def try_hold(self) -> bool:
        return False

    def release(self) -> None:
        pass


@pytest.fixture
def deb(central: CentralServer, tmp_path: Path) -> Path:
    path = tmp_path / "kiosk_0.2.0_amd64.deb"
    path.write_bytes(hashlib.sha256(b"seed").digest() * (SIZE // 32))
    publish_package(central.ctx, path)
    return path


@pytest.fixture
def transport(central: CentralServer) -> Recording:
    return Recording(central.url)


def _release(central: CentralServer, store, client: CentralClient, keys=None):
    conn = connect(store.path)
    keys = keys or load_public_keys([central.public_key_path])
    pulled = BundlePuller(conn, client, keys, clock=utc_now, on_event=lambda *a, **k: None).pull("software")
    conn.close()
    return parse_release(pulled.value.content).value


def _client(transport: Recording) -> CentralClient:
    return CentralClient(transport, terminal_id=TERMINAL)


def test_a_good_package_is_fetched_in_ranges_and_kept(central, store, deb, transport, tmp_path):
    release = _release(central, store, _client(transport))
    got = fetch(_client(transport), release, tmp_path / "updates", chunk_bytes=64 << 10)

    assert got.ok and got.value.read_bytes() == deb.read_bytes()
    assert [p.name for p in (tmp_path / "updates").iterdir()] == [deb.name]
    ranges = [r.headers["Range"] for r in transport.sent if r.path.startswith("/v1/software/")]
    assert ranges == ["bytes=0-65535", "bytes=65536-131071", "bytes=131072-196607", "bytes=196608-199999"]


def test_a_cut_download_goes_on_where_it_stopped(central, store, deb, transport, tmp_path):
    release = _release(central, store, _client(transport))
    folder = tmp_path / "updates"
    folder.mkdir()
    (folder / (deb.name + ".partial")).write_bytes(deb.read_bytes()[:150_000])  # the network went at 150 kB

    got = fetch(_client(transport), release, folder, chunk_bytes=1 << 20)

    assert got.ok and got.value.read_bytes() == deb.read_bytes()
    assert [r.headers.get("Range") for r in transport.sent if r.path.startswith("/v1/software/")] == \
        ["bytes=150000-199999"]


def test_a_package_whose_sha256_is_not_the_bundles_is_deleted(central, store, deb, transport, tmp_path):
    content = dict(_release(central, store, _client(transport)).__dict__)
    publish_bundle(central.ctx, "software", {**content, "sha256": "0" * 64})
    release = _release(central, store, _client(transport))

    got = fetch(_client(transport), release, tmp_path / "updates")

    assert got.code == "update.checksum_mismatch"
    assert list((tmp_path / "updates").iterdir()) == []


def test_a_truncated_package_on_the_platform_is_deleted(central, store, deb, transport, tmp_path):
    release = _release(central, store, _client(transport))
    served = software_dir(central.ctx) / deb.name
    served.write_bytes(served.read_bytes()[:120_000])

    got = fetch(_client(transport), release, tmp_path / "updates", chunk_bytes=64 << 10)

    assert got.code == "update.size_mismatch"
    assert list((tmp_path / "updates").iterdir()) == []


def test_a_mismatch_is_logged_by_the_updater_and_tried_again_later(central, store, deb, transport, tmp_path,
                                                                   recorder):
    content = dict(_release(central, store, _client(transport)).__dict__)
    publish_bundle(central.ctx, "software", {**content, "size": SIZE + 1})
    keys = load_public_keys([central.public_key_path])
    _release(central, store, _client(transport), keys)
    updater = Updater(store.path, tmp_path, _client(transport), keys, hold=NeverFree(), installed="0.1.0",
                      state_dir=tmp_path / "root-state", on_event=recorder)
    conn = connect(store.path)

    assert updater.check(conn) is Step.DOWNLOAD
    assert updater.check(conn) is Step.DOWNLOAD  # the next check tries again
    conn.close()

    assert [e["code"] for e in recorder.named("update.download_failed")] == ["update.size_mismatch"] * 2
    assert not (tmp_path / "updates" / "request.json").exists()


def test_a_bundle_with_a_bad_signature_downloads_nothing(central, store, deb, transport, tmp_path, recorder):
    wrong = [Ed25519PrivateKey.generate().public_key()]
    conn = connect(store.path)
    pulled = BundlePuller(conn, _client(transport), wrong, clock=utc_now, on_event=recorder).pull("software")
    updater = Updater(store.path, tmp_path, _client(transport), wrong, hold=NeverFree(), installed="0.1.0",
                      state_dir=tmp_path / "root-state", settings=UpdaterSettings(), on_event=recorder)

    assert pulled.code == "bundle.bad_signature"
    assert updater.check(conn) is Step.NOTHING_PUBLISHED
    conn.close()
    assert not any(r.path.startswith("/v1/software/") for r in transport.sent)
    assert not (tmp_path / "updates").exists()
