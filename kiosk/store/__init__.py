"""The kiosk's local store: one SQLite file (WAL, synchronous=FULL) used through sqlite-utils.

    Store.open(data_dir, *, clock=utc_now, migrations=MIGRATIONS) -> Store   (.db, .path, .schema_version)
    StoreError > StoreIntegrityError (.quarantined_to), StoreVersionError

Migrations live in migrations.py; a damaged file is moved to data_dir/quarantine/ (quarantine.py).
"""

from kiosk.store.errors import StoreError, StoreIntegrityError, StoreVersionError
from kiosk.store.migrations import MIGRATIONS, Migration
from kiosk.store.store import Store

__all__ = ["MIGRATIONS", "Migration", "Store", "StoreError", "StoreIntegrityError", "StoreVersionError"]
