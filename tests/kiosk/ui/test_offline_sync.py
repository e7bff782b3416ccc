"""The network is down: three citizens finish their services, and when the central platform is back every
record arrives there exactly once (issue 7's acceptance: real kiosk screens, real agent, real server)."""

import pytest

from flows.loader import load_definitions
from kiosk.demo.citizen import SimCitizen
from kiosk.demo.run import DemoRunner
from kiosk.demo.world import DemoWorld
from kiosk.flow_setup import FlowRuntime
from kiosk.log import log_event
from kiosk.store import Store
from kiosk.sync_setup import store_sealer
from sync.agent import AgentSettings, SyncAgent
from sync.central import CentralServer
from sync.client import CentralClient
from sync.transport import RequestsTransport
from tests.sync.conftest import wait_until

KINDS = ("id_reader", "fingerprint", "locker", "qr_scanner", "printer")
FAST = AgentSettings(backoff_base_s=0.01, backoff_cap_s=0.05, poll_s=0.02, heartbeat_s=3600, pull_s=3600)


@pytest.fixture
def terminal(kiosk, sim_devices, tmp_path):
    hub, manager = sim_devices(KINDS)
    store = Store.open(tmp_path / "store")
    yield kiosk, hub, manager, store
    kiosk.shell.endSession("shutdown")
    kiosk.flow.wait_idle()
    store.close()


def test_three_services_done_offline_reach_the_platform_once_it_is_back(terminal, tmp_path):
    kiosk, hub, manager, store = terminal
    away = CentralServer(tmp_path / "away.db", port=0)
    away._server.server_close()  # nobody listens there: the network is "unplugged"
    port = int(away.url.rsplit(":", 1)[1])
    client = CentralClient(RequestsTransport(away.url), terminal_id="dev-0001", timeout_s=0.5)
    agent = SyncAgent(store.path, client, sealer=store_sealer(store), settings=FAST, on_event=log_event).start()
    try:
        def act(kind, action, arguments):
            return hub.handle({"action": "act", "device": manager.first(kind), "do": action, "args": arguments})

        world = DemoWorld(SimCitizen(act), act)
        runtime = FlowRuntime.create(store, manager, on_enqueued=agent.wake, **world.ports())
        kiosk.attach_devices(manager, hub)
        kiosk.attach_flows(runtime)
        kiosk.shell.setNetwork(False, 0)
        definitions = {d.id: d for d in load_definitions()}
        for service, script in (("rating", "happy"), ("rating", "not_done"), ("forms", "happy")):
            done = DemoRunner(kiosk, runtime, world).run(definitions[service], definitions[service].demo(script))
            assert done.outcome == "done", (service, script, done.steps)
        waiting = [r["id"] for r in store.db.query("SELECT id FROM outbox ORDER BY rowid")]
        assert len(waiting) == 3 and store.outbox_waiting() == 3  # kept, none given up

        with CentralServer(tmp_path / "central.db", port=port) as central:
            wait_until(lambda: store.outbox_waiting() == 0, what="the records once the platform is back")
            at_platform = central.ctx.db.read(lambda c: [r[0] for r in c.execute(
                "SELECT id FROM events WHERE terminal = 'dev-0001' ORDER BY rowid")])
        assert at_platform == waiting  # every record, once, in order
    finally:
        agent.stop()
        away.ctx.db.close()
