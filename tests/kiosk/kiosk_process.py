"""The `kiosk` command as a subprocess, the way an installer or a technician starts it, and its JSON log."""

import json
import os
import selectors
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

KIOSK = [sys.executable, "-m", "kiosk"]


def run(args, env, **kw):
    return subprocess.run(KIOSK + args, env=env, capture_output=True, text=True, timeout=120, check=False, **kw)


def read_events_until(proc, name, timeout_s=60):
    """JSON log lines from the kiosk's stderr until the event `name` (or the process ends)."""
    events, buffer = [], ""
    selector = selectors.DefaultSelector()
    selector.register(proc.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not selector.select(timeout=deadline - time.monotonic()):
            break
        chunk = os.read(proc.stderr.fileno(), 65536).decode()
        if not chunk:
            break
        buffer += chunk
        *lines, buffer = buffer.split("\n")
        for line in lines:
            if line.startswith("{"):
                events.append(json.loads(line))
                if events[-1]["event"] == name:
                    return events
    raise AssertionError(f"no {name} event; got {[e['event'] for e in events]}")


@contextmanager
def running_kiosk(env) -> Iterator[subprocess.Popen]:
    """`kiosk run --simulate` offscreen, its log lines on proc.stderr; killed if the test leaves it running."""
    proc = subprocess.Popen(KIOSK + ["run", "--simulate", "--platform", "offscreen"], env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()
        proc.stderr.close()
