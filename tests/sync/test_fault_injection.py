"""10,000 events through a proxy that drops connections, answers 500 and 429, is slow, loses answers after
the platform committed, and answers garbage: every event arrives once, in order, none is dead-lettered."""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from kiosk.store import Store
from sync import outbox
from sync.agent import AgentSettings, SyncAgent
from sync.central import CentralServer
from tests.sync.conftest import Recorder, central_event_ids, make_client, wait_until
from tests.sync.faulty_proxy import FaultyProxy

EVENTS, CHUNK = 10_000, 500


class RecordingWait:
    """The agent's pauses: asked-for seconds are recorded, and waited only briefly (fast, still real)."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    def __call__(self, event: threading.Event, seconds: float) -> None:
        self.asked.append(seconds)
        event.wait(min(seconds, 0.002))


def test_ten_thousand_events_through_faults_arrive_exactly_once(
        store: Store, central: CentralServer, recorder: Recorder, start_agent: Callable[..., SyncAgent]) -> None:
    parts = urlsplit(central.url)
    proxy = FaultyProxy((parts.hostname, parts.port), seed=20261123, slow_s=0.3).start()
    waits = RecordingWait()
    try:
        start_agent(make_client(proxy.url, timeout_s=0.2), wait=waits,
                    settings=AgentSettings(max_events=100, backoff_base_s=0.05, backoff_cap_s=2.0, poll_s=0.01,
                                           heartbeat_s=3600, pull_s=3600))
        ids: list[str] = []
        for start in range(0, EVENTS, CHUNK):  # written while the agent sends, as a busy kiosk would
            with store.db.atomic():
                ids += [outbox.enqueue(store.db, stream=f"s{n % 4}", payload={"n": n, "pad": "x" * 200})
                        for n in range(start, start + CHUNK)]
        wait_until(lambda: store.outbox_waiting() == 0, timeout_s=120, what="10,000 events to be acknowledged")
    finally:
        proxy.stop()
    received = central_event_ids(central)
    assert len(received) == len(set(received)) == EVENTS
    assert set(received) == set(ids)
    for stream in range(4):  # each stream in the order it was written
        written = ids[stream::4]
        members = set(written)
        assert [i for i in received if i in members] == written
    assert store.db.execute("SELECT count(*) FROM outbox_dead").fetchone()[0] == 0
    assert all(proxy.counts[f] > 0 for f in ("drop", "error500", "throttle", "slow", "lost", "garbage"))
    assert max(waits.asked) >= 1.0  # Retry-After: 1 was honoured
    assert recorder.named("sync.upload_failed") and recorder.named("sync.recovered")
