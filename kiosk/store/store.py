"""Store: the kiosk's SQLite file, opened safely (integrity check, quarantine, migrations)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlite_utils import Database

from kiosk.log import log_event
from kiosk.store.errors import StoreError, StoreIntegrityError, StoreVersionError
from kiosk.store.migrations import MIGRATIONS, Migration
from kiosk.store.quarantine import inspect, quarantine

FILE_NAME = "kiosk.db"
BUSY_TIMEOUT_MS = 5000


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """An open store. Make one with Store.open(); `db` is the sqlite-utils Database for queries."""

    def __init__(self, db: Database, path: Path, schema_version: int) -> None:
        self.db = db
        self.path = path
        self.schema_version = schema_version

    @classmethod
    def open(cls, data_dir: Path, *, clock: Callable[[], datetime] = utc_now,
             migrations: Sequence[Migration] = MIGRATIONS) -> Store:
        """Open (creating if needed) data_dir/kiosk.db, check it, and migrate it to the latest schema.

        Raises StoreIntegrityError (damaged file, now quarantined), StoreVersionError (file from newer
        software, untouched) or StoreError (cannot be opened, or a migration failed and was rolled back).
        """
        data_dir = Path(data_dir)
        path = data_dir / FILE_NAME
        try:
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            damage, version = inspect(path, BUSY_TIMEOUT_MS / 1000) if path.exists() else (None, 0)
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"The store {path} could not be opened ({e}).") from e
        if damage is not None:
            raise cls._quarantine(path, damage, clock())
        if version > len(migrations):
            raise StoreVersionError(
                f"The store {path} was written by newer kiosk software (schema version {version}; this "
                f"version knows up to {len(migrations)}). It was left untouched: install the newer software, "
                "or move the file aside to start with an empty store.")
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as e:
            raise StoreError(f"The store {path} could not be opened ({e}).") from e
        try:
            return cls._prepare(Database(conn, execute_plugins=False), path, migrations)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def _prepare(cls, db: Database, path: Path, migrations: Sequence[Migration]) -> Store:
        """Set the connection up (WAL, synchronous=FULL, foreign keys) and apply the missing migrations."""
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        db.enable_wal()
        db.execute("PRAGMA synchronous = FULL")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version + 1, len(migrations) + 1):
            try:
                with db.atomic():
                    migrations[number - 1](db)
                    db.execute(f"PRAGMA user_version = {number}")
            except Exception as e:  # whatever a migration raises, it was rolled back; say which one
                raise StoreError(
                    f"Migration {number} of the store {path} failed ({type(e).__name__}: {e}); it was rolled "
                    f"back and the store is still at schema version {number - 1}.") from e
            log_event("store.migrated", from_version=number - 1, to_version=number)
        store = cls(db, path, len(migrations))
        log_event("store.opened", path=str(path), schema_version=store.schema_version)
        return store

    @staticmethod
    def _quarantine(path: Path, reason: str, now: datetime) -> StoreError:
        try:
            moved_to = quarantine(path, now)
        except OSError as e:
            return StoreError(f"The store {path} failed its integrity check ({reason}) and could not be "
                              f"moved to quarantine ({e}); it was left where it is.")
        log_event("store.integrity_failed", path=str(path), quarantined_to=str(moved_to), reason=reason)
        return StoreIntegrityError(
            f"The store {path} failed its integrity check ({reason}). It was moved, untouched, to "
            f"{moved_to}; records not yet sent are in that file. The next start creates a new, empty store.",
            moved_to)

    def outbox_waiting(self) -> int:
        """How many outbox records the central platform has not acknowledged yet."""
        return self.db.execute("SELECT count(*) FROM outbox WHERE acked_at IS NULL").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
