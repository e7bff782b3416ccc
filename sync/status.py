"""The state of store-and-forward, as diagnostics, `kiosk sync status --json` and the heartbeat show it.

Read from the store only (no network), so it answers the same whether or not the agent runs: queue depth
and oldest record's age per stream, last success, last error, dead letters, records past the retention
limit, and each bundle's trusted version and last rejection.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sync.db import get_setting, iso, parse_iso, raw


@dataclass(frozen=True)
class StreamStatus:
    waiting: int
    oldest_age_s: float


@dataclass(frozen=True)
class SyncStatus:
    waiting: int
    streams: dict[str, StreamStatus] = field(default_factory=dict)
    oldest_age_s: float | None = None
    last_success_at: str | None = None
    last_error_code: str | None = None
    last_error_at: str | None = None
    dead_letters: int = 0
    dead_letter_codes: dict[str, int] = field(default_factory=dict)
    past_retention: int = 0  # waiting longer than the retention limit: an alert, never deleted
    bundles: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def sync_status(db: Any, now: datetime, *, retention_days: float = 7.0) -> SyncStatus:
    conn = raw(db)
    streams: dict[str, StreamStatus] = {}
    for stream, count, oldest in conn.execute(
            "SELECT stream, count(*), min(created_at) FROM outbox WHERE acked_at IS NULL GROUP BY stream"):
        streams[stream] = StreamStatus(count, round((now - parse_iso(oldest)).total_seconds(), 3))
    cutoff = iso(now - timedelta(days=retention_days))
    past = conn.execute("SELECT count(*) FROM outbox WHERE acked_at IS NULL AND created_at < ?",
                        (cutoff,)).fetchone()[0] if streams else 0
    codes = dict(conn.execute("SELECT code, count(*) FROM outbox_dead GROUP BY code").fetchall())
    bundles = {}
    for kind, version, accepted, expires in conn.execute(
            "SELECT kind, version, accepted_at, expires_at FROM sync_bundles ORDER BY kind"):
        bundles[kind] = {"version": version, "accepted_at": accepted, "expires_at": expires,
                         "last_rejection": get_setting(conn, f"sync.bundle.{kind}.rejected")}
    for (key,) in conn.execute("SELECT key FROM settings WHERE key LIKE 'sync.bundle.%.rejected' AND value "
                               "IS NOT NULL"):
        kind = key.split(".")[2]
        bundles.setdefault(kind, {"version": None, "last_rejection": get_setting(conn, key)})
    return SyncStatus(
        waiting=sum(s.waiting for s in streams.values()), streams=streams,
        oldest_age_s=max((s.oldest_age_s for s in streams.values()), default=None),
        last_success_at=get_setting(conn, "sync.last_success_at"),
        last_error_code=get_setting(conn, "sync.last_error_code"),
        last_error_at=get_setting(conn, "sync.last_error_at"),
        dead_letters=sum(codes.values()), dead_letter_codes=codes, past_retention=past, bundles=bundles)
