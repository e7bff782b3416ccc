"""The agent's patience: capped exponential backoff with full jitter, Retry-After honoured, a batch refused
as a whole halved until the bad event stands alone, records past the retention limit alerted and kept."""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Callable
from datetime import timedelta

from kiosk.store import Store
from sync import outbox
from sync.agent import AgentSettings, SyncAgent, full_jitter_s
from sync.central import CentralServer
from sync.client import CentralClient
from sync.db import utc_now
from sync.status import sync_status
from sync.transport import HttpRequest, HttpResponse
from tests.sync.conftest import FAST, Recorder, central_event_ids, make_client, wait_until


def test_full_jitter_grows_then_stays_under_the_cap() -> None:
    rng = random.Random(1)
    for failures, ceiling in ((1, 1.0), (2, 2.0), (5, 16.0), (12, 300.0), (40, 300.0)):
        delays = [full_jitter_s(failures, 1.0, 300.0, rng) for _ in range(300)]
        assert all(0 <= d <= ceiling for d in delays) and max(delays) > ceiling * 0.8


class Poisoned:
    """A platform front that refuses, as a whole, every batch holding one particular event (HTTP 400)."""

    def __init__(self, inner, poison: str) -> None:
        self.inner, self.poison = inner, poison
        self.batch_sizes: list[int] = []

    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse:
        if request.path == "/v1/batches":
            import gzip

            ids = [e["id"] for e in json.loads(gzip.decompress(request.body))["events"]]
            self.batch_sizes.append(len(ids))
            if self.poison in ids:
                return HttpResponse(400, {}, b'{"code": "batch.schema", "message": "no"}')
        return self.inner.send(request, timeout_s)


def test_batch_refused_as_a_whole_is_halved_to_the_bad_event(
        store: Store, central: CentralServer, start_agent: Callable[..., SyncAgent], recorder: Recorder) -> None:
    ids = [outbox.enqueue(store.db, stream="rating", payload={"n": n}) for n in range(40)]
    front = Poisoned(make_client(central.url).transport, ids[13])
    start_agent(CentralClient(front, terminal_id="t-0001"), settings=AgentSettings(
        max_events=32, backoff_base_s=0.001, backoff_cap_s=0.01, poll_s=0.01, heartbeat_s=3600, pull_s=3600))
    wait_until(lambda: store.outbox_waiting() == 0, what="the outbox to drain around the bad event")
    assert central_event_ids(central) == ids[:13] + ids[14:]
    assert store.db.execute("SELECT id, code FROM outbox_dead").fetchall() == [(ids[13], "batch.schema")]
    assert front.batch_sizes == [32, 16, 8, 8, 4, 4, 2, 1, 1, 26]  # then full batches again


class Throttling:
    def __init__(self, inner, times: int) -> None:
        self.inner, self.left = inner, times

    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse:
        if request.path == "/v1/batches" and self.left:
            self.left -= 1
            return HttpResponse(429, {"retry-after": "30"}, b"{}")
        return self.inner.send(request, timeout_s)


def test_retry_after_is_honoured_and_the_error_is_shown(
        store: Store, central: CentralServer, start_agent: Callable[..., SyncAgent], recorder: Recorder) -> None:
    outbox.enqueue(store.db, stream="rating", payload={"n": 1})
    asked: list[float] = []

    def wait(event: threading.Event, seconds: float) -> None:
        asked.append(seconds)
        event.wait(0.001)

    start_agent(CentralClient(Throttling(make_client(central.url).transport, 2), terminal_id="t-0001"), wait=wait)
    wait_until(lambda: store.outbox_waiting() == 0, what="the event after two 429s")
    assert asked[:2] == [30.0, 30.0]
    failed = recorder.named("sync.upload_failed")
    assert [f["reason_code"] for f in failed] == ["sync.throttled"] * 2 and failed[0]["retry_in_ms"] == 30000
    assert recorder.named("sync.recovered") == [{"failed_attempts": 2}]
    status = sync_status(store.db, utc_now())
    assert status.last_error_code == "sync.throttled" and status.last_success_at is not None


def test_platform_away_for_a_long_time_never_loses_a_record(
        store: Store, tmp_path, start_agent: Callable[..., SyncAgent], recorder: Recorder) -> None:
    ids = [outbox.enqueue(store.db, stream="rating", payload={"n": n}) for n in range(3)]
    server = CentralServer(tmp_path / "late" / "central.db", port=0)  # bound, not yet serving: connections hang
    server._server.server_close()  # nobody listens: connection refused, again and again
    port = int(server.url.rsplit(":", 1)[1])
    start_agent(make_client(server.url, timeout_s=0.2))
    wait_until(lambda: len(recorder.named("sync.upload_failed")) >= 25, what="many failed attempts")
    assert store.outbox_waiting() == 3  # nothing given up, nothing dead-lettered
    with CentralServer(tmp_path / "late" / "central2.db", port=port) as late:
        wait_until(lambda: store.outbox_waiting() == 0, what="the records once the platform is back")
        assert central_event_ids(late) == ids
    server.ctx.db.close()


def test_records_past_retention_raise_an_alert_and_stay(
        store: Store, central: CentralServer, client: CentralClient, start_agent: Callable[..., SyncAgent],
        recorder: Recorder) -> None:
    old = utc_now() - timedelta(days=9)
    outbox.enqueue(store.db, stream="application", payload={"n": 1}, now=old)
    outbox.enqueue(store.db, stream="application", payload={"n": 2})
    status = sync_status(store.db, utc_now(), retention_days=7)
    assert status.past_retention == 1 and status.streams["application"].waiting == 2
    assert status.oldest_age_s is not None and status.oldest_age_s > 8 * 86400
    never = CentralClient(Throttling(client.transport, 10**9), terminal_id="t-0001")
    start_agent(never, settings=FAST)
    wait_until(lambda: recorder.named("sync.retention_exceeded"), what="the retention alert")
    assert recorder.named("sync.retention_exceeded")[0]["waiting"] == 1
    assert store.outbox_waiting() == 2
