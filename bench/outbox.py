"""Durable enqueue and drain of the outbox, beside two SQLite queues and the disk's own fsync rate.

    python -m bench.outbox --json [--seconds 2] [--backlog 100000] [--dir DIR]

Enqueue: 1 KB records, synchronous=FULL in WAL mode for everyone: ours one per transaction and 100 per
transaction, persist-queue's SQLiteAckQueue and litequeue one per put (their pragmas raised to FULL), and the
raw rate of append-1KB-then-fsync on the same disk, which is the limit for one durable commit at a time.
Drain: a backlog of records sent by the real agent to the reference server (a separate process) over
loopback, with the agent process's RSS at the start and the end (flat memory: it reads in batches).
Install the peers with `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

RECORD = {"form": "x" * 1000}  # about 1 KB of JSON
BLOB = json.dumps(RECORD)


def rate(seconds: float, one: Callable[[], int]) -> float:
    """Calls `one` (which returns how many records it wrote) for about `seconds`; records per second."""
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        done += one()
    return round(done / elapsed, 1)


def raw_fsync(folder: Path, seconds: float) -> float:
    fd = os.open(folder / "fsync.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    data = BLOB.encode()

    def one() -> int:
        os.write(fd, data)
        os.fsync(fd)
        return 1

    try:
        return rate(seconds, one)
    finally:
        os.close(fd)


def ours(folder: Path, seconds: float, per_transaction: int) -> float:
    from kiosk.store import Store
    from sync.outbox import enqueue

    with Store.open(folder) as store:
        def one() -> int:
            with store.db.atomic():
                for _ in range(per_transaction):
                    enqueue(store.db, stream="bench", payload=RECORD)
            return per_transaction

        return rate(seconds, one)


def persist_queue(folder: Path, seconds: float) -> float:
    from persistqueue import SQLiteAckQueue

    queue = SQLiteAckQueue(str(folder), auto_commit=True)
    for conn in {id(queue._putter): queue._putter, id(queue._getter): queue._getter}.values():
        conn.execute("PRAGMA synchronous=FULL")

    def one() -> int:
        queue.put(RECORD)
        return 1

    return rate(seconds, one)


def lite_queue(folder: Path, seconds: float) -> float:
    from litequeue import LiteQueue

    queue = LiteQueue(str(folder / "litequeue.db"))
    queue.conn.execute("PRAGMA journal_mode=WAL")
    queue.conn.execute("PRAGMA synchronous=FULL")

    def one() -> int:
        queue.put(BLOB)
        return 1

    return rate(seconds, one)


def rss_mb() -> float:
    from kiosk.memory import resident_mb

    return round(resident_mb(), 1)


def drain(folder: Path, backlog: int) -> dict[str, float]:
    from kiosk.store import Store
    from sync.agent import AgentSettings, SyncAgent
    from sync.client import CentralClient
    from sync.outbox import enqueue
    from sync.transport import RequestsTransport

    server = subprocess.Popen([sys.executable, "-m", "kiosk", "central", "--port", "0", "--db",
                               str(folder / "central" / "central.db")], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        url = server.stdout.readline().split()[3]
        with Store.open(folder / "drain") as store:
            for start in range(0, backlog, 1000):
                with store.db.atomic():
                    for _ in range(min(1000, backlog - start)):
                        enqueue(store.db, stream="bench", payload=RECORD)
            client = CentralClient(RequestsTransport(url), terminal_id="bench", timeout_s=30)
            peak, done = [rss_mb()], threading.Event()
            acknowledged = [0]

            def on_event(name: str, **fields: object) -> None:  # counts, so nothing scans the table meanwhile
                if name == "sync.batch_sent":
                    acknowledged[0] += int(fields["acknowledged"])  # type: ignore[call-overload]
                    if acknowledged[0] >= backlog:
                        done.set()

            start_rss = rss_mb()
            began = time.perf_counter()
            agent = SyncAgent(store.path, client, settings=AgentSettings(poll_s=0.05, heartbeat_s=3600),
                              on_event=on_event).start()
            while not done.wait(0.1):
                peak.append(rss_mb())
            elapsed = time.perf_counter() - began
            agent.stop()
            assert store.outbox_waiting() == 0
            return {"drain_per_s": round(backlog / elapsed, 1), "drain_rss_mb_start": start_rss,
                    "drain_rss_mb_end": rss_mb(), "drain_rss_mb_peak": max(peak)}
    finally:
        server.terminate()
        server.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object (the only output form)")
    parser.add_argument("--seconds", type=float, default=2.0, help="seconds per enqueue measurement")
    parser.add_argument("--backlog", type=int, default=100_000, help="records to drain")
    parser.add_argument("--dir", type=Path, help="where to write (default: a temporary folder on /var/tmp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-", dir=args.dir or "/var/tmp") as tmp:
        folder = Path(tmp)
        for name in ("fsync", "single", "batched", "pq", "lq"):
            (folder / name).mkdir()
        result = {
            "raw_fsync_per_s": raw_fsync(folder / "fsync", args.seconds),
            "ours_single_per_s": ours(folder / "single", args.seconds, 1),
            "ours_batched_per_s": ours(folder / "batched", args.seconds, 100),
            "persist_queue_single_per_s": persist_queue(folder / "pq", args.seconds),
            "litequeue_single_per_s": lite_queue(folder / "lq", args.seconds),
        }
        result.update(drain(folder, args.backlog))
        result["backlog"] = args.backlog
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
