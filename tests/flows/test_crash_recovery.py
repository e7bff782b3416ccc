"""Power cut or crash mid-session: the process is killed (SIGKILL) at every step of a service, then the
next start's recovery must never repeat a side effect, keep what was captured, never lose a payment, and
queue the session for staff as interrupted."""

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from flows.engine import Engine
from flows.journal import Journal
from flows.recovery import STREAM, recover
from kiosk.store import Store
from sync.sealing import Sealer
from tests.flows.conftest import DEFINITIONS
from tests.flows.crash_session import world_for

ROOT = Path(__file__).resolve().parents[2]
REPLACE_STEPS = ["reason", "identity", "photo", "face", "fingerprints", "phone", "sms", "pickup", "summary",
                 "pay", "submit", "receipt", "rating", "record_rating"]
POINTS = ([("id_card_replace", "happy", "step_entered", s) for s in REPLACE_STEPS]
          + [("id_card_replace", "happy", "effect_intended", s) for s in ("pay", "submit", "receipt")]
          + [("id_card_replace", "happy", "ledger", w) for w in ("payment_created", "paid", "submitted", "printed")]
          + [("id_card_pickup", "happy", "step_entered", s) for s in ("scan", "face", "open", "record", "rating")]
          + [("id_card_pickup", "happy", "ledger", "door_opened"),
             ("id_card_pickup", "happy", "effect_intended", "open")])


def kill_at(data: Path, service: str, script: str, when: str, what: str) -> None:
    child = subprocess.Popen([sys.executable, "-m", "tests.flows.crash_session", str(data), service, script, when,
                              what], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = child.stdout.readline()
        assert line.strip() == "STOPPED", f"the session never reached {when} {what}: {line!r}"
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()


@pytest.mark.parametrize(("service", "script", "when", "what"), POINTS,
                         ids=[f"{p[0]}-{p[2]}-{p[3]}" for p in POINTS])
def test_killed_mid_session_then_recovered(tmp_path, service, script, when, what):
    kill_at(tmp_path, service, script, when, what)
    before = world_for(tmp_path).ledger
    with Store.open(tmp_path / "store") as store:
        world = world_for(tmp_path)
        journal = Journal(store.db, Sealer.from_key_file(tmp_path / "data-key"), clock=world.clock)
        [session] = journal.unfinished_sessions()
        recovered = recover(journal, world.ports())
        assert [r.session_id for r in recovered] == [session.id]
        assert journal.session(session.id).state == "interrupted"
        assert recover(journal, world.ports()) == []  # a second start finds nothing more to do

        # Nothing was done again: the devices did exactly what they had done before the kill.
        after = world.ledger
        repeated = [e for e in after[len(before):] if e[0] != "outbox" and e[0] != "payment_created"]
        assert repeated == []
        assert all(n == 1 for n in Counter(tuple(e) for e in after if e[0] != "outbox").values())

        # Queued for staff, with what was captured and every side effect's state.
        record = world.outbox.records[f"interrupted.{session.id}"]
        assert record["stream"] == STREAM
        payload = record["payload"]
        assert payload["service_id"] == service
        steps_done = [s["step"] for s in payload["steps"]]
        assert [r.step_id for r in journal.steps(session.id)] == steps_done
        if "identity" in steps_done:
            assert payload["captured"]["id_number"] == "110101199001010015"

        # A payment is never lost: whatever the citizen paid is in the record with its state.
        if any(e[0] == "paid" for e in after):
            payments = [e for e in payload["effects"] if e["kind"] == "payment"]
            assert payments and payments[0]["payment_state"] == "paid" and payments[0]["payment_id"]
        if any(e[0] == "door_opened" for e in after) or (when, what) == ("effect_intended", "open"):
            # The door may have opened: the same receipt never opens it again.
            engine = Engine(DEFINITIONS[service], world.ports(), journal)
            engine.start()
            engine.submit("code")
            world.set(["scan_valid"])
            assert engine.run_pending().display["error"] == "flow.pickup_used"
            assert sum(1 for e in world.ledger if e[0] == "door_opened") <= 1


def test_a_session_that_ran_to_the_end_is_not_recovered(tmp_path):
    child = subprocess.run([sys.executable, "-m", "tests.flows.crash_session", str(tmp_path), "queue_ticket",
                            "happy", "never", "never"], cwd=ROOT, capture_output=True, text=True, timeout=60,
                           check=True)
    assert child.stdout.strip().endswith("FINISHED done")
    with Store.open(tmp_path / "store") as store:
        world = world_for(tmp_path)
        journal = Journal(store.db, Sealer.from_key_file(tmp_path / "data-key"), clock=world.clock)
        assert recover(journal, world.ports()) == []
