"""The network and sync panel: with the platform down, a record written waits and the panel says how many
and how old; with the platform back, "send now" sends it at once (the agent's backoff would wait minutes),
a refused record shows as a dead letter with the platform's reason, and the heartbeat's time and the clock's
offset appear."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

import json
import random
import urllib.request

import pytest

from kiosk.log import log_event
from sync import outbox
from sync.agent import AgentSettings, SyncAgent
from sync.central import CentralServer
from sync.client import CentralClient
from sync.transport import RequestsTransport
from tests.kiosk.maintenance.kiosks import make_tech_kiosk, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap

#: A failed send waits 0-600 s (seeded: about 194 s) before the next try: only "send now" is faster.
PATIENT = AgentSettings(backoff_base_s=600, backoff_cap_s=600, poll_s=600, heartbeat_s=3600, pull_s=3600)


@pytest.fixture
def platform_down(tech_kiosk, tmp_path):
    away = CentralServer(tmp_path / "away.db", port=0)
    away._server.server_close()  # nobody listens there: the network is "unplugged"
    client = CentralClient(RequestsTransport(away.url), terminal_id="dev-0001", timeout_s=0.5)
    agent = SyncAgent(tech_kiosk.store.path, client, settings=PATIENT, rng=random.Random(7),
                      on_event=log_event).start()
    tech_kiosk.maintenance.attach_sync(agent)
    yield away, agent
    agent.stop()
    away.ctx.db.close()


def post(url, body):
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.load(answer)


def test_the_queue_waits_while_the_platform_is_down_and_send_now_empties_it(tech_kiosk, platform_down, qtbot,
                                                                             tmp_path, log_lines):
    away, agent = platform_down
    store = tech_kiosk.store
    assert tech_kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "syncPanel") is not None)
    for event_id in ("ev-kept", "ev-refused"):
        outbox.enqueue(store.db, stream="applications", payload={"n": 1}, event_id=event_id)
    agent.wake()
    qtbot.waitUntil(lambda: store.db.execute(
        "SELECT value FROM settings WHERE key = 'sync.last_error_code'").fetchone() is not None, timeout=10000)

    tech_kiosk.maintenance.refresh()
    sync = tech_kiosk.maintenance.sync
    assert (sync["online"], sync["waiting"], sync["deadCount"], sync["url"]) == (False, 2, 0, away.url)
    assert sync["oldest"].endswith(" s") and sync["lastError"].startswith("sync.")
    scroll_to(tech_kiosk, "syncWaiting")
    waiting = find(tech_kiosk, "syncWaiting")
    assert waiting.property("value") == f"2 条记录，最早的已等待 {sync['oldest']}"
    assert find(tech_kiosk, "syncHeartbeat").property("value") == "尚无应答"

    port = int(away.url.rsplit(":", 1)[1])
    with CentralServer(tmp_path / "central.db", port=port) as central:
        post(central.url + "/control/reject", {"event_id": "ev-refused", "code": "application.bad_form",
                                               "reason": "form 7 is not accepted here"})
        scroll_to(tech_kiosk, "sendNow")
        tap(tech_kiosk, "sendNow")
        qtbot.waitUntil(lambda: store.outbox_waiting() == 0, timeout=10000)
        qtbot.waitUntil(lambda: store.db.execute(
            "SELECT value FROM settings WHERE key = 'sync.heartbeat_at'").fetchone() is not None, timeout=10000)
    tech_kiosk.maintenance.refresh()
    sync = tech_kiosk.maintenance.sync
    assert (sync["waiting"], sync["deadCount"]) == (0, 1)
    assert sync["dead"][0].startswith("application.bad_form: form 7 is not accepted here  (applications, "
                                      "ev-refused, ")
    assert sync["lastHeartbeat"].endswith(" UTC)") and "within 60 s" in sync["clock"] and sync["clockOk"]
    assert find(tech_kiosk, "syncWaiting").property("value") == "无：全部已发送"
    assert "form 7 is not accepted here" in find(tech_kiosk, "syncDead").property("value")
    assert log_lines.events("maintenance.send_now")[0]["waiting"] == 2


def test_without_a_sync_agent_send_now_is_off(tech_kiosk, qtbot):
    assert tech_kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "sendNow") is not None)
    assert find(tech_kiosk, "sendNow").property("enabled") is False
    assert tech_kiosk.maintenance.sync["agentRunning"] is False
