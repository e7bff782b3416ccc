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


def test_purge_drops_what_was_captured_and_keeps_the_outline(make_engine, journal):
    engine = make_engine("id_card_replace")
    walk_to(engine, "rating", REPLACE_ANSWERS)
    journal.purge(engine.session_id)
    rows = journal.steps(engine.session_id)
    assert rows and all(r.captured == {} for r in rows)
    assert [e.state for e in journal.effects(engine.session_id)] == ["done", "done", "done"]
