"""A code the scanner read that no step of the session took (scanned while the attract screen showed, or left
by a citizen who walked away before the step that asks for it) is never handed to the next citizen's step.
The real scanner simulator on a pseudo-terminal, the real scanner worker and the kiosk's own scanner port."""

from __future__ import annotations

import threading

import pytest

from flows.fakes import World
from kiosk.flow_setup import FlowRuntime
from kiosk.store import Store


@pytest.fixture
def terminal(kiosk, sim_devices, tmp_path):
    hub, manager = sim_devices(("qr_scanner",))
    store = Store.open(tmp_path / "store")
    world = World()
    runtime = FlowRuntime.create(store, manager, platform=world.platform, queue=world.ports().queue,
                                 pickup_public_key=world.public_key)
    kiosk.attach_flows(runtime)
    read = threading.Semaphore(0)
    manager.on_scan(lambda _name, _result: read.release())  # after the kiosk's port has been handed the code

    def scan(text: str) -> None:
        done = hub.handle({"action": "act", "device": manager.first("qr_scanner"), "do": "scan",
                           "args": {"text": text}})
        assert done["ok"], done
        assert read.acquire(timeout=10), "the scanner worker did not read the code"

    yield kiosk, runtime.ports.scanner, scan
    kiosk.shell.endSession("shutdown")
    kiosk.flow.wait_idle()
    store.close()


def test_a_code_left_unread_by_a_citizen_who_walked_away_is_gone_when_the_session_ends(terminal):
    kiosk, scanner, scan = terminal
    kiosk.shell.start()
    scan("A20240001.left-behind")
    kiosk.shell.endSession("timeout")
    kiosk.shell.start()
    assert scanner.read_code(0).code == "scanner.no_code"


def test_a_code_scanned_at_the_attract_screen_is_not_the_next_citizens(terminal):
    kiosk, scanner, scan = terminal
    scan("A20240002.passer-by")
    kiosk.shell.start()
    assert scanner.read_code(0).code == "scanner.no_code"


def test_within_a_session_a_code_scanned_is_read_by_the_step_that_asks(terminal):
    kiosk, scanner, scan = terminal
    kiosk.shell.start()
    scan("A20240003.mine")
    got = scanner.read_code(0)
    assert got.ok and got.value == "A20240003.mine"
