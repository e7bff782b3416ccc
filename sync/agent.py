"""The sync agent: one background thread that forwards the outbox, pulls bundles and sends heartbeats.

    agent = SyncAgent(store_path, client, sealer=sealer, bundle_keys=keys, on_event=log_event_adapter)
    agent.start(); ...; agent.wake()  # after a commit, to send at once; agent.stop()
    agent.beat_soon()                 # a device's health changed: tell the platform now, not in a minute

It never gives up on a citizen's record: a failed upload waits with capped exponential backoff and full
jitter (the wait is random between 0 and min(cap, base * 2^failures)), at least as long as the platform's
Retry-After, and then tries again, for ever. A 4xx refusal of one event dead-letters that event (with the
platform's reason, and an alert) instead of blocking the queue. Records waiting longer than the retention
limit raise an alert; nothing is ever deleted unsent. Acknowledged rows are forgotten after a while.

Each heartbeat the platform answers is recorded in the store with the terminal clock's offset from the
platform's (sync/status.py), for the diagnostics.

The clock, the random source and the waiting itself are injected, so tests run the real loop fast.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sync import outbox
from sync.client import CentralClient
from sync.db import connect, iso, put_settings, transaction, utc_now
from sync.errors import SyncFailure
from sync.pull import BundlePuller
from sync.sealing import Sealer
from sync.status import clock_offset_s, platform_time, record_heartbeat, sync_status
from sync.uploader import EventSink, StepResult, Uploader


@dataclass(frozen=True)
class AgentSettings:
    max_events: int = 500  # per batch
    max_bytes: int = 1 << 20  # per batch, before compression
    backoff_base_s: float = 1.0
    backoff_cap_s: float = 300.0
    max_retry_after_s: float = 3600.0  # a Retry-After longer than this is taken as this
    poll_s: float = 5.0  # how often to look at an empty outbox (wake() is faster)
    heartbeat_s: float = 60.0
    heartbeat_min_s: float = 5.0  # beat_soon() never sends heartbeats closer together than this
    pull_s: float = 300.0
    bundle_kinds: tuple[str, ...] = ("config", "catalogue", "definitions", "software")
    retention_days: float = 7.0  # unacknowledged longer than this: alert
    keep_acked_days: float = 1.0  # acknowledged rows are forgotten after this


def full_jitter_s(failures: int, base_s: float, cap_s: float, rng: random.Random) -> float:
    return rng.uniform(0, min(cap_s, base_s * 2 ** max(0, failures - 1)))


def _wait(event: threading.Event, seconds: float) -> None:
    event.wait(seconds)


def _ignore(name: str, **fields: Any) -> None:
    pass


class SyncAgent:
    def __init__(self, store_path: Path, client: CentralClient, *, sealer: Sealer | None = None,
                 bundle_keys: Sequence[Ed25519PublicKey] = (), settings: AgentSettings = AgentSettings(),
                 clock: Callable[[], datetime] = utc_now, rng: random.Random | None = None,
                 wait: Callable[[threading.Event, float], None] = _wait, on_event: EventSink = _ignore,
                 devices: Callable[[], Mapping[str, Any]] = dict) -> None:
        """`store_path`: the kiosk's store file (kiosk.db); `devices`: current device statuses for heartbeats
        (device name -> its state, or an object with its state, code and last failed self-test)."""
        self.store_path, self.client, self.sealer = Path(store_path), client, sealer
        self.bundle_keys, self.settings = list(bundle_keys), settings
        self.clock, self.rng = clock, rng or random.Random()
        self._wait, self.on_event, self.devices = wait, on_event, devices
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None
        self.failures = 0
        self._due: dict[str, datetime] = {}
        self._retention_alerted = 0
        self._last_beat: datetime | None = None

    def start(self) -> SyncAgent:
        self._thread = threading.Thread(target=self._run, name="sync-agent", daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        """Something was enqueued, or the network came back: try now instead of at the next poll."""
        self._wake.set()

    def beat_soon(self) -> None:
        """Send a heartbeat now (or heartbeat_min_s after the last one), not at the next minute."""
        now = self.clock()
        soon = now if self._last_beat is None else max(
            now, self._last_beat + timedelta(seconds=self.settings.heartbeat_min_s))
        self._due["heartbeat"] = soon
        self.wake()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _run(self) -> None:
        conn = connect(self.store_path)
        uploader = Uploader(conn, self.client, sealer=self.sealer, clock=self.clock, on_event=self.on_event,
                            max_events=self.settings.max_events, max_bytes=self.settings.max_bytes)
        puller = BundlePuller(conn, self.client, self.bundle_keys, clock=self.clock, on_event=self.on_event)
        self.on_event("sync.agent_started", url=getattr(self.client.transport, "base_url", ""))
        try:
            while not self._stop.is_set():
                self._wake.clear()
                try:
                    self._periodic(conn, puller)
                    result = uploader.step()
                except sqlite3.Error as e:  # locked for longer than the busy timeout, or an I/O error
                    result = StepResult(failure=SyncFailure("sync.store_busy", type(e).__name__))
                delay = self._until_heartbeat(self.after_step(conn, result))
                if delay > 0 and not self._stop.is_set():
                    self._wait(self._wake, delay)
        finally:
            conn.close()
            self.on_event("sync.agent_stopped")

    def _until_heartbeat(self, delay: float) -> float:
        """`delay`, shortened to the time the next heartbeat is due (one asked for by beat_soon included)."""
        due = self._due.get("heartbeat")
        if due is None:
            return delay
        return max(0.0, min(delay, (due - self.clock()).total_seconds()))

    def after_step(self, conn: Any, result: StepResult) -> float:
        """Record the step's outcome; the seconds to wait before the next one (0: go on at once)."""
        if result.failure is None:
            if self.failures:
                self.on_event("sync.recovered", failed_attempts=self.failures)
            self.failures = 0
            return self.settings.poll_s if result.idle else 0.0
        self.failures += 1
        failure = result.failure
        delay = full_jitter_s(self.failures, self.settings.backoff_base_s, self.settings.backoff_cap_s, self.rng)
        if failure.retry_after_s is not None:
            delay = max(delay, min(failure.retry_after_s, self.settings.max_retry_after_s))
        self._record_error(conn, failure)
        self.on_event("sync.upload_failed", reason_code=failure.code, status=failure.status,
                      attempt=self.failures, retry_in_ms=int(delay * 1000))
        return delay

    def _record_error(self, conn: Any, failure: SyncFailure) -> None:
        with transaction(conn) as tx:
            put_settings(tx, {"sync.last_error_code": failure.code, "sync.last_error_at": iso(self.clock())})

    def _is_due(self, what: str, every_s: float, now: datetime) -> bool:
        if now < self._due.get(what, now):
            return False
        self._due[what] = now + timedelta(seconds=every_s)
        return True

    def _periodic(self, conn: Any, puller: BundlePuller) -> None:
        now = self.clock()
        if self.bundle_keys and self._is_due("pull", self.settings.pull_s, now):
            for kind in self.settings.bundle_kinds:
                puller.pull(kind)
        if self._is_due("housekeeping", 600.0, now):
            outbox.prune_acknowledged(conn, now - timedelta(days=self.settings.keep_acked_days))
            status = sync_status(conn, now, retention_days=self.settings.retention_days)
            if status.past_retention and status.past_retention != self._retention_alerted:
                self.on_event("sync.retention_exceeded", waiting=status.past_retention,
                              oldest_days=round((status.oldest_age_s or 0) / 86400, 2))
            self._retention_alerted = status.past_retention
        if self._is_due("heartbeat", self.settings.heartbeat_s, now):
            status = sync_status(conn, now, retention_days=self.settings.retention_days)
            self._heartbeat(conn, {"devices": dict(self.devices()), "queue": {
                "waiting": status.waiting, "oldest_age_s": status.oldest_age_s,
                "dead_letters": status.dead_letters, "last_success_at": status.last_success_at}})

    def _heartbeat(self, conn: Any, body: dict[str, Any]) -> None:
        """POST /v1/heartbeat (as CentralClient.heartbeat), keeping the answer's time for the clock's offset."""
        sent = self.clock()
        self._last_beat = sent
        response = self.client.call("POST", "/v1/heartbeat", body=json.dumps(body).encode(),
                                    headers={"Content-Type": "application/json"})
        if isinstance(response, SyncFailure):
            return  # the outbox's own failures say why; the next heartbeat comes at its time
        received = self.clock()
        try:
            answer = json.loads(response.body)
        except ValueError:
            answer = None
        platform = platform_time(answer, response.headers.get("date"))
        offset = None if platform is None else clock_offset_s(sent, received, platform)
        with transaction(conn) as tx:
            record_heartbeat(tx, received, offset)
