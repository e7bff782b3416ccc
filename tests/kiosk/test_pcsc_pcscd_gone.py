"""pcscd goes away under a simulated kiosk and comes back: the reader comes back by itself, and the technician
card works again without a restart. In a process of its own (tests/kiosk/pcsc_gone_run.py), whose sim hub
starts and stops its own pcscd, as `kiosk run --simulate` does."""

import json
import os
import subprocess
import sys
from pathlib import Path

from drivers.pcsc.pcscd import PcscDaemon
from kiosk.sim_pcsc import SIM_READERS, SOCKET_ENV

ROOT = Path(__file__).resolve().parents[2]


def test_the_technician_card_works_again_after_pcscd_comes_back(tmp_path):
    # the pcscd of an earlier simulated run that was killed (kill -9) is still there: it is ended first
    left_behind = PcscDaemon(tmp_path / "sim" / "pcscd", name=SIM_READERS).start()
    env = {k: v for k, v in os.environ.items() if k != SOCKET_ENV}  # a fresh process: no pcscd chosen yet
    done = subprocess.run([sys.executable, "-m", "tests.kiosk.pcsc_gone_run", str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert lines[-1] == {"heard": ["T-0042", "T-0042"]}
    events = lines[:-1]
    served = next(e for e in events if e["event"] == "sim.device_served")
    assert served["path"] == str(tmp_path / "sim" / "pcsc_reader")
    states = []
    for e in events:  # a state's detail may change while in it (why pcscd cannot be reached): once each here
        if e["event"] == "device.status_changed" and (e["state"], e["code"]) not in states[-1:]:
            states.append((e["state"], e["code"]))
    assert states == [("user_action", "pcsc.no_card"), ("ready", None), ("disconnected", "device.disconnected"),
                      ("user_action", "pcsc.no_card"), ("ready", None), ("disconnected", "device.disconnected")]
    assert [e["event"] for e in events].count("pcsc.watch_failed") == 0
    assert not (tmp_path / "sim" / "pcscd" / "run" / "pcscd.comm").exists()  # its pcscd stopped with it
    assert not left_behind.running
    left_behind.stop()
