"""kiosk.store: opening, pragmas, migrations, refusing newer files, and quarantining damaged ones."""

from __future__ import annotations

import hashlib
import logging
import os
import random
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.store import MIGRATIONS, Store, StoreError, StoreIntegrityError, StoreVersionError
from kiosk.store.migrations import create_outbox_and_settings

NOW = datetime(2026, 11, 23, 3, 15, 0, tzinfo=UTC)
STAMP = "20261123T031500Z"


def clock() -> datetime:
    return NOW


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled_store(data_dir: Path, rows: int = 300) -> Path:
    """A real store with enough outbox rows to span many pages; returns the database path."""
    with Store.open(data_dir, clock=clock) as store:
        store.db["outbox"].insert_all(
            {"id": f"ev-{i}", "stream": "application", "created_at": f"2026-11-23T03:{i % 60:02}:00Z",
             "payload": bytes(500), "acked_at": None} for i in range(rows))
        return store.path


# --- opening ----------------------------------------------------------------------------------------------


def test_fresh_store(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kiosk")
    data_dir = tmp_path / "a" / "kiosk"
    with Store.open(data_dir, clock=clock) as store:
        assert store.path == data_dir / "kiosk.db"
        assert store.schema_version == len(MIGRATIONS) == user_version(store.path)
        pragma = {name: store.db.execute(f"PRAGMA {name}").fetchone()[0]
                  for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
        assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}
        assert set(store.db.table_names()) >= {"outbox", "settings"}
        assert store.outbox_waiting() == 0
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    events = [r.getMessage() for r in caplog.records]
    assert events == ["store.migrated"] * len(MIGRATIONS) + ["store.opened"]


def test_schema_of_migration_1(tmp_path: Path) -> None:
    with Store.open(tmp_path, clock=clock) as store:
        columns = {c.name: (c.type, c.notnull, c.is_pk) for c in store.db["outbox"].columns}
        assert columns == {"id": ("TEXT", False, True), "stream": ("TEXT", True, False),
                           "created_at": ("TEXT", True, False), "payload": ("BLOB", True, False),
                           "acked_at": ("TEXT", False, False)}
        assert [i.columns for i in store.db["outbox"].indexes if not i.name.startswith("sqlite_")] == [
            ["stream", "created_at"]]
        assert store.db["settings"].pks == ["key"]


def test_reopen_keeps_rows_and_counts_only_unacknowledged(tmp_path: Path) -> None:
    path = filled_store(tmp_path, rows=5)
    with Store.open(tmp_path, clock=clock) as store:
        store.db.execute("UPDATE outbox SET acked_at = '2026-11-23T04:00:00Z' WHERE id IN ('ev-0', 'ev-1')")
        assert store.outbox_waiting() == 3
        assert store.path == path


def test_unopenable_folder_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match=r"^The store .*kiosk\.db could not be opened"):
        Store.open(blocker / "kiosk", clock=clock)


# --- migrations -------------------------------------------------------------------------------------------


def add_priority(db: Database) -> None:
    db.execute("ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")


def half_done_then_fail(db: Database) -> None:
    db.execute("CREATE TABLE half (x)")
    db.execute("INSERT INTO settings (key, value) VALUES ('half', 'done')")
    raise RuntimeError("disk on fire")


def version_1_by_hand(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE outbox (id TEXT PRIMARY KEY, stream TEXT NOT NULL, created_at TEXT NOT NULL,
                             payload BLOB NOT NULL, acked_at TEXT NULL);
        CREATE INDEX outbox_stream_created_at ON outbox (stream, created_at);
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
        INSERT INTO outbox VALUES ('ev-1', 'application', '2026-11-23T03:00:00Z', x'00', NULL);
        INSERT INTO settings VALUES ('terminal', 'dev-0001');
        PRAGMA user_version = 1;
    """)
    conn.close()


def test_version_1_is_migrated_forward_keeping_rows(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="kiosk")
    version_1_by_hand(tmp_path / "kiosk.db")
    with Store.open(tmp_path, clock=clock, migrations=[create_outbox_and_settings, add_priority]) as store:
        assert store.schema_version == 2
        assert list(store.db["outbox"].rows) == [{"id": "ev-1", "stream": "application",
                                                  "created_at": "2026-11-23T03:00:00Z", "payload": b"\x00",
                                                  "acked_at": None, "priority": 0}]
        assert store.db.execute("SELECT value FROM settings").fetchall() == [("dev-0001",)]
    assert user_version(tmp_path / "kiosk.db") == 2
    migrated = [r.kiosk_event for r in caplog.records if r.getMessage() == "store.migrated"]  # type: ignore[attr-defined]
    assert [(e["from_version"], e["to_version"]) for e in migrated] == [(1, 2)]


def test_failing_migration_rolls_back(tmp_path: Path) -> None:
    Store.open(tmp_path, clock=clock, migrations=[create_outbox_and_settings]).close()
    with pytest.raises(StoreError, match=r"Migration 2 of the store .* failed \(RuntimeError: disk on fire\);"
                                         r" it was rolled back and the store is still at schema version 1\."):
        Store.open(tmp_path, clock=clock, migrations=[create_outbox_and_settings, half_done_then_fail])
    assert user_version(tmp_path / "kiosk.db") == 1
    with Store.open(tmp_path, clock=clock) as store:
        assert "half" not in store.db.table_names()
        assert store.db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0


def test_newer_store_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE future (x); PRAGMA user_version = 99;")
    conn.close()
    before = digest(path)
    with pytest.raises(StoreVersionError, match=rf"schema version 99; this version knows up to {len(MIGRATIONS)}\)"):
        Store.open(tmp_path, clock=clock)
    assert digest(path) == before
    assert not (tmp_path / "quarantine").exists()
    assert user_version(path) == 99


# --- damaged files ----------------------------------------------------------------------------------------


def garble_pages(path: Path, pages: list[int], seed: int) -> None:
    noise = random.Random(seed)
    with path.open("r+b") as f:
        for page in pages:
            f.seek(4096 * (page - 1))
            f.write(noise.randbytes(4096))


@pytest.mark.parametrize("pages", [[2], [3, 7], [20]])
def test_garbled_pages_are_quarantined(tmp_path: Path, pages: list[int],
                                       caplog: pytest.LogCaptureFixture) -> None:
    path = filled_store(tmp_path)
    garble_pages(path, pages, seed=sum(pages))
    damaged = digest(path)
    with pytest.raises(StoreIntegrityError) as info:
        Store.open(tmp_path, clock=clock)
    target = tmp_path / "quarantine" / f"kiosk-{STAMP}.db"
    assert info.value.quarantined_to == target
    assert str(info.value) == (
        f"The store {path} failed its integrity check (database disk image is malformed). It was moved, "
        f"untouched, to {target}; records not yet sent are in that file. The next start creates a new, "
        "empty store.")
    assert digest(target) == damaged
    assert not path.exists()
    assert any(r.getMessage() == "store.integrity_failed" for r in caplog.records)
    with Store.open(tmp_path, clock=clock) as store:  # the next start
        assert store.outbox_waiting() == 0


def test_random_bytes_are_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.db"
    path.write_bytes(random.Random(1).randbytes(3 * 4096))
    with pytest.raises(StoreIntegrityError, match=r"failed its integrity check \(file is not a database\)"):
        Store.open(tmp_path, clock=clock)
    quarantined = tmp_path / "quarantine" / f"kiosk-{STAMP}.db"
    assert quarantined.read_bytes() == random.Random(1).randbytes(3 * 4096)


def test_inconsistent_index_is_quarantined(tmp_path: Path) -> None:
    """integrity_check answers with rows (no exception) when an index disagrees with its table."""
    path = tmp_path / "kiosk.db"
    conn = sqlite3.connect(path)
    conn.executescript("""CREATE TABLE a (x); CREATE TABLE b (x);
                          CREATE INDEX ia ON a (x); CREATE INDEX ib ON b (x);
                          INSERT INTO a VALUES (1), (2), (3); INSERT INTO b VALUES (7);""")
    roots = dict(conn.execute("SELECT name, rootpage FROM sqlite_master WHERE type = 'index'").fetchall())
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'ia'", (roots["ib"],))
    conn.execute("UPDATE sqlite_master SET rootpage = ? WHERE name = 'ib'", (roots["ia"],))
    conn.commit()
    conn.close()
    with pytest.raises(StoreIntegrityError, match=r"integrity check \(row \d+ missing from index"):
        Store.open(tmp_path, clock=clock)


def test_wal_and_shm_move_with_the_file_untouched(tmp_path: Path) -> None:
    """A store left by a crash, its last records still in the -wal file: the WAL is never merged or lost."""
    path = filled_store(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("INSERT INTO outbox VALUES ('ev-last', 'application', 'now', x'01', NULL)")
    conn.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        (crashed / f"kiosk.db{suffix}").write_bytes(Path(f"{path}{suffix}").read_bytes())
    conn.close()
    garble_pages(crashed / "kiosk.db", [10], seed=2)  # a page the WAL has no newer copy of
    before = {suffix: digest(crashed / f"kiosk.db{suffix}") for suffix in ("", "-wal")}
    with pytest.raises(StoreIntegrityError) as info:
        Store.open(crashed, clock=clock)
    target = info.value.quarantined_to
    assert {suffix: digest(Path(f"{target}{suffix}")) for suffix in ("", "-wal")} == before
    assert sorted(p.name for p in crashed.iterdir()) == ["quarantine"]


def test_quarantine_never_overwrites(tmp_path: Path) -> None:
    earlier = tmp_path / "quarantine" / f"kiosk-{STAMP}.db"
    earlier.parent.mkdir()
    earlier.write_bytes(b"an earlier damaged store")
    (tmp_path / "kiosk.db").write_bytes(b"garbage" * 1000)
    with pytest.raises(StoreIntegrityError) as info:
        Store.open(tmp_path, clock=clock)
    assert info.value.quarantined_to == tmp_path / "quarantine" / f"kiosk-{STAMP}-2.db"
    assert earlier.read_bytes() == b"an earlier damaged store"
    assert info.value.quarantined_to.read_bytes() == b"garbage" * 1000


def test_quarantine_folder_is_private(tmp_path: Path) -> None:
    (tmp_path / "kiosk.db").write_bytes(b"garbage" * 1000)
    with pytest.raises(StoreIntegrityError):
        Store.open(tmp_path, clock=clock)
    assert stat.S_IMODE((tmp_path / "quarantine").stat().st_mode) == 0o700
    assert os.listdir(tmp_path) == ["quarantine"]
