"""Pulling signed bundles: ask with the last ETag, verify what comes, keep the last good one.

A bundle that fails verification (bad signature, expired, older than the trusted version, truncated or not
a bundle) is rejected: the stored one stays in force, the reason is logged and kept for diagnostics
(`sync.bundle.<kind>.rejected` in the settings table). A good one replaces it in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sync.bundles import Bundle, verify_bundle
from sync.client import CentralClient
from sync.db import iso, put_settings, raw, transaction
from sync.errors import Failure, Ok, SyncFailure


def trusted(db: Any, kind: str, keys: Sequence[Ed25519PublicKey], now: datetime) -> Bundle | None:
    """The last good bundle of `kind`, verified again (a row altered on disk is not trusted); expiry is not
    checked here: the last good bundle stays in force until a newer good one arrives."""
    row = raw(db).execute("SELECT raw, version FROM sync_bundles WHERE kind = ?", (kind,)).fetchone()
    if row is None:
        return None
    result = verify_bundle(bytes(row[0]), kind=kind, keys=keys, now=datetime.min.replace(tzinfo=UTC))
    return result.value if isinstance(result, Ok) else None


class BundlePuller:
    def __init__(self, conn: sqlite3.Connection, client: CentralClient, keys: Sequence[Ed25519PublicKey], *,
                 clock: Callable[[], datetime], on_event: Callable[..., None]) -> None:
        self.conn, self.client, self.keys = conn, client, list(keys)
        self.clock, self.on_event = clock, on_event

    def pull(self, kind: str) -> Ok[Bundle | None] | Failure:
        """Ok(new bundle), Ok(None) when unchanged, or the Failure that kept the old one in force."""
        row = self.conn.execute("SELECT version, etag FROM sync_bundles WHERE kind = ?", (kind,)).fetchone()
        version, etag = (row[0], row[1]) if row else (None, None)
        download = self.client.pull_bundle(kind, etag)
        if isinstance(download, SyncFailure):
            return download
        if download.value is None:
            return Ok(None)
        now = self.clock()
        checked = verify_bundle(download.value.raw, kind=kind, keys=self.keys, now=now, trusted_version=version)
        if isinstance(checked, Failure):
            with transaction(self.conn) as conn:
                put_settings(conn, {f"sync.bundle.{kind}.rejected": f"{checked.code} {iso(now)} {checked.detail}"})
            self.on_event("sync.bundle_rejected", kind=kind, reason_code=checked.code, reason=checked.detail)
            return checked
        bundle = checked.value
        with transaction(self.conn) as conn:
            conn.execute("INSERT OR REPLACE INTO sync_bundles (kind, version, etag, raw, expires_at, accepted_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", (kind, bundle.version, download.value.etag, bundle.raw,
                                                       iso(bundle.expires_at), iso(now)))
            put_settings(conn, {f"sync.bundle.{kind}.rejected": None})
        self.on_event("sync.bundle_accepted", kind=kind, version=bundle.version)
        return Ok(bundle)
