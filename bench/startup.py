"""Cold start of the kiosk: a new `kiosk run --simulate --platform offscreen` process until the first frame
of the attract screen is rendered (its `ui.first_frame` log event), median of N runs.

    python -m bench.startup --json [--runs 5]

Each run is a fresh process with a fresh, empty store, so Python, Qt and QML all start from nothing (the
operating system's file cache stays warm, as it is on a terminal after its first boot).
"""

from __future__ import annotations

import argparse
import json
import os
import selectors
import statistics
import subprocess
import sys
import tempfile
import time

TARGET_S = 1.0


def one_run(timeout_s: float = 60.0) -> float:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK__")}
        env.update(
            HOME=tmp, XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp, KIOSK__STORE__DATA_DIR=tmp + "/store",
            KIOSK__UI__VOICE_ENGINE="mock", KIOSK__CENTRAL__URL="http://127.0.0.1:9",
        )
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "run", "--simulate", "--platform", "offscreen"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        try:
            selector = selectors.DefaultSelector()
            selector.register(proc.stderr, selectors.EVENT_READ)
            buffer = b""
            deadline = started + timeout_s
            while time.perf_counter() < deadline:
                if not selector.select(timeout=deadline - time.perf_counter()):
                    break
                chunk = os.read(proc.stderr.fileno(), 65536)
                if not chunk:
                    break
                buffer += chunk
                if b'"event":"ui.first_frame"' in buffer:
                    return time.perf_counter() - started
            raise RuntimeError("the kiosk never rendered its first frame:\n" + buffer.decode(errors="replace"))
        finally:
            proc.kill()
            proc.wait()
            proc.stderr.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object (the only output form)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    runs = [round(one_run(), 3) for _ in range(args.runs)]
    median = round(statistics.median(runs), 3)
    print(json.dumps({"median_s": median, "runs_s": runs, "target_s": TARGET_S, "met": median <= TARGET_S}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
