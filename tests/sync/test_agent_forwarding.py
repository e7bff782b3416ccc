"""The agent forwards the outbox to the reference central server: in order, once, blobs first, personal
data purged once acknowledged, refused events dead-lettered without blocking the rest."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from kiosk.store import Store
from sync import outbox
from sync.agent import SyncAgent
from sync.central import CentralServer
from sync.central.ingest import blob_bytes
from sync.client import CentralClient
from sync.db import utc_now
from sync.sealing import Sealer
from sync.status import sync_status
from tests.sync.conftest import Recorder, central_event_ids, wait_until

PHOTO = b"\xff\xd8" + bytes(range(256)) * 2000  # ~0.5 MB: several upload chunks


def test_offline_records_arrive_once_in_order_when_the_platform_appears(
        store: Store, sealer: Sealer, central: CentralServer, client: CentralClient,
        start_agent: Callable[..., SyncAgent]) -> None:
    ids = [outbox.enqueue(store.db, stream="rating", payload={"n": n}) for n in range(250)]
    start_agent(client)
    wait_until(lambda: store.outbox_waiting() == 0, what="the outbox to drain")
    assert central_event_ids(central) == ids


def test_personal_record_with_photo_arrives_and_is_purged_here(
        store: Store, sealer: Sealer, central: CentralServer, client: CentralClient,
        start_agent: Callable[..., SyncAgent]) -> None:
    person = {"name": "王五", "id_number": "110101199003077777"}
    event_id = outbox.enqueue(store.db, stream="application", payload=person, personal=True, sealer=sealer,
                              blobs={"photo": PHOTO})
    start_agent(client)
    wait_until(lambda: store.outbox_waiting() == 0, what="the application to be acknowledged")
    row = central.ctx.db.read(lambda c: c.execute("SELECT payload, blobs FROM events WHERE id = ?",
                                                  (event_id,)).fetchone())
    assert json.loads(row[0]) == person
    digest = hashlib.sha256(PHOTO).hexdigest()
    assert json.loads(row[1]) == {"photo": digest}
    assert central.ctx.db.read(lambda c: blob_bytes(c, digest)) == PHOTO
    assert store.db.execute("SELECT payload FROM outbox WHERE id = ?", (event_id,)).fetchone()[0] == b""
    assert store.db.execute("SELECT count(*) FROM outbox_blobs").fetchone()[0] == 0


def test_refused_event_is_dead_lettered_and_the_rest_go_on(
        store: Store, central: CentralServer, client: CentralClient, recorder: Recorder,
        start_agent: Callable[..., SyncAgent]) -> None:
    ids = [outbox.enqueue(store.db, stream="application", payload={"n": n}) for n in range(5)]
    client.call("POST", "/control/reject", headers={"Content-Type": "application/json"},
                body=json.dumps({"event_id": ids[2], "code": "form.bad_date", "reason": "birth date in future"}
                                ).encode())
    start_agent(client)
    wait_until(lambda: store.outbox_waiting() == 0, what="the outbox to drain")
    assert central_event_ids(central) == ids[:2] + ids[3:]
    assert store.db.execute("SELECT id, code, reason FROM outbox_dead").fetchall() == [
        (ids[2], "form.bad_date", "birth date in future")]
    assert recorder.named("sync.dead_lettered") == [
        {"event_id": ids[2], "stream": "application", "reason_code": "form.bad_date"}]
    status = sync_status(store.db, utc_now())
    assert status.dead_letters == 1 and status.dead_letter_codes == {"form.bad_date": 1}
    assert status.last_success_at is not None


def test_events_sent_again_after_a_lost_answer_are_stored_once(
        store: Store, central: CentralServer, client: CentralClient) -> None:
    from sync.uploader import Uploader

    ids = [outbox.enqueue(store.db, stream="rating", payload={"n": n}) for n in range(10)]
    events = outbox.waiting(store.db)
    wire = [{"id": e.id, "stream": e.stream, "created_at": e.created_at, "payload": e.payload(None),
             "blobs": {}} for e in events]
    assert client.submit_batch(wire[:4], "lost-answer").ok  # the platform stored these; the answer was lost
    Uploader(store.db.conn, client, sealer=None, clock=utc_now, on_event=Recorder()).step()
    assert central_event_ids(central) == ids
    assert store.outbox_waiting() == 0
