"""The terminal's clock against the central platform's: measured on each heartbeat the platform answers,
kept in the store, shown by `kiosk diag`, and a failure beyond a minute with a sentence that says what to do."""

import json
import random
from datetime import timedelta

from kiosk.diag.clock import platform_clock
from kiosk.log import log_event
from kiosk.store import Store
from sync.agent import AgentSettings, SyncAgent
from sync.central import CentralServer
from sync.client import CentralClient
from sync.db import utc_now
from sync.transport import RequestsTransport
from tests.kiosk.kiosk_process import run
from tests.sync.conftest import wait_until

BEATING = AgentSettings(poll_s=0.02, heartbeat_s=0.05, heartbeat_min_s=0.01, pull_s=3600)


def measure(tmp_path, platform_ahead_s):
    """Run a real agent against a real server whose clock is `platform_ahead_s` ahead; the measured clock."""
    data = tmp_path / "store"
    with CentralServer(tmp_path / "central.db", port=0,
                       clock=lambda: utc_now() + timedelta(seconds=platform_ahead_s)) as central, \
            Store.open(data) as store:
        client = CentralClient(RequestsTransport(central.url), terminal_id="dev-0001")
        agent = SyncAgent(store.path, client, settings=BEATING, rng=random.Random(1), on_event=log_event).start()
        try:
            wait_until(lambda: platform_clock(data)["offset_s"] is not None, what="a measured clock offset")
        finally:
            agent.stop()
    return platform_clock(data)


def test_a_clock_two_minutes_behind_the_platform_fails_with_a_sentence(tmp_path):
    clock = measure(tmp_path, 120)
    assert 118 <= clock["offset_s"] <= 122
    assert clock["ok"] is False and clock["code"] == "diag.clock_off"
    assert "120 s behind the central platform" in clock["sentence"] and "NTP" in clock["sentence"]
    assert clock["measured_at"] and clock["last_heartbeat_at"]


def test_a_clock_in_step_with_the_platform_passes(tmp_path):
    clock = measure(tmp_path, 0)
    assert abs(clock["offset_s"]) < 2 and clock["ok"] is True
    assert "within 60 s" in clock["sentence"]


def test_before_any_heartbeat_the_offset_is_not_measured_and_does_not_fail(tmp_path):
    with Store.open(tmp_path / "store"):
        clock = platform_clock(tmp_path / "store")
    assert clock["offset_s"] is None and clock["ok"] is True and "not measured yet" in clock["sentence"]


def test_kiosk_diag_shows_the_offset_and_fails_on_it(tmp_path, env):
    measure(tmp_path, -300)  # the terminal is five minutes fast
    env["KIOSK__STORE__DATA_DIR"] = str(tmp_path / "store")
    result = run(["diag", "--simulate", "--json"], env)
    assert result.returncode == 1, result.stderr
    system = json.loads(result.stdout)["system"]
    assert system["clock_ok"] is False and -302 <= system["platform_clock"]["offset_s"] <= -298
    text = run(["diag", "--simulate"], env)
    assert "clock: FAIL diag.clock_off: the terminal's clock is 300 s ahead of the central platform's" in text.stdout
