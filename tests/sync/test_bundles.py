"""Signed bundles: a bad signature, a rollback, an expired or truncated bundle is rejected, the last good one
stays in force, and the reason is logged and shown in the sync status."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.store import Store
from sync.bundles import load_public_keys, sign_bundle
from sync.central import CentralServer
from sync.client import CentralClient
from sync.errors import Failure, Ok
from sync.pull import BundlePuller, trusted
from sync.status import sync_status
from sync.transport import HttpRequest, HttpResponse
from tests.sync.conftest import Recorder

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def publish(client: CentralClient, kind: str, content: dict, version: int | None = None) -> None:
    body = {"content": content} | ({"version": version} if version is not None else {})
    assert not isinstance(client.call("PUT", f"/control/bundles/{kind}", body=json.dumps(body).encode(),
                                      headers={"Content-Type": "application/json"}), Failure)


@pytest.fixture
def puller(store: Store, central: CentralServer, client: CentralClient, recorder: Recorder) -> BundlePuller:
    keys = load_public_keys([central.public_key_path])
    return BundlePuller(store.db.conn, client, keys, clock=lambda: NOW + timedelta(days=1), on_event=recorder)


def first_good(puller: BundlePuller, client: CentralClient) -> None:
    publish(client, "catalogue", {"services": ["id_card_replace"]})
    assert isinstance(puller.pull("catalogue"), Ok)


def assert_last_good_kept(store: Store, puller: BundlePuller, recorder: Recorder, code: str) -> None:
    bundle = trusted(store.db, "catalogue", puller.keys, NOW)
    assert bundle is not None and bundle.content == {"services": ["id_card_replace"]}
    assert [e["reason_code"] for e in recorder.named("sync.bundle_rejected")] == [code]
    rejection = sync_status(store.db, NOW).bundles["catalogue"]["last_rejection"]
    assert rejection.startswith(code)


def test_good_bundle_is_taken_and_etag_saves_the_download(store: Store, puller: BundlePuller,
                                                          client: CentralClient, recorder: Recorder) -> None:
    first_good(puller, client)
    assert puller.pull("catalogue") == Ok(None)  # 304 Not Modified
    assert recorder.named("sync.bundle_accepted")[-1]["kind"] == "catalogue"
    assert sync_status(store.db, NOW).bundles["catalogue"]["last_rejection"] is None


def test_rollback_is_rejected(store: Store, puller: BundlePuller, client: CentralClient,
                              recorder: Recorder) -> None:
    first_good(puller, client)
    publish(client, "catalogue", {"services": []}, version=1)  # the platform's version was 2
    result = puller.pull("catalogue")
    assert isinstance(result, Failure) and result.code == "bundle.rollback"
    assert_last_good_kept(store, puller, recorder, "bundle.rollback")


class Tampering:
    """A transport between client and platform that alters bundle downloads (a boundary we cannot reach)."""

    def __init__(self, inner, alter) -> None:
        self.inner, self.alter = inner, alter

    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse:
        response = self.inner.send(request, timeout_s)
        if request.path.startswith("/v1/bundles/") and response.status == 200:
            return HttpResponse(200, response.headers, self.alter(response.body))
        return response


def flip_content(raw: bytes) -> bytes:
    import base64

    envelope = json.loads(raw)
    document = base64.b64decode(envelope["signed"]).replace(b"id_card_replace", b"id_card_REPLACE")
    envelope["signed"] = base64.b64encode(document).decode()
    return json.dumps(envelope).encode()


def signed_by_stranger(raw: bytes) -> bytes:
    now = datetime.now(UTC)
    return sign_bundle(Ed25519PrivateKey.generate(), kind="catalogue", version=99, content={"evil": True},
                       issued_at=now, expires_at=now + timedelta(days=30))


@pytest.mark.parametrize(("alter", "code"), [
    (flip_content, "bundle.bad_signature"),
    (signed_by_stranger, "bundle.bad_signature"),
    (lambda raw: raw[: len(raw) // 2], "bundle.malformed"),
    (lambda raw: b"<html>captive portal</html>", "bundle.malformed"),
])
def test_tampered_or_truncated_bundle_is_rejected(store: Store, puller: BundlePuller, client: CentralClient,
                                                  recorder: Recorder, central: CentralServer, alter,
                                                  code: str) -> None:
    first_good(puller, client)
    publish(client, "catalogue", {"services": ["id_card_replace", "new"]})
    puller.client = CentralClient(Tampering(client.transport, alter), terminal_id="t-0001")
    result = puller.pull("catalogue")
    assert isinstance(result, Failure) and result.code == code
    assert_last_good_kept(store, puller, recorder, code)


def test_expired_bundle_is_rejected(store: Store, puller: BundlePuller, client: CentralClient,
                                    recorder: Recorder) -> None:
    first_good(puller, client)
    publish(client, "catalogue", {"services": []})
    puller.clock = lambda: NOW + timedelta(days=400)
    result = puller.pull("catalogue")
    assert isinstance(result, Failure) and result.code == "bundle.expired"
    assert_last_good_kept(store, puller, recorder, "bundle.expired")


def test_bundle_altered_on_disk_is_not_trusted(store: Store, puller: BundlePuller, client: CentralClient) -> None:
    first_good(puller, client)
    raw = store.db.execute("SELECT raw FROM sync_bundles").fetchone()[0]
    store.db.execute("UPDATE sync_bundles SET raw = ?", (flip_content(raw),))
    store.db.conn.commit()
    assert trusted(store.db, "catalogue", puller.keys, NOW) is None


def test_public_key_file_that_is_not_a_key_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "platform.pub.pem"
    bad.write_text("hello")
    with pytest.raises(ValueError, match=str(bad)):
        load_public_keys([bad])
