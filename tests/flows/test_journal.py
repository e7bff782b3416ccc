"""The journal keeps personal data sealed at rest, bound to its row, and readable again with the key."""

import pytest

from flows.journal import Journal
from sync.sealing import SealError
from tests.flows.conftest import REPLACE_ANSWERS, walk_to


def test_captured_data_is_sealed_on_disk(make_engine, store, journal):
    engine = make_engine("id_card_replace")
    walk_to(engine, "summary", REPLACE_ANSWERS)
    raw = b"".join(r[0] for r in store.db.execute("SELECT sealed FROM flow_steps WHERE sealed IS NOT NULL"))
    assert raw, "steps captured something"
    for secret in ("110101199001010015", "张三", "13800138000"):
        assert secret.encode() not in raw
    store.db.conn.execute("PRAGMA wal_checkpoint(FULL)")
    on_disk = store.path.read_bytes()
    assert b"110101199001010015" not in on_disk and "张三".encode() not in on_disk
    captured = {k: v for row in journal.steps(engine.session_id) for k, v in row.captured.items()}
    assert captured["id_number"] == "110101199001010015" and captured["photo"].startswith(b"\xff\xd8")
    assert "110101199001010015" not in repr(journal.steps(engine.session_id))


def test_a_sealed_row_copied_elsewhere_does_not_open(make_engine, store, journal):
    engine = make_engine("id_card_replace")
    walk_to(engine, "photo", REPLACE_ANSWERS)
    rows = store.db.execute("SELECT seq, sealed FROM flow_steps WHERE sealed IS NOT NULL").fetchall()
    store.db.execute("UPDATE flow_steps SET sealed = ? WHERE seq = 1", [rows[-1][1]])
    with pytest.raises(SealError):
        journal.steps(engine.session_id)


def test_another_key_cannot_read_the_journal(make_engine, store, tmp_path, world):
    from sync.sealing import Sealer

    engine = make_engine("id_card_replace")
    walk_to(engine, "photo", REPLACE_ANSWERS)
    stranger = Journal(store.db, Sealer.from_key_file(tmp_path / "other-key"), clock=world.clock)
    with pytest.raises(SealError):
        stranger.steps(engine.session_id)


def test_a_session_that_ended_keeps_its_outline_and_nothing_it_captured(make_engine, store, journal):
    engine = make_engine("id_card_replace")
    walk_to(engine, "rating", REPLACE_ANSWERS)
    assert any(r.captured for r in journal.steps(engine.session_id))  # the photo, the fingerprints, ...
    walk_to(engine, "the end", REPLACE_ANSWERS)
    assert engine.view.finished and journal.session(engine.session_id).state == "done"
    rows = journal.steps(engine.session_id)
    assert [r.step_id for r in rows][:2] == ["reason", "identity"] and all(r.captured == {} for r in rows)
    assert len(journal.effects(engine.session_id)) == 4  # payment, receipt, record, submission
    assert {e.state for e in journal.effects(engine.session_id)} == {"done"}
    assert store.db.execute("SELECT count(*) FROM flow_steps WHERE sealed IS NOT NULL").fetchone()[0] == 0


def test_a_cancelled_session_keeps_nothing_it_captured_either(make_engine, store, journal):
    engine = make_engine("id_card_replace")
    walk_to(engine, "phone", REPLACE_ANSWERS)
    assert any(r.captured for r in journal.steps(engine.session_id))  # the card's name and number
    engine.cancel()
    walk_to(engine, "the end", REPLACE_ANSWERS)  # by way of the rating, if cancelling asks for one
    assert journal.session(engine.session_id).state == "cancelled"
    assert all(r.captured == {} for r in journal.steps(engine.session_id))
    assert store.db.execute("SELECT count(*) FROM flow_steps WHERE sealed IS NOT NULL").fetchone()[0] == 0


def test_an_ended_sessions_outline_goes_after_90_days_and_what_was_handed_out_stays(make_engine, store, journal,
                                                                                     world):
    from flows.journal import KEEP_ENDED_DAYS

    old = make_engine("id_card_replace")
    walk_to(old, "the end", REPLACE_ANSWERS)
    store.db.execute("INSERT INTO flow_pickups (application_no, session_id, door, at) VALUES ('A1', ?, 3, 'x')",
                     [old.session_id])
    world.clock.now += (KEEP_ENDED_DAYS - 1) * 86400
    cancelled(make_engine)
    assert journal.session(old.session_id) is not None and journal.steps(old.session_id)  # 89 days: still here
    world.clock.now += 2 * 86400
    recent = make_engine("id_card_replace")
    walk_to(recent, "phone", REPLACE_ANSWERS)  # running: never pruned, whatever its age
    world.clock.now += 2 * 86400
    cancelled(make_engine)
    assert journal.session(old.session_id) is None
    assert journal.steps(old.session_id) == [] and journal.effects(old.session_id) == []
    assert journal.session(recent.session_id).state == "running" and journal.steps(recent.session_id)
    assert journal.collected() == frozenset({"A1"})


def cancelled(make_engine):
    """Another session, which ends (the citizen cancels): ending is when old outlines go."""
    engine = make_engine("id_card_replace")
    walk_to(engine, "phone", REPLACE_ANSWERS)
    engine.cancel()
    walk_to(engine, "the end", REPLACE_ANSWERS)
    assert engine.view.finished
