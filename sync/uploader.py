"""One step of store-and-forward: read the oldest waiting events, upload the blobs they need, send them as
one batch, and record the per-event answers, all without ever losing or doubling a record.

The batch's Idempotency-Key is derived from its event ids, so a batch repeated after a lost answer carries
the same key. Answers are applied in one transaction: "stored" and "duplicate" are acknowledged (personal
data purged), "rejected" moves to the dead-letter table with the platform's reason, "retry" stays. A batch
the platform refuses as a whole (400, 413, 422) is halved until the refused event stands alone, and then
that one event is dead-lettered; the rest go on. Everything else is transient, and the caller backs off.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sync import outbox
from sync.client import CentralClient, server_code
from sync.db import iso, put_settings, transaction
from sync.errors import SyncFailure
from sync.sealing import Sealer, SealError

EventSink = Callable[..., None]  # (event name, **fields); names are in the kiosk's log catalogue


@dataclass(frozen=True)
class StepResult:
    """What one step did. `failure` set: try again after a pause (honouring its retry_after_s)."""

    sent: int = 0
    acknowledged: int = 0
    dead: int = 0
    failure: SyncFailure | None = None

    @property
    def idle(self) -> bool:
        return self.sent == 0 and self.failure is None and self.dead == 0


def batch_key(ids: list[str]) -> str:
    return "b-" + hashlib.sha256("\n".join(ids).encode()).hexdigest()[:40]


class Uploader:
    def __init__(self, conn: sqlite3.Connection, client: CentralClient, *, sealer: Sealer | None,
                 clock: Callable[[], datetime], on_event: EventSink, max_events: int = 500,
                 max_bytes: int = 1 << 20) -> None:
        self.conn, self.client, self.sealer = conn, client, sealer
        self.clock, self.on_event = clock, on_event
        self.max_events, self.max_bytes = max_events, max_bytes
        self.limit = max_events  # lowered while a refused batch is being halved
        self.cursor = 0  # rowid below which nothing is waiting any more
        self._suspect_until = 0  # a refused batch ended here: stay small until past it

    def step(self) -> StepResult:
        events = outbox.waiting(self.conn, after_rowid=self.cursor, max_events=self.limit,
                                max_bytes=self.max_bytes)
        if not events and self.cursor:
            # A row written after the newest one was dead-lettered or pruned reuses a lower rowid: look again.
            self.cursor = 0
            return self.step()
        if not events:
            return StepResult()
        for digest in outbox.blobs_to_upload(self.conn, events):
            failure = self._upload_blob(digest)
            if failure is not None:
                return StepResult(failure=failure)
        wire, unreadable = [], []
        for event in events:
            try:
                wire.append({"id": event.id, "stream": event.stream, "created_at": event.created_at,
                             "payload": event.payload(self.sealer), "blobs": dict(event.blobs)})
            except (SealError, ValueError):
                unreadable.append(event.id)
        if unreadable:  # cannot ever be sent as stored (wrong key, damaged row): keep it, but out of the way
            with transaction(self.conn) as conn:
                for event_id in unreadable:
                    self._dead(conn, event_id, event_stream(events, event_id), "local.unreadable",
                               "the stored payload cannot be opened with this terminal's key")
            return StepResult(dead=len(unreadable))
        answer = self.client.submit_batch(wire, batch_key([e.id for e in events]))
        if isinstance(answer, SyncFailure):
            return self._refused(events, answer)
        return self._apply(events, {r.id: r for r in answer.value})

    def _upload_blob(self, digest: str) -> SyncFailure | None:
        try:
            data = outbox.blob_data(self.conn, digest, self.sealer)
        except (KeyError, SealError, ValueError):
            return None  # the events that need it will be answered "retry" or dead-lettered by the platform
        answer = self.client.upload_blob(digest, data)
        if isinstance(answer, SyncFailure):
            return answer
        outbox.mark_blob_uploaded(self.conn, digest, self.clock())
        self.on_event("sync.blob_uploaded", size=len(data))
        return None

    def _refused(self, events: list[outbox.OutboxEvent], failure: SyncFailure) -> StepResult:
        if failure.status not in (400, 413, 422):
            return StepResult(failure=failure)
        if len(events) > 1:
            self.limit = max(1, len(events) // 2)
            self._suspect_until = max(self._suspect_until, events[-1].rowid)
            return StepResult(failure=failure)
        with transaction(self.conn) as conn:
            self._dead(conn, events[0].id, events[0].stream, server_code(failure) or failure.code,
                       f"the platform refused the event on its own ({failure.detail})")
        self.cursor = events[0].rowid
        self.limit, self._suspect_until = self.max_events, 0  # found it: full batches again
        return StepResult(dead=1)

    def _apply(self, events: list[outbox.OutboxEvent], results: dict[str, Any]) -> StepResult:
        now = self.clock()
        acked, dead, unresolved = [], 0, False
        with transaction(self.conn) as conn:
            for event in events:
                result = results.get(event.id)
                if result is None or result.status == "retry":
                    unresolved = True
                    if result is not None and result.code == "blob.missing":
                        for digest in event.blobs.values():
                            conn.execute("UPDATE outbox_blobs SET uploaded_at = NULL WHERE sha256 = ?", (digest,))
                elif result.status == "rejected":
                    self._dead(conn, event.id, event.stream, result.code or "event.rejected", result.reason)
                    dead += 1
                else:
                    acked.append(event.id)
            outbox.acknowledge(conn, acked, now)
            put_settings(conn, {"sync.last_success_at": iso(now)})
        if not unresolved:
            self.cursor = events[-1].rowid
            if self.cursor >= self._suspect_until:
                self.limit = min(self.max_events, self.limit * 2)
        self.on_event("sync.batch_sent", events=len(events), acknowledged=len(acked), dead=dead)
        failure = SyncFailure("sync.server_error", "the platform asked to send some events again") \
            if unresolved else None
        return StepResult(sent=len(events), acknowledged=len(acked), dead=dead, failure=failure)

    def _dead(self, conn: sqlite3.Connection, event_id: str, stream: str, code: str, reason: str) -> None:
        outbox.dead_letter(conn, event_id, code, reason, self.clock())
        self.on_event("sync.dead_lettered", event_id=event_id, stream=stream, reason_code=code)


def event_stream(events: list[outbox.OutboxEvent], event_id: str) -> str:
    return next(e.stream for e in events if e.id == event_id)
