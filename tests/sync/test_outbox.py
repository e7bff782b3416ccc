"""sync.outbox: a business record and its event commit together; personal data never lands in plaintext."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kiosk.store import Store
from sync import outbox
from sync.db import transaction, utc_now
from sync.sealing import Sealer

NAME, ID_NUMBER, PHONE = "李小龙", "110101199003077777", "13800138000"
PERSON = {"name": NAME, "id_number": ID_NUMBER, "phone": PHONE}
PHOTO = b"\xff\xd8\xff" + b"JPEG-bytes-of-a-face" * 500


def make_business_table(store: Store) -> None:
    store.db.execute("CREATE TABLE applications (id TEXT PRIMARY KEY, state TEXT)")


def test_record_and_event_commit_together(store: Store) -> None:
    make_business_table(store)
    with store.db.atomic():
        store.db.execute("INSERT INTO applications VALUES ('a1', 'submitted')")
        event_id = outbox.enqueue(store.db, stream="application", payload={"application": "a1"})
    assert store.outbox_waiting() == 1
    assert outbox.waiting(store.db)[0].id == event_id


def test_rollback_takes_the_event_with_the_record(store: Store) -> None:
    make_business_table(store)
    with pytest.raises(RuntimeError), store.db.atomic():
        store.db.execute("INSERT INTO applications VALUES ('a1', 'submitted')")
        outbox.enqueue(store.db, stream="application", payload={"application": "a1"})
        raise RuntimeError("the printer caught fire before commit")
    assert store.outbox_waiting() == 0
    assert store.db.execute("SELECT count(*) FROM applications").fetchone()[0] == 0


def test_enqueue_alone_commits_on_its_own(store: Store, tmp_path: Path) -> None:
    outbox.enqueue(store.db, stream="rating", payload={"stars": 5})
    with Store.open(tmp_path / "data") as other:  # another connection sees it: it was committed
        assert other.outbox_waiting() == 1


def test_same_event_id_twice_is_one_event(store: Store) -> None:
    first = outbox.enqueue(store.db, stream="rating", payload={"stars": 5}, event_id="ev-1")
    again = outbox.enqueue(store.db, stream="rating", payload={"stars": 1}, event_id="ev-1")
    assert first == again == "ev-1"
    assert store.outbox_waiting() == 1
    assert outbox.waiting(store.db)[0].payload(None) == {"stars": 5}


def test_generated_ids_are_unique(store: Store) -> None:
    ids = {outbox.enqueue(store.db, stream="rating", payload={"n": i}) for i in range(200)}
    assert len(ids) == 200


def test_waiting_keeps_writing_order_and_limits(store: Store) -> None:
    ids = [outbox.enqueue(store.db, stream=f"s{i % 3}", payload={"n": i, "pad": "x" * 1000}) for i in range(30)]
    assert [e.id for e in outbox.waiting(store.db, max_events=10)] == ids[:10]
    assert len(outbox.waiting(store.db, max_bytes=5000)) == 4
    assert len(outbox.waiting(store.db, max_bytes=10)) == 1  # never stuck behind one big event
    after = outbox.waiting(store.db, max_events=10)[-1].rowid
    assert [e.id for e in outbox.waiting(store.db, after_rowid=after, max_events=5)] == ids[10:15]


@pytest.mark.parametrize("bad", [
    {"stream": "Application"}, {"event_id": "has space"}, {"payload": {"when": object()}},
    {"personal": True, "sealer": None}, {"blobs": {"Photo!": b"x"}}])
def test_programming_errors_are_refused(store: Store, bad: dict) -> None:
    args = {"stream": "application", "payload": {"a": 1}} | bad
    with pytest.raises(ValueError):
        outbox.enqueue(store.db, **args)
    assert store.outbox_waiting() == 0


def plaintext_on_disk(store: Store) -> bytes:
    """Everything SQLite wrote: the database file and its WAL (read before any checkpoint)."""
    wal = store.path.with_name(store.path.name + "-wal")
    return store.path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_personal_payload_and_photo_are_sealed_on_disk(store: Store, sealer: Sealer) -> None:
    event_id = outbox.enqueue(store.db, stream="application", payload=PERSON, personal=True, sealer=sealer,
                              blobs={"photo": PHOTO})
    disk = plaintext_on_disk(store)
    for secret in (NAME.encode(), ID_NUMBER.encode(), PHONE.encode(), b"JPEG-bytes-of-a-face"):
        assert secret not in disk
    [event] = outbox.waiting(store.db)
    assert event.id == event_id and event.sealed and PHONE not in repr(event)
    assert event.payload(sealer) == PERSON
    digest = hashlib.sha256(PHOTO).hexdigest()
    assert event.blobs == {"photo": digest}
    assert outbox.blob_data(store.db, digest, sealer) == PHOTO


def test_a_blob_is_stored_once_however_many_events_use_it(store: Store, sealer: Sealer) -> None:
    for n in range(3):
        outbox.enqueue(store.db, stream="application", payload={"n": n}, personal=True, sealer=sealer,
                       blobs={"photo": PHOTO})
    assert store.db.execute("SELECT count(*) FROM outbox_blobs").fetchone()[0] == 1
    events = outbox.waiting(store.db)
    assert outbox.blobs_to_upload(store.db, events) == [hashlib.sha256(PHOTO).hexdigest()]


def test_acknowledged_personal_data_is_purged(store: Store, sealer: Sealer) -> None:
    kept = outbox.enqueue(store.db, stream="application", payload={"n": 2}, personal=True, sealer=sealer,
                          blobs={"photo": b"another photo"})
    sent = outbox.enqueue(store.db, stream="application", payload=PERSON, personal=True, sealer=sealer,
                          blobs={"photo": PHOTO})
    with transaction(store.db) as conn:
        outbox.acknowledge(conn, [sent], utc_now())
    assert store.outbox_waiting() == 1
    row = store.db.execute("SELECT payload, acked_at FROM outbox WHERE id = ?", (sent,)).fetchone()
    assert row[0] == b"" and row[1] is not None
    assert [r[0] for r in store.db.execute("SELECT sha256 FROM outbox_blobs")] == [
        hashlib.sha256(b"another photo").hexdigest()]
    assert [e.id for e in outbox.waiting(store.db)] == [kept]


def test_dead_letter_leaves_the_queue_and_can_come_back(store: Store) -> None:
    bad = outbox.enqueue(store.db, stream="application", payload={"n": 1})
    good = outbox.enqueue(store.db, stream="application", payload={"n": 2})
    with transaction(store.db) as conn:
        outbox.dead_letter(conn, bad, "event.invalid", "field n must be even", utc_now())
    assert [e.id for e in outbox.waiting(store.db)] == [good]
    assert store.db.execute("SELECT code, reason FROM outbox_dead").fetchall() == [
        ("event.invalid", "field n must be even")]
    assert outbox.requeue_dead(store.db, bad)
    assert [e.id for e in outbox.waiting(store.db)] == [good, bad]
