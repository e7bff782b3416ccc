"""The reference server's services as a terminal uses them through CentralClient: payments, SMS codes,
pickup records, resumable blob upload, batch idempotency, heartbeat, health and the status page."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sync.central import CentralServer
from sync.client import CentralClient, PickupRecord, server_code
from sync.errors import Ok, SyncFailure
from tests.sync.conftest import make_client


def control(client: CentralClient, method: str, path: str, body: dict | None = None) -> dict:
    reply = client.call(method, path, body=json.dumps(body or {}).encode(),
                        headers={"Content-Type": "application/json"})
    assert not isinstance(reply, SyncFailure), reply
    return json.loads(reply.body)


def test_payment_paid_declined_and_idempotent(client: CentralClient) -> None:
    first = client.create_payment("sess-1:pay", 2000, "id_card_replace")
    assert isinstance(first, Ok) and "2000" in first.value.qr_text
    again = client.create_payment("sess-1:pay", 2000, "id_card_replace")  # retry after a lost answer
    assert again == first
    assert client.payment_state(first.value.payment_id) == Ok("pending")
    control(client, "POST", f"/control/payments/{first.value.payment_id}", {"outcome": "paid"})
    assert client.payment_state(first.value.payment_id) == Ok("paid")
    other = client.create_payment("sess-2:pay", 500, "queue_ticket")
    control(client, "POST", f"/control/payments/{other.value.payment_id}", {"outcome": "declined"})
    assert client.payment_state(other.value.payment_id) == Ok("declined")


def test_payment_times_out(tmp_path: Path) -> None:
    now = [datetime(2026, 11, 23, 3, 0, tzinfo=UTC)]
    with CentralServer(tmp_path / "c.db", port=0, clock=lambda: now[0], payment_timeout_s=120) as server:
        client = make_client(server.url)
        payment = client.create_payment("k", 100, "svc").value
        now[0] += timedelta(seconds=121)
        assert client.payment_state(payment.payment_id) == Ok("expired")


def test_bad_payment_is_refused_with_a_code(client: CentralClient) -> None:
    result = client.create_payment("k", -5, "svc")
    assert isinstance(result, SyncFailure) and result.code == "sync.rejected"
    assert server_code(result) == "payment.bad_amount"
    unknown = client.payment_state("pay-nope")
    assert isinstance(unknown, SyncFailure) and unknown.code == "sync.not_found"


def test_sms_code_round_trip(tmp_path: Path) -> None:
    outbox_file = tmp_path / "sms.jsonl"
    with CentralServer(tmp_path / "c.db", port=0, sms_outbox=outbox_file) as server:
        client = make_client(server.url)
        challenge = client.send_sms_code("sess-1:sms", "13800138000").value
        assert client.send_sms_code("sess-1:sms", "13800138000") == Ok(challenge)  # one text, not two
        [line] = outbox_file.read_text().splitlines()
        sent = json.loads(line)
        assert sent["phone"] == "138****8000"  # the reference platform keeps no full number
        assert control(client, "GET", f"/control/sms/{challenge}")["code"] == sent["code"]
        wrong = "000000" if sent["code"] != "000000" else "111111"
        assert client.check_sms_code(challenge, wrong) == Ok(False)
        assert client.check_sms_code(challenge, sent["code"]) == Ok(True)


def test_sms_code_locks_after_five_wrong_tries(client: CentralClient) -> None:
    challenge = client.send_sms_code("k", "13900139000").value
    code = control(client, "GET", f"/control/sms/{challenge}")["code"]
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert client.check_sms_code(challenge, wrong) == Ok(False)
    assert client.check_sms_code(challenge, code) == Ok(False)


def test_bad_phone_is_refused(client: CentralClient) -> None:
    result = client.send_sms_code("k", "12345")
    assert isinstance(result, SyncFailure) and server_code(result) == "sms.bad_phone"


def test_pickup_records_for_this_terminal_only(client: CentralClient) -> None:
    control(client, "POST", "/control/pickups", {"terminal": "t-0001", "receipt_code": "R123", "door": "A07",
                                                  "service_id": "id_card_replace"})
    control(client, "POST", "/control/pickups", {"terminal": "t-9999", "receipt_code": "R999", "door": "B01",
                                                  "service_id": "id_card_replace"})
    records = client.pickup_records().value
    assert [(r.receipt_code, r.door) for r in records] == [("R123", "A07")]
    assert isinstance(records[0], PickupRecord)


def test_blob_upload_resumes_where_it_stopped(central: CentralServer, client: CentralClient) -> None:
    data = bytes(range(256)) * 4000
    digest = hashlib.sha256(data).hexdigest()
    first = client.call("PUT", f"/v1/blobs/{digest}", body=data[:100_000],
                        headers={"Content-Range": f"bytes 0-99999/{len(data)}"})
    assert not isinstance(first, SyncFailure)  # then the connection broke
    sent: list[str] = []
    original = client.transport.send

    def spy(request, timeout_s):
        sent.append(request.headers.get("Content-Range", request.method))
        return original(request, timeout_s)

    client.transport.send = spy  # type: ignore[method-assign]
    assert client.upload_blob(digest, data, chunk_bytes=500_000) == Ok(None)
    assert sent == ["HEAD", f"bytes 100000-599999/{len(data)}", f"bytes 600000-{len(data) - 1}/{len(data)}"]
    assert client.upload_blob(digest, data) == Ok(None)  # already complete: nothing sent again


def test_blob_with_wrong_content_is_refused(client: CentralClient) -> None:
    result = client.upload_blob("0" * 64, b"not what the digest says")
    assert isinstance(result, SyncFailure) and server_code(result) == "blob.digest_mismatch"


def test_batch_idempotency_key_replays_and_refuses_reuse(client: CentralClient) -> None:
    event = {"id": "e1", "stream": "rating", "created_at": "2026-11-23T03:00:00.000Z", "payload": {"stars": 4}}
    assert client.submit_batch([event], "k1").value[0].status == "stored"
    assert client.submit_batch([event], "k1").value[0].status == "stored"  # the first answer, replayed
    assert client.submit_batch([event], "k2").value[0].status == "duplicate"
    reused = client.submit_batch([event | {"id": "e2"}], "k1")
    assert isinstance(reused, SyncFailure) and server_code(reused) == "request.idempotency_key_reused"


@pytest.mark.parametrize("bad", [{"id": "has space"}, {"stream": "Bad"}, {"payload": [1]},
                                 {"blobs": {"photo": "nothex"}}])
def test_invalid_event_is_rejected_alone(client: CentralClient, bad: dict) -> None:
    good = {"id": "ok1", "stream": "rating", "created_at": "2026-11-23T03:00:00.000Z", "payload": {}}
    results = client.submit_batch([good | {"id": "x1"} | bad, good], "k").value
    assert [r.status for r in results] == ["rejected", "stored"] and results[0].code.startswith("event.")


def test_heartbeat_health_and_status_page(central: CentralServer, client: CentralClient) -> None:
    assert client.heartbeat({"printer": "ready"}, {"waiting": 3}) == Ok(None)
    page = client.call("GET", "/")
    assert not isinstance(page, SyncFailure) and b"t-0001" in page.body
    assert json.loads(client.call("GET", "/health").body) == {"status": "ok"}


def test_plain_http_needs_a_terminal_name(central: CentralServer) -> None:
    result = make_client(central.url, terminal="").pickup_records()
    assert isinstance(result, SyncFailure) and result.code == "sync.unauthorized"
