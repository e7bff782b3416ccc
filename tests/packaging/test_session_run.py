"""The installed kiosk runs: a short simulated run offscreen as the kiosk user, stopped as systemd stops it."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import threading

import pytest

from tests.packaging.kiosk_user import KIOSK_ENV, as_kiosk

pytestmark = pytest.mark.packaging

FIRST_FRAME_TIMEOUT_S = 180


def _lines(stream, into: queue.Queue) -> None:
    for line in stream:
        into.put(line)
    into.put(None)


def test_simulated_run_shows_its_first_frame_and_stops_cleanly_on_sigterm(installed, report):
    env = {**KIOSK_ENV, "QT_QUICK_BACKEND": "software"}
    cmd = installed.command(as_kiosk(["/usr/bin/kiosk", "run", "--simulate", "--platform", "offscreen"]), env)
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    lines: queue.Queue = queue.Queue()
    reader = threading.Thread(target=_lines, args=(proc.stderr, lines), daemon=True)
    reader.start()
    seen = []
    try:
        while True:
            line = lines.get(timeout=FIRST_FRAME_TIMEOUT_S)
            assert line is not None, "the kiosk ended before its first frame:\n" + "".join(seen)
            seen.append(line)
            if line.startswith("{") and json.loads(line)["event"] == "ui.first_frame":
                report["installed_first_frame_ms"] = json.loads(line)["startup_ms"]
                break
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0, "".join(seen)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        reader.join(timeout=30)  # it ends at the end of the output, once the kiosk has exited
        proc.stderr.close()
    stored = installed.run(["ls", "/var/lib/kiosk"]).stdout.split()
    assert "kiosk.db" in stored, "the store is in /var/lib/kiosk, as the installed configuration says"
