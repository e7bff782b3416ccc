"""The process the kill -9 test kills: it writes events (some personal, with a photo) while its agent
uploads them, and reports each event id on a pipe only after the transaction holding it committed.

Imported by the forkserver ahead of time (sync only, no Qt), so each child starts in milliseconds.
"""

from __future__ import annotations

import random
from multiprocessing.connection import Connection
from pathlib import Path

from sync import outbox
from sync.agent import AgentSettings, SyncAgent
from sync.client import CentralClient
from sync.db import connect
from sync.sealing import Sealer
from sync.transport import RequestsTransport

SETTINGS = AgentSettings(max_events=7, backoff_base_s=0.001, backoff_cap_s=0.005, poll_s=0.002,
                         heartbeat_s=3600, pull_s=3600)


def run(store_path: str, key_path: str, url: str, seed: int, report: Connection) -> None:
    rng = random.Random(seed)
    sealer = Sealer.from_key_file(Path(key_path))
    client = CentralClient(RequestsTransport(url), terminal_id="t-kill", timeout_s=2.0)
    SyncAgent(Path(store_path), client, sealer=sealer, settings=SETTINGS, rng=rng).start()
    conn = connect(Path(store_path))
    report.send_bytes(b"ready")
    n = 0
    while True:
        n += 1
        if rng.random() < 0.2:
            photo = rng.randbytes(rng.randrange(1000, 400_000))  # several upload chunks, sometimes
            event_id = outbox.enqueue(conn, stream="application", personal=True, sealer=sealer,
                                      payload={"seed": seed, "n": n, "name": "赵六"}, blobs={"photo": photo})
            report.send_bytes(event_id.encode())
        else:
            with conn:  # a business record's transaction with several events in it
                conn.execute("BEGIN IMMEDIATE")
                ids = [outbox.enqueue(conn, stream=f"s{k}", payload={"seed": seed, "n": n, "k": k})
                       for k in range(rng.randrange(1, 4))]
            report.send_bytes("\n".join(ids).encode())
