"""Claim: after a session ends (completed, cancelled, or the citizen walked away), nothing on the screen, in
the QML objects or in the memory the application keeps still holds the citizen's name, ID number or phone
number, and the adapters hold nothing of the session.

The citizen is made up for each test (a valid ID number that belongs to no one), types on the real screens
(the identity and phone fields), and the session runs through the real flow adapter, engine, journal and
outbox on a real store; the devices and the central platform are the flows' fakes: their state (the paper
in the printer, the applications the platform received) is the outside world, not the terminal's memory."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from drivers.idcard.idnumber import check_character
from flows.fakes import SMS_CODE, World
from flows.journal import Journal
from flows.loader import load_definitions
from kiosk.flow_ports import StoreOutbox
from kiosk.flow_setup import FlowRuntime
from kiosk.store import Store
from kiosk.sync_setup import store_sealer
from tests.kiosk.ui.helpers import find, tap, visible_texts
from tests.security.memory import python_hits, qml_hits

SURNAMES, GIVEN = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨", "志明秀英建华玉兰国强桂芳振宇思远"


@dataclass(frozen=True)
class Citizen:
    name: str
    id_number: str
    phone: str

    def needles(self) -> list[str]:
        return [self.name, self.id_number, self.phone]


@pytest.fixture
def citizen():
    rng = random.Random()
    body = f"1101011985{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{rng.randrange(100, 999)}"
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(2)) + "测"
    return Citizen(name, body + check_character(body), f"139{rng.randrange(10**8):08d}")


@pytest.fixture
def terminal(kiosk, tmp_path):
    store = Store.open(tmp_path / "store")
    world = World()
    sealer = store_sealer(store)
    ports = world.ports(outbox=StoreOutbox(store.path, sealer, lambda: None))
    runtime = FlowRuntime({d.id: d for d in load_definitions()}, Journal(store.db, sealer, clock=world.clock), ports)
    kiosk.attach_flows(runtime)
    kiosk.shell.setNetwork(True, 0)
    yield kiosk, runtime, world
    kiosk.shell.endSession("shutdown")
    kiosk.flow.wait_idle()
    store.close()


def wait_for_input(kapp, qtbot, step_id=None):
    """Until the session waits for the citizen (at `step_id`, if given) or has ended."""
    def ready():
        view = kapp.flow.view
        return view is None or (view.waiting and (step_id is None or view.step_id == step_id))
    qtbot.waitUntil(ready, timeout=10000)


def type_into(kapp, qtbot, field, text):
    qtbot.waitUntil(lambda: find(kapp, f"field_{field}") is not None, timeout=10000)
    find(kapp, f"field_{field}").setProperty("text", text)


def fill_in(kapp, qtbot, citizen):
    """From the catalogue to the summary: the citizen types name, ID number and phone on the screens."""
    kapp.shell.start()
    kapp.shell.openService("id_card_replace")
    wait_for_input(kapp, qtbot, "reason")
    kapp.flow.submit("lost", {})
    wait_for_input(kapp, qtbot, "identity")
    type_into(kapp, qtbot, "id_number", citizen.id_number)
    type_into(kapp, qtbot, "name", citizen.name)
    tap(kapp, "nextButton")
    wait_for_input(kapp, qtbot, "phone")
    type_into(kapp, qtbot, "phone", citizen.phone)
    assert qml_hits(kapp, [citizen.phone]) != []  # the search does see what a screen holds
    tap(kapp, "nextButton")
    wait_for_input(kapp, qtbot, "sms")
    kapp.flow.submit("ok", {"code": SMS_CODE})
    wait_for_input(kapp, qtbot, "pickup")
    kapp.flow.submit("locker", {})
    wait_for_input(kapp, qtbot, "summary")
    assert kapp.flow.view.step_id == "summary"
    needles = citizen.needles()
    assert len(python_hits(needles, outside=[citizen, needles])) >= 3  # and what the session's memory holds


def typed_in(runtime, session, citizen):
    """The journal (sealed) holds what the citizen typed: the screens did reach the engine."""
    captured = {k: v for step in runtime.journal.steps(session) for k, v in step.captured.items()}
    return (captured.get("name"), captured.get("id_number"), captured.get("phone")) == (
        citizen.name, citizen.id_number, citizen.phone)


def assert_nothing_left(kapp, runtime, world, citizen, qtbot, engine_session):
    qtbot.waitUntil(lambda: kapp.shell.screen == "attract" and find(kapp, "attractScreen") is not None,
                    timeout=10000)
    qtbot.waitUntil(lambda: find(kapp, "flowScreen") is None, timeout=10000)
    kapp.flow.wait_idle()
    assert kapp.shell.session is None and not kapp.flow.active
    assert (kapp.flow.view, kapp.flow.display, kapp.flow.stepId, kapp.flow.serviceId) == (None, {}, "", "")
    assert not any(n in t for t in visible_texts(kapp) for n in citizen.needles())
    assert qml_hits(kapp, citizen.needles() + [engine_session]) == []
    assert not any(step.captured for step in runtime.journal.steps(engine_session))  # nor does the journal
    engine = runtime.last_engine  # kept for `kiosk demo` (its side effects): wiped of every value
    assert engine.finished and engine._values == {} and engine._transient == {}
    needles = citizen.needles() + [c.lower() for c in citizen.needles()]
    assert python_hits(needles, outside=[world, citizen, needles]) == []


def test_a_completed_session_leaves_nothing(terminal, qtbot, citizen):
    kapp, runtime, world = terminal
    fill_in(kapp, qtbot, citizen)
    session = kapp.flow.view.session_id
    assert typed_in(runtime, session, citizen)  # there was something to wipe
    kapp.flow.submit("ok", {})
    wait_for_input(kapp, qtbot, "rating")
    kapp.flow.submit("ok", {"level": 1, "reasons": []})
    qtbot.waitUntil(lambda: not kapp.flow.active, timeout=10000)
    assert runtime.journal.session(session).state == "done"
    assert_nothing_left(kapp, runtime, world, citizen, qtbot, session)


def test_a_cancelled_session_leaves_nothing(terminal, qtbot, citizen):
    kapp, runtime, world = terminal
    fill_in(kapp, qtbot, citizen)
    session = kapp.flow.view.session_id
    assert typed_in(runtime, session, citizen)
    kapp.flow.cancel()
    qtbot.waitUntil(lambda: not kapp.flow.active, timeout=10000)
    kapp.shell.endSession("cancelled")  # the citizen leaves the catalogue the cancel returned to
    assert runtime.journal.session(session).state == "cancelled"
    assert_nothing_left(kapp, runtime, world, citizen, qtbot, session)


def test_a_citizen_who_walks_away_leaves_nothing(terminal, qtbot, citizen, clock):
    kapp, runtime, world = terminal
    fill_in(kapp, qtbot, citizen)
    session = kapp.flow.view.session_id
    assert typed_in(runtime, session, citizen)
    clock.now += 60  # nobody touches the screen: the countdown, then the end
    kapp.shell.tick()
    qtbot.waitUntil(lambda: find(kapp, "idleDialog") is not None, timeout=10000)
    clock.now += 30
    kapp.shell.tick()
    qtbot.waitUntil(lambda: kapp.shell.session is None, timeout=10000)
    assert runtime.journal.session(session).state in ("timeout", "cancelled")
    assert_nothing_left(kapp, runtime, world, citizen, qtbot, session)
