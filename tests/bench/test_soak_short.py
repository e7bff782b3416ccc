"""The short soak CI runs (issue 10): 50 sessions of every service through the real application, with walk-aways
and injected device and network faults, then every record at the central server exactly once, nothing crashed,
and no test citizen's personal data in plain text in anything the terminal wrote. (The leak targets need the
long run: `python -m bench.soak --sessions 2000`; its figures are in the closing note.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_fifty_sessions_lose_nothing_duplicate_nothing_and_crash_nowhere(tmp_path):
    run = subprocess.run([sys.executable, "-m", "bench.soak", "--sessions", "50", "--seed", "7", "--json",
                          "--sample-every", "5", "--device-fault-rate", "0.15", "--network-fault-rate", "0.1",
                          "--walk-away-rate", "0.1", "--out", str(tmp_path / "soak")],
                         check=False, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.stdout, run.stderr[-3000:]
    report = json.loads(run.stdout)
    assert report["sessions"] == 50
    assert report["records_written"] > 0
    assert report["records_at_central"] >= report["records_written"] - report["dead_letters"]
    assert report["records_lost"] == 0, report
    assert report["records_duplicated"] == 0, report
    assert report["records_pending"] == 0, report
    assert report["unhandled_exceptions"] == 0, report["exceptions"]
    assert report["pii_hits"] == [], report["pii_hits"]
    assert sum(report["faults"].values()) > 0, "the seed injected no fault: the soak proved less than it says"
    assert sum(report["outcomes"].values()) == 50
    for field in ("rss_growth_mb_after_warmup", "fd_growth_after_warmup", "thread_growth_after_warmup",
                  "qt_object_growth_after_warmup"):
        assert isinstance(report[field], (int, float))
    assert Path(report["plot"]).stat().st_size > 10_000  # the curves, as a PNG in the run's folder
    assert run.returncode == 0, report


def test_a_soak_stopped_with_sigterm_reports_what_it_played_and_leaves_nothing_running(tmp_path):
    import os
    import signal

    out = tmp_path / "soak"
    proc = subprocess.Popen([sys.executable, "-m", "bench.soak", "--sessions", "500", "--seed", "3",
                             "--sample-every", "1", "--out", str(out)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:  # a sample per session, as it goes: the first means a session was played
            if line.startswith('{"sessions"'):
                break
        proc.send_signal(signal.SIGTERM)
        stdout, stderr = proc.communicate(timeout=600)
    finally:
        proc.kill()
    report = json.loads(stdout)
    assert report["stopped_early"] is True and 1 <= report["sessions"] < 500
    assert sum(report["outcomes"].values()) == report["sessions"]
    assert report["records_lost"] == 0 and report["records_pending"] == 0, report
    assert report["unhandled_exceptions"] == 0, report["exceptions"]
    assert proc.returncode == 0, stderr[-3000:]
    left = [pid for pid in os.listdir("/proc") if pid.isdigit() and str(out) in _cmdline(pid)]
    assert left == []  # the central server and the simulators' pcscd went with it


def _cmdline(pid: str) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
