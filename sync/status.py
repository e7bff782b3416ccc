"""The state of store-and-forward, as diagnostics, `kiosk sync status --json` and the heartbeat show it.

Read from the store only (no network), so it answers the same whether or not the agent runs: queue depth
and oldest record's age per stream, last success, last error, dead letters, records past the retention
limit, and each bundle's trusted version and last rejection; the last heartbeat the platform answered and
the terminal clock's offset from the platform's, measured on that answer (record_heartbeat).

Clock offset. The platform answers a heartbeat with its time (`server_time`, else the HTTP Date header).
Its offset is the platform's time minus the middle of the terminal's send and receive times, so half the
round trip is allowed for; the Date header's whole seconds make it good to about a second, plenty to tell
a clock that is minutes off (receipts, the journal and the lockout all stamp times with it).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from sync.db import get_setting, iso, parse_iso, put_settings, raw

HEARTBEAT_AT, CLOCK_OFFSET, CLOCK_MEASURED_AT = "sync.heartbeat_at", "sync.clock_offset_s", "sync.clock_measured_at"
#: A terminal clock further than this from the platform's is a failure in the diagnostics.
CLOCK_TOLERANCE_S = 60.0


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
    last_heartbeat_at: str | None = None   # terminal time of the last heartbeat the platform answered
    clock_offset_s: float | None = None    # platform time minus terminal time, at that heartbeat
    clock_measured_at: str | None = None

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
        dead_letters=sum(codes.values()), dead_letter_codes=codes, past_retention=past, bundles=bundles,
        last_heartbeat_at=get_setting(conn, HEARTBEAT_AT), clock_offset_s=_float(get_setting(conn, CLOCK_OFFSET)),
        clock_measured_at=get_setting(conn, CLOCK_MEASURED_AT))


def _float(text: str | None) -> float | None:
    try:
        return None if text is None else float(text)
    except ValueError:
        return None


def dead_letter_list(db: Any, limit: int = 20) -> list[dict[str, str]]:
    """The newest dead letters with the platform's reason: what a technician reads to see why (never the
    payload, which may be personal and sealed)."""
    rows = raw(db).execute("SELECT id, stream, code, reason, dead_at FROM outbox_dead ORDER BY dead_at DESC, id "
                           "LIMIT ?", (limit,)).fetchall()
    return [{"id": i, "stream": s, "code": c, "reason": r, "dead_at": d} for i, s, c, r, d in rows]


def platform_time(answer: Any, date_header: str | None) -> datetime | None:
    """The platform's time from a heartbeat's answer: its JSON `server_time`, else the HTTP Date header."""
    if isinstance(answer, dict) and isinstance(answer.get("server_time"), str):
        try:
            moment = parse_iso(answer["server_time"])
            if moment.tzinfo is not None:
                return moment
        except ValueError:
            pass
    if date_header:
        try:
            return parsedate_to_datetime(date_header)
        except (TypeError, ValueError):
            return None
    return None


def clock_offset_s(sent: datetime, received: datetime, platform: datetime) -> float:
    """Platform time minus the terminal's, taking the platform's answer as made mid-way through the trip."""
    middle = sent + (received - sent) / 2
    return round((platform - middle).total_seconds(), 3)


def record_heartbeat(conn: Any, received: datetime, offset_s: float | None) -> None:
    """Keep the time of an answered heartbeat and, when the platform gave its time, the clock's offset."""
    values: dict[str, str | None] = {HEARTBEAT_AT: iso(received)}
    if offset_s is not None:
        values.update({CLOCK_OFFSET: repr(offset_s), CLOCK_MEASURED_AT: iso(received)})
    put_settings(conn, values)
