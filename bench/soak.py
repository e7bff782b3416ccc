"""Soak: N citizen sessions through the real application, then: did it leak, did it crash, did it lose or
duplicate a record?

    python -m bench.soak --sessions 2000 --seed 1 --json [--out DIR]

One simulated terminal in this process (kiosk/demo/terminal.py: the real screens offscreen, the real drivers
on the device simulators, the real store and flow engine), a sync agent forwarding its outbox over HTTP to the
reference central server running in a child process. Each session is a demo script of a service: every script
once first (within the warm-up), then drawn at random (seeded: the same seed plays the same soak): every
service, happy paths and failures, cancels and timeouts; on top of the scripts, at random, the citizen walks
away mid-session (the idle countdown ends it), a device misbehaves (a corrupted reply, garbage on the line, a
cable pulled and put back), and the network goes down for a few sessions (the central server is stopped, then
started again).

Sampled every --sample-every sessions, between sessions (after the kiosk has given the heap's free pages back,
as it does after every session): resident memory, open file descriptors, threads, Qt objects, Python
objects, database and WAL size. At the end the central server is brought up, the outbox drained, and the
records the terminal wrote compared with what the central server holds. JSON fields:
  rss_growth_mb_after_warmup   resident memory over the last 100 sessions minus over the 100 after the warm-up,
                               each the median of its samples (target <= 10): a single sample varies by about
                               +-8 MB with the script that ran last, a median of ten does not
  rss_end_minus_warmup_mb      the same from single samples: the last one minus the first after the warm-up
  memory_growth_mb_after_warmup   the same medians for the parts of memory: anonymous and file-backed resident
                               pages, malloc's heap in use, kept free, and mapped apart (kiosk.memory)
  fd_growth_after_warmup, thread_growth_after_warmup, qt_object_growth_after_warmup   (target 0)
  records_written, records_at_central, records_lost (written, not at the central server, not dead-lettered),
  records_duplicated (one record of one session step at the central server more than once), dead_letters
  unhandled_exceptions         exceptions that reached sys/threading excepthooks, or the runner
  sessions, outcomes, diverged (sessions whose fault made them leave their script: ended by walking away),
  faults (how many of each were injected), seconds, start/end figures of each curve, plot (PNG path)
  pii_hits                     the test citizen's name, ID number, phone found in plain text in any file the
                               terminal wrote (database, WAL, logs): each hit with file and offset
  stopped_early                SIGTERM or SIGINT (Ctrl+C) came: the run finished the session under way, then
                               drained, compared and reported as usual on the sessions played (`sessions`), and
                               stopped the central server and the simulators' pcscd (a killed run leaves them)
"""

from __future__ import annotations

import argparse
import faulthandler
import gc
import json
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

WARMUP = 100
#: sessions each end of the resident memory curve is summed up over (its median)
WINDOW = 100
#: scripts left out: they wait for a real-time limit (a door left open is reported after 120 s)
SLOW_SCRIPTS = {("id_card_pickup", "door_left_open")}
DEMO_PHONE, DEMO_ADDRESS = "13800138000", "北京市东城区示例路1号"  # what the demo scripts type in
SERIAL_KINDS = ("id_reader", "fingerprint", "locker", "qr_scanner", "printer")


class Central:
    """The reference central server in a child process; stop() and start() again are a network outage."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder, self.port = folder, port
        self.url = f"http://127.0.0.1:{port}"
        self.db = folder / "central.db"
        self.proc: subprocess.Popen | None = None
        folder.mkdir(parents=True, exist_ok=True)

    def start(self) -> None:
        import requests

        log = open(self.folder / "central.log", "ab")  # noqa: SIM115 - the child keeps it
        self.proc = subprocess.Popen([sys.executable, "-m", "kiosk", "central", "--port", str(self.port),
                                      "--db", str(self.db)], stdout=log, stderr=log, cwd=Path(__file__).parents[1])
        log.close()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/health", timeout=1).ok:
                    return
            except requests.RequestException:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError(f"the central server exited with {self.proc.returncode}; see "
                                   f"{self.folder / 'central.log'}")
            time.sleep(0.1)
        raise RuntimeError(f"the central server did not answer on {self.url} within 60 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(30)
            self.proc = None

    @property
    def up(self) -> bool:
        return self.proc is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def qt_object_count(root) -> int:
    """root and every QObject below it. Walked with children(), not findChildren(): PySide makes each object
    findChildren() returns a Python child of root's wrapper, and when QML later deletes the object the dead
    wrapper stays held there, so counting with findChildren() would itself grow the Python heap."""
    count, stack = 0, [root]
    while stack:
        obj = stack.pop()
        count += 1
        stack.extend(obj.children())
    return count


def qt_objects(t) -> int:
    """Every QObject of the application, the QML engine and the windows."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    return (qt_object_count(app) + qt_object_count(t.kapp.engine)
            + sum(qt_object_count(w) for w in app.allWindows()))


def between_sessions(t, released: int, timeout_s: float = 10.0) -> str:
    """Bring the terminal to one settled state before a sample, so samples compare like with like: the
    attract screen shown, the kiosk's memory release done (0.5 s after every session, kiosk/memory.py), the
    face guide and camera stopped (they stop when the session ends; caught still running, a sample held
    their threads and frames, 15-30 MB more), the QML heap collected and every deleteLater() carried out,
    until the Qt object count stops changing. Without this, pages of the last session still waiting for deletion made samples differ by about 110 Qt objects
    and 16-20 MB. Returns the screen shown."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop

    shell = t.kapp.shell
    deadline = time.monotonic() + timeout_s

    def pump() -> None:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    face = t.world.face  # the face port rests when a session ends: the camera and the guide stop
    while ((shell.memory_releases <= released or shell.screen != "attract" or not getattr(face, "parked", True))
           and time.monotonic() < deadline):
        pump()
    before = -1
    while time.monotonic() < deadline:
        t.kapp.engine.collectGarbage()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        pump()
        now = qt_objects(t)
        if now == before:
            break
        before = now
    return shell.screen


def sample(t, sessions: int, store_path: Path, started: float) -> dict:
    from kiosk.memory import memory_breakdown, resident_mb

    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    qt = qt_objects(t)
    wal = store_path.with_name(store_path.name + "-wal")
    return {"sessions": sessions, "t_s": round(time.monotonic() - started, 2),
            "rss_mb": round(resident_mb(), 2),
            "fds": len(os.listdir("/proc/self/fd")), "threads": int(status["Threads"]),
            "qt_objects": qt, "py_objects": len(gc.get_objects()),
            "db_mb": round(store_path.stat().st_size / 2**20, 3),
            "wal_mb": round(wal.stat().st_size / 2**20, 3) if wal.exists() else 0.0} | memory_breakdown()


#: the parts of memory each sample breaks resident memory into (kiosk.memory.memory_breakdown)
BREAKDOWN = ("rss_anon_mb", "rss_file_mb", "heap_in_use_mb", "heap_free_mb", "heap_mapped_mb")


def rss_growth(samples: list[dict], warmup: int = WARMUP, window: int = WINDOW, key: str = "rss_mb") -> float:
    """Median resident memory (or another `key`) of the samples in the last `window` sessions minus that of the
    samples in the `window` sessions after the warm-up (0 when the run is not longer than the warm-up)."""
    after = [s for s in samples if s["sessions"] > warmup and key in s]
    if not after:
        return 0.0
    first = [s[key] for s in after if s["sessions"] <= after[0]["sessions"] + window - 1]
    last = [s[key] for s in after if s["sessions"] > after[-1]["sessions"] - window]
    return round(statistics.median(last) - statistics.median(first), 2)


def written_ids(store_path: Path) -> tuple[set[str], set[str]]:
    """(every record id in the terminal's outbox, acknowledged or not; the dead-lettered ones)."""
    conn = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        ids = {r[0] for r in conn.execute("SELECT id FROM outbox")}
        dead = {r[0] for r in conn.execute("SELECT id FROM outbox_dead")}
    finally:
        conn.close()
    return ids | dead, dead


def central_ids(db: Path, terminal: str) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT id FROM events WHERE terminal = ?", (terminal,))]
    finally:
        conn.close()


def business_key(record_id: str) -> str:
    """A record is one session step's: <session>.<step>.<n> -> <session>.<step> (n counts visits)."""
    parts = record_id.split(".")
    return ".".join(parts[:2]) if len(parts) >= 3 and parts[-1].isdigit() else record_id


class Faults:
    """Device and network faults at random, seeded; counts what it injected."""

    def __init__(self, rng: random.Random, t, central: Central, *, device_rate: float, network_rate: float) -> None:
        self.rng, self.t, self.central = rng, t, central
        self.device_rate, self.network_rate = device_rate, network_rate
        self.counts: dict[str, int] = {}
        self.down_for = 0

    def _count(self, name: str) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1

    def before_session(self) -> None:
        from PySide6.QtCore import QTimer

        if self.down_for > 0:
            self.down_for -= 1
            if self.down_for == 0:
                self.central.start()
        elif self.rng.random() < self.network_rate:
            self.central.stop()
            self.down_for = self.rng.randint(1, 5)
            self._count("network_down")
        if self.rng.random() >= self.device_rate:
            return
        kind = self.rng.choice(SERIAL_KINDS)
        fault = self.rng.choice(("corrupt_reply", "garbage", "unplug"))
        if fault == "corrupt_reply" and kind == "locker":
            self.t.act("locker", "corrupt_next_reply", {"count": 1})
        elif fault in ("garbage", "corrupt_reply"):
            fault = "garbage"
            self.t.act(kind, "inject", {"hex": bytes(self.rng.randrange(256) for _ in range(12)).hex()})
        else:  # the cable pulled out and pushed back in a moment later, mid-session
            self.t.act(kind, "unplug", {})
            QTimer.singleShot(self.rng.randint(200, 1500), lambda k=kind: self.t.act(k, "replug", {}))
        self._count(f"{kind}.{fault}")

    def end(self) -> None:
        for kind in SERIAL_KINDS:
            self.t.act(kind, "replug", {})
        if not self.central.up:
            self.central.start()
        self.down_for = 0


def soak(sessions: int, seed: int, out: Path, *, sample_every: int, hands_ms: int, walk_rate: float,
         device_rate: float, network_rate: float, progress=None) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from kiosk.memory import tune_malloc

    tune_malloc()  # as `kiosk run` does, before any thread starts
    from bench.soak_plot import plot
    from flows.loader import load_definitions
    from kiosk.demo.run import WALKED_AWAY, DemoFailed, DemoRunner
    from kiosk.demo.terminal import simulated_terminal
    from kiosk.log import configure_logging, log_event
    from kiosk.sync_setup import store_sealer
    from sync.agent import AgentSettings, SyncAgent
    from sync.client import CentralClient
    from sync.transport import RequestsTransport

    out.mkdir(parents=True, exist_ok=True)
    log_path = out / "kiosk" / "kiosk.log"
    quiet = open(os.devnull, "w")  # noqa: SIM115 - the log's console stream, for the whole run
    configure_logging("info", file=log_path, stream=quiet)
    unhandled: list[str] = []
    old_hook, old_thread_hook = sys.excepthook, threading.excepthook
    sys.excepthook = lambda kind, value, tb: unhandled.append(f"{kind.__name__}: {value}")
    threading.excepthook = lambda a: unhandled.append(f"{a.exc_type.__name__} in {a.thread.name}: {a.exc_value}")
    # A session that has not ended in 5 minutes is a hang: every thread's stack goes to hangs.txt (repeated while
    # it lasts), so a stuck run says where it is stuck.
    hangs = open(out / "hangs.txt", "w")  # noqa: SIM115 - written by faulthandler until the end
    rng = random.Random(seed)
    central = Central(out / "central", free_port())
    central.start()
    pairs = [(d, s) for d in load_definitions() for s in d.demos if (d.id, s.name) not in SLOW_SCRIPTS]
    samples: list[dict] = []
    outcomes: dict[str, int] = {}
    diverged: list[str] = []
    terminal_id = "soak-0001"
    started = time.monotonic()
    stop = threading.Event()

    def on_stop(_signum, _frame):
        if stop.is_set():  # asked twice: stop now (the cleanup below still runs)
            raise KeyboardInterrupt
        stop.set()

    handlers = {sig: signal.signal(sig, on_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    played = 0
    try:
        with simulated_terminal(out / "kiosk") as t:
            store_path = t.store.path
            client = CentralClient(RequestsTransport(central.url), terminal_id=terminal_id, timeout_s=2.0)
            agent = SyncAgent(store_path, client, sealer=store_sealer(t.store), on_event=log_event,
                              settings=AgentSettings(poll_s=0.5, backoff_cap_s=4.0, heartbeat_s=15.0)).start()
            faults = Faults(rng, t, central, device_rate=device_rate, network_rate=network_rate)
            runner = DemoRunner(t.kapp, t.runtime, t.world, hands_delay_ms=hands_ms)
            # The warm-up plays every script once (in a seeded order) before the random mix: a script first
            # played after session 100 would count its first-use allocations (QML components compiled, code
            # paths warmed) as growth after the warm-up. Drawn at random, 37 scripts take about 155 sessions
            # on average to have all run (seed 1: the last first came at session 148; 20 MB more by then).
            first_round = rng.sample(pairs, len(pairs))
            try:
                for n in range(sessions):
                    if stop.is_set():
                        break
                    definition, script = first_round[n] if n < len(first_round) else rng.choice(pairs)
                    t.world.fakes.ready_application = f"S{seed % 1000:03d}{n:06d}"
                    walk = rng.randint(1, 4) if rng.random() < walk_rate else None
                    faults.before_session()
                    released = t.kapp.shell.memory_releases
                    faulthandler.dump_traceback_later(300, repeat=True, file=hangs)
                    try:
                        summary = runner.run(definition, script, walk_away_at=walk)
                        outcome = summary.outcome or "none"
                    except DemoFailed as e:  # an injected fault took it off its script: the citizen leaves
                        diverged.append(f"{definition.id}/{script.name}: {e}"[:300])
                        t.kapp.shell.endSession("timeout")
                        t.kapp.flow.wait_idle(30)
                        outcome = WALKED_AWAY
                    faulthandler.cancel_dump_traceback_later()
                    outcomes[outcome] = outcomes.get(outcome, 0) + 1
                    if t.kapp.shell.screen != "attract":  # done, back at the catalogue: the citizen leaves and
                        t.kapp.shell.endSession("timeout")  # the idle countdown ends the session, sooner
                    # The simulated platform and queue live in this process; their ledger of every payment and
                    # ticket is the far side's memory, not the terminal's, so it is not left to grow here.
                    t.kapp.flow.wait_idle(30)
                    t.world.fakes.forget_history()
                    agent.wake()
                    played = n + 1
                    if n % sample_every == 0 or n == sessions - 1 or stop.is_set():
                        screen = between_sessions(t, released)
                        gc.collect()
                        samples.append(sample(t, n + 1, store_path, started) | {"screen": screen})
                        with open(out / "samples.jsonl", "a") as f:  # a run stopped early keeps its curve
                            f.write(json.dumps(samples[-1] | {"outcomes": outcomes, "faults": faults.counts,
                                                              "unhandled": len(unhandled)}) + "\n")
                        if progress:
                            progress(samples[-1])
                faults.end()
                agent.wake()
                deadline = time.monotonic() + 300
                while t.store.outbox_waiting() and time.monotonic() < deadline:
                    agent.wake()
                    time.sleep(0.2)
            finally:
                agent.stop()
            written, dead = written_ids(store_path)
            left = t.store.outbox_waiting()
    finally:
        central.stop()
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        sys.excepthook, threading.excepthook = old_hook, old_thread_hook
        faulthandler.cancel_dump_traceback_later()
        hangs.close()
    at_central = central_ids(central.db, terminal_id)
    keys: dict[str, int] = {}
    for record_id in at_central:
        keys[business_key(record_id)] = keys.get(business_key(record_id), 0) + 1
    lost = written - dead - set(at_central)
    warm = next((s for s in samples if s["sessions"] >= min(WARMUP, sessions)), samples[0])
    last = samples[-1]
    png = plot(samples, out / "soak.png", warmup=WARMUP)
    (out / "samples.json").write_text(json.dumps(samples, indent=1))
    return {
        "sessions": played, "stopped_early": played < sessions, "seed": seed,
        "seconds": round(time.monotonic() - started, 1),
        "rss_growth_mb_after_warmup": rss_growth(samples),
        "rss_end_minus_warmup_mb": round(last["rss_mb"] - warm["rss_mb"], 2),
        "memory_growth_mb_after_warmup": {k: rss_growth(samples, key=k) for k in BREAKDOWN if k in last},
        "fd_growth_after_warmup": last["fds"] - warm["fds"],
        "thread_growth_after_warmup": last["threads"] - warm["threads"],
        "qt_object_growth_after_warmup": last["qt_objects"] - warm["qt_objects"],
        "py_object_growth_after_warmup": last["py_objects"] - warm["py_objects"],
        "records_written": len(written), "records_at_central": len(at_central), "records_lost": len(lost),
        "records_duplicated": sum(c - 1 for c in keys.values() if c > 1), "records_pending": left,
        "dead_letters": len(dead), "unhandled_exceptions": len(unhandled), "exceptions": unhandled[:20],
        "outcomes": outcomes, "diverged": len(diverged), "diverged_examples": diverged[:10],
        "faults": faults.counts,
        "curves": {k: {"start": samples[0][k], "after_warmup": warm[k], "end": last[k]}
                   for k in ("rss_mb", "fds", "threads", "qt_objects", "py_objects", "db_mb", "wal_mb",
                             *BREAKDOWN) if k in last},
        "samples": len(samples), "out": str(out), "plot": str(png),
        "hang_dumps": (out / "hangs.txt").read_text().count("Thread 0x") > 0,
        "pii_hits": pii_hits(out / "kiosk"),
    }


def pii_hits(folder: Path) -> list[dict]:
    """The demo citizen's name, ID number, phone and address in plain text in any file under the terminal's
    folder (database, WAL, logs, the simulators' files), in UTF-8, UTF-16, GB18030 or JSON-escaped."""
    from flows.fakes import SAMPLE_ID_NUMBER, SAMPLE_NAME
    from kiosk.security.pii_scan import Needle, citizen_needles, files_under, scan_files

    needles = (*citizen_needles(name=SAMPLE_NAME, id_number=SAMPLE_ID_NUMBER, phone=DEMO_PHONE),
               Needle("address", DEMO_ADDRESS))
    return [{"file": str(h.path), "offset": h.offset, "kind": h.kind, "encoding": h.encoding}
            for h in scan_files(files_under(folder), needles)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--out", type=Path, help="folder for the run (default: a new temporary folder)")
    parser.add_argument("--sample-every", type=int, default=10)
    parser.add_argument("--hands-ms", type=int, default=60, help="the citizen's reaction time (ms)")
    parser.add_argument("--walk-away-rate", type=float, default=0.05)
    parser.add_argument("--device-fault-rate", type=float, default=0.05)
    parser.add_argument("--network-fault-rate", type=float, default=0.03)
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    report = soak(args.sessions, args.seed, out, sample_every=args.sample_every, hands_ms=args.hands_ms,
                  walk_rate=args.walk_away_rate, device_rate=args.device_fault_rate,
                  network_rate=args.network_fault_rate,
                  progress=None if args.json else lambda s: print(json.dumps(s), file=sys.stderr))
    print(json.dumps(report, ensure_ascii=False, indent=2 if not args.json else None))
    ok = (report["records_lost"] == 0 and report["records_duplicated"] == 0 and report["unhandled_exceptions"] == 0
          and report["records_pending"] == 0 and not report["pii_hits"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
