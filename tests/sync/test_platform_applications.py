"""Applications handed in over HTTP: one number per idempotency key, a locker door for each document (first
free door, freed again when the terminal reports the pickup), records pulled by the right terminal only."""

from __future__ import annotations

import base64
import json
import sqlite3
from pathlib import Path

from sync.central import CentralServer
from sync.client import Application, CentralClient, server_code
from sync.errors import Ok, SyncFailure
from tests.sync.conftest import make_client

ID_NUMBER = "110101199001010015"
OTHER_ID = "11010119900307803X"
PHOTO = b"\xff\xd8\xff\xe0application-photo"


def submit(client: CentralClient, key: str, **record) -> Application:
    record = {"service_id": "id_card_replace", "id_number": ID_NUMBER, "pickup": "locker"} | record
    result = client.submit_application(key, record)
    assert isinstance(result, Ok), result
    return result.value


def test_the_same_key_twice_is_one_application(central: CentralServer, client: CentralClient) -> None:
    first = submit(client, "s1.submit.1", photo={"$b64": base64.b64encode(PHOTO).decode()})
    again = submit(client, "s1.submit.1", photo={"$b64": base64.b64encode(PHOTO).decode()})  # answer was lost
    assert again == first and first.door == 1 and first.application_no.startswith("A")
    second = submit(client, "s2.submit.1", id_number=OTHER_ID)
    assert second.application_no != first.application_no and second.door == 2
    records = client.pickup_records().value
    assert [(r.application_no, r.door) for r in records] == [(first.application_no, "1"), (second.application_no, "2")]
    assert records[0].photo == PHOTO and ID_NUMBER not in repr(records[0])
    rows = central.ctx.db.read(lambda c: c.execute("SELECT count(*) FROM applications").fetchone())
    assert rows == (2,)


def test_the_platform_keeps_no_personal_field_of_an_application(central: CentralServer,
                                                                  client: CentralClient) -> None:
    submit(client, "s1.submit.1", name="张三", phone="13800138000")
    dump = "\n".join(central.ctx.db.read(lambda c: list(c.iterdump())))
    assert ID_NUMBER not in dump and "13800138000" not in dump and "张三" not in dump


def test_by_post_there_is_no_locker_record(client: CentralClient) -> None:
    sent = submit(client, "s1.submit.1", pickup="post")
    assert sent.door is None and sent.pickup_code.startswith("KP1.")
    assert client.pickup_records() == Ok([])


def test_a_full_wall_still_takes_the_application(tmp_path: Path) -> None:
    with CentralServer(tmp_path / "c.db", port=0, locker_doors=2) as server:
        client = make_client(server.url)
        doors = [submit(client, f"s{n}.submit.1").door for n in range(3)]
        assert doors == [1, 2, None]
        assert len(client.pickup_records().value) == 2


def test_a_collected_document_frees_its_door(tmp_path: Path) -> None:
    with CentralServer(tmp_path / "c.db", port=0, locker_doors=2) as server:
        client = make_client(server.url)
        first, _second = submit(client, "s1.submit.1"), submit(client, "s2.submit.1")
        event = {"id": "s3.record_pickup.1", "stream": "pickup", "created_at": "2026-11-23T03:00:00.000Z",
                 "payload": {"application_no": first.application_no, "door": 1}}
        assert client.submit_batch([event], "b1").value[0].status == "stored"
        assert [r.door for r in client.pickup_records().value] == ["2"]
        assert submit(client, "s4.submit.1").door == 1  # the door is free again


def test_records_belong_to_the_terminal_that_took_the_application(central: CentralServer,
                                                                    client: CentralClient) -> None:
    submit(client, "s1.submit.1")
    assert make_client(central.url, terminal="t-0002").pickup_records() == Ok([])


def test_a_bad_application_is_refused_with_a_code(client: CentralClient) -> None:
    for record, code in (({"service_id": "svc", "id_number": "12345"}, "application.bad_id_number"),
                         ({"service_id": "has space", "id_number": ID_NUMBER}, "application.bad_service"),
                         ({"service_id": "svc", "id_number": ID_NUMBER, "photo": "raw"}, "application.bad_photo"),
                         ({"service_id": "svc", "id_number": ID_NUMBER, "photo": {"$b64": "!!"}},
                          "application.bad_photo")):
        result = client.submit_application("k", record)
        assert isinstance(result, SyncFailure) and result.code == "sync.rejected", record
        assert server_code(result) == code
    assert client.pickup_records() == Ok([])


def test_staff_can_place_a_signed_document_for_a_citizen(client: CentralClient) -> None:
    reply = client.call("POST", "/control/pickups", body=json.dumps(
        {"terminal": "t-0001", "application_no": "A202600042", "door": 5, "service_id": "id_card_replace",
         "id_number": ID_NUMBER}).encode(), headers={"Content-Type": "application/json"})
    assert not isinstance(reply, SyncFailure) and reply.status == 201
    [record] = client.pickup_records().value
    assert (record.application_no, record.door, len(record.signature)) == ("A202600042", "5", 64)
    refused = client.call("POST", "/control/pickups", body=json.dumps(
        {"terminal": "t-0001", "application_no": "A1", "door": 99, "service_id": "s", "id_number": ID_NUMBER}
    ).encode(), headers={"Content-Type": "application/json"})
    assert isinstance(refused, SyncFailure) and server_code(refused) == "control.bad_pickup"


def test_a_database_from_before_applications_is_upgraded(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE pickups (pickup_id TEXT PRIMARY KEY, terminal TEXT NOT NULL, receipt_code TEXT "
                     "NOT NULL, door TEXT NOT NULL, service_id TEXT NOT NULL, ready_at TEXT NOT NULL, collected_at "
                     "TEXT NULL)")
        conn.execute("INSERT INTO pickups VALUES ('pk-1', 't-0001', 'R1', 'A07', 'svc', '2026-01-01T00:00:00Z', NULL)")
    conn.close()
    with CentralServer(old, port=0) as server:
        client = make_client(server.url)
        sent = submit(client, "s1.submit.1")
        records = client.pickup_records().value
        assert [(r.receipt_code, r.door, r.application_no) for r in records] == [
            ("R1", "A07", ""), (sent.application_no, "1", sent.application_no)]
