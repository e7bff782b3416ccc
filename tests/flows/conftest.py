"""Flows against a real store (SQLite, migrated), a real Sealer, and the in-memory ports of flows.fakes."""

from pathlib import Path

import pytest

from flows.engine import Engine
from flows.fakes import World
from flows.journal import Journal
from flows.loader import load_definitions
from kiosk.store import Store
from sync.sealing import Sealer

DEFINITIONS = {d.id: d for d in load_definitions()}
IDENTITY = {"id_number": "110101199001010015", "name": "张三"}


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "data") as s:
        yield s


@pytest.fixture
def sealer(tmp_path):
    return Sealer.from_key_file(tmp_path / "data-key")


@pytest.fixture
def world():
    return World()


@pytest.fixture
def journal(store, sealer, world):
    return Journal(store.db, sealer, clock=world.clock)


@pytest.fixture
def events():
    """Every observer event of the engines made by `make_engine`, as (event, fields)."""
    return []


@pytest.fixture
def make_engine(world, journal, events):
    def make(service_id: str, **overrides) -> Engine:
        return Engine(DEFINITIONS[service_id], world.ports(**overrides), journal,
                      observer=lambda event, **fields: events.append((event, fields)))
    return make


def walk_to(engine: Engine, step_id: str, answers: dict) -> None:
    """Run actions and give `answers[step]` (outcome, data) at input steps until `step_id` is reached."""
    view = engine.view if engine._view is not None else engine.start()
    for _ in range(100):
        if view.step_id == step_id or view.finished:
            return
        if (action := engine.pending_action()) is not None:
            view = engine.complete(action, action.run())  # one at a time: stop before the wanted step
            continue
        outcome, data = answers.get(view.step_id, ("ok", {}))
        view = engine.submit(outcome, data)
    raise AssertionError(f"never reached {step_id}")


REPLACE_ANSWERS = {
    "reason": ("lost", {}), "identity": ("ok", IDENTITY), "phone": ("ok", {"phone": "13800138000"}),
    "sms": ("ok", {"code": "123456"}), "pickup": ("locker", {}),
    "rating": ("ok", {"level": 1, "reasons": []}),
}


def definitions_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "flows" / "definitions"
