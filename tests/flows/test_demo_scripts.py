"""Every demo script of every service, replayed headless against the in-memory ports: each happy path and
each failure ends the way the script says, leaves nothing of the citizen in memory, and is journaled."""

import pytest

from flows.demo import run_demo
from tests.flows.conftest import DEFINITIONS

CASES = [(d.id, s.name) for d in DEFINITIONS.values() for s in d.demos]


@pytest.mark.parametrize(("service_id", "script_name"), CASES, ids=[f"{a}-{b}" for a, b in CASES])
def test_demo_script_runs_as_written(make_engine, world, journal, events, service_id, script_name):
    script = DEFINITIONS[service_id].demo(script_name)
    engine = make_engine(service_id)
    run = run_demo(engine, script, world.set)
    assert run.outcome == script.expect
    assert run.unused_inputs == 0
    assert journal.session(engine.session_id).state == script.expect
    assert engine._values == {} and engine._transient == {}, "session data wiped at the end"
    assert events[-1][0] == "session_wiped"
    # Nothing an observer (the log) sees is personal.
    logged = repr(events)
    assert "110101199001010015" not in logged and "张三" not in logged and "13800138000" not in logged


def test_every_service_has_a_happy_path_that_completes(make_engine, world):
    for service_id, definition in DEFINITIONS.items():
        done = [s for s in definition.demos if s.expect == "done"]
        assert done, service_id


def test_failures_the_issue_names_each_have_a_script():
    conditions = {c for d in DEFINITIONS.values() for s in d.demos for i in s.inputs for c in (i.world or ())}
    conditions |= {c for d in DEFINITIONS.values() for s in d.demos for c in s.world}
    outcomes = {i.outcome for d in DEFINITIONS.values() for s in d.demos for i in s.inputs}
    for needed in ("face_mismatch", "fingerprint_poor", "card_unreadable", "payment_declined",
                   "printer_out_of_paper", "locker_jammed", "network_lost"):
        assert needed in conditions, needed
    assert "timeout" in outcomes
