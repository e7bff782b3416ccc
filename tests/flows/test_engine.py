"""The engine's rules, seen from the screen: step indicator, back, cancel, timeout, retries, journaling."""

import threading

import pytest

from drivers.errors import Failure
from flows.engine import EngineMisuse
from tests.flows.conftest import IDENTITY, REPLACE_ANSWERS, walk_to


def test_step_indicator_counts_what_the_citizen_sees(make_engine):
    engine = make_engine("id_card_replace")
    view = engine.start()
    assert (view.step_id, view.index, view.total) == ("reason", 1, 12)
    view = engine.submit("lost")
    assert (view.step_id, view.index, view.total) == ("identity", 2, 12)
    walk_to(engine, "pickup", REPLACE_ANSWERS)
    assert (engine.view.index, engine.view.total) == (8, 12)
    view = engine.submit("post")  # the address step joins the path
    assert (view.step_id, view.index, view.total) == ("address", 9, 13)


def test_a_failure_notice_keeps_the_indicator_where_it_was(make_engine, world):
    engine = make_engine("id_card_replace")
    walk_to(engine, "face", REPLACE_ANSWERS)
    world.set(["face_mismatch"])
    view = engine.run_pending()
    assert view.step_id == "face_failed" and (view.index, view.total) == (4, 12)
    assert view.display["error"] == "flow.face_mismatch" and view.display["error_text"] == "error.flow.face_mismatch"
    assert [w["id"] for w in view.display["ways"]] == ["retry", "staff_help"]


def test_back_returns_to_the_previous_question_and_keeps_the_answer_shown(make_engine):
    engine = make_engine("queue_ticket")
    engine.start()
    assert not engine.view.can_back  # nothing to go back to
    view = engine.submit("tax")
    assert view.step_id == "matter" and view.can_back
    view = engine.back()
    assert view.step_id == "department" and view.display["selected"] == "tax"
    assert (view.index, view.total) == (1, 4)  # department, matter, ticket, rating


def test_back_never_crosses_a_side_effect(make_engine):
    engine = make_engine("id_card_replace")
    walk_to(engine, "rating", REPLACE_ANSWERS)  # paid, submitted, printed
    assert not engine.view.can_back
    assert engine.back().step_id == "rating"


def test_cancel_while_waiting_ends_and_wipes(make_engine, journal):
    engine = make_engine("id_card_replace")
    walk_to(engine, "phone", REPLACE_ANSWERS)
    assert engine._values["id_number"] == IDENTITY["id_number"]
    view = engine.cancel()
    assert view.finished and view.outcome == "cancelled"
    assert engine._values == {} and engine._transient == {}
    assert journal.session(engine.session_id).state == "cancelled"


def test_cancel_while_an_action_runs_waits_for_it(make_engine, world):
    """The adapter's worker is still reading the card; Cancel stops it, the session ends when it returns."""
    engine = make_engine("id_card_pickup")
    engine.start()
    world.set(["no_card"])
    view = engine.submit("id_card")
    action = engine.pending_action()
    assert view.busy and action is not None
    results = []
    worker = threading.Thread(target=lambda: results.append(action.run()))
    view = engine.cancel()  # before the worker even starts: it must notice at its first wait
    assert view.busy and not view.finished
    worker.start()
    worker.join(timeout=10)
    assert results and results[0].outcome == "cancelled"
    view = engine.complete(action, results[0])
    assert view.finished and view.outcome == "cancelled"


def test_citizen_timeout_at_an_input_step_ends_the_session(make_engine, journal):
    engine = make_engine("queue_ticket")
    view = engine.start()
    assert view.waiting and view.timeout_s == 90.0
    view = engine.timeout()
    assert view.finished and view.outcome == "timeout"
    assert [r.outcome for r in journal.steps(engine.session_id)] == ["timeout"]


def test_an_action_that_outlasts_its_timeout_follows_the_timeout_transition(make_engine, world):
    engine = make_engine("id_card_pickup")
    engine.start()
    world.set(["no_card"])
    engine.submit("id_card")
    view = engine.run_pending()
    assert view.step_id == "card_failed"


def test_failures_beyond_the_retries_are_retries_exhausted(make_engine, world, journal):
    engine = make_engine("id_card_replace")
    walk_to(engine, "face", REPLACE_ANSWERS)
    world.set(["face_mismatch"])
    for attempt in (1, 2):
        view = engine.run_pending()
        assert view.step_id == "face_failed" and view.attempt == 0
        view = engine.submit("retry")
        assert view.step_id == "face"
    view = engine.run_pending()  # third failure, retries = 2
    assert view.step_id == "staff_done"
    outcomes = [(r.step_id, r.outcome) for r in journal.steps(engine.session_id) if r.step_id == "face"]
    assert outcomes == [("face", "failed"), ("face", "failed"), ("face", "retries_exhausted")]


def test_refused_input_keeps_the_step_and_says_why(make_engine):
    engine = make_engine("id_card_replace")
    engine.start()
    engine.submit("lost")
    view = engine.submit("ok", {"id_number": "110101199001010016", "name": "张三"})  # wrong check character
    assert view.step_id == "identity" and view.error == "flow.id_number_invalid" and view.waiting
    view = engine.submit("ok", {"id_number": "110101199001010015", "name": " "})
    assert view.error == "flow.name_missing"
    view = engine.submit("ok", {"id_number": "11010119900101001x", "name": "张三"})  # lower-case x is fine too
    assert view.error == "flow.id_number_invalid"  # ...but this number's check character is 5


def test_a_wrong_sms_code_uses_an_attempt_and_too_many_go_back_to_the_phone(make_engine, world):
    engine = make_engine("id_card_replace")
    walk_to(engine, "sms", REPLACE_ANSWERS)
    engine.run_pending()  # the code is sent
    assert world.count("sms") == 1
    for _ in range(2):
        engine.submit("ok", {"code": "000000"})
        view = engine.run_pending()
        assert view.step_id == "sms" and view.error == "flow.sms_code_wrong" and view.waiting
    engine.submit("ok", {"code": "000000"})
    assert engine.run_pending().step_id == "phone"


def test_offline_sms_is_skipped(make_engine, world):
    engine = make_engine("id_card_replace")
    walk_to(engine, "sms", REPLACE_ANSWERS)
    world.set(["network_lost"])
    assert engine.run_pending().step_id == "pickup"


def test_each_result_is_journaled_before_the_next_side_effect(make_engine, events):
    engine = make_engine("id_card_replace")
    walk_to(engine, "rating", REPLACE_ANSWERS)
    order = [(e, f.get("step")) for e, f in events if e in ("step_finished", "effect_intended", "effect_finished")]
    # summary's result is durable before the payment is even intended, payment's before the submission...
    assert order.index(("step_finished", "summary")) < order.index(("effect_intended", "pay"))
    assert order.index(("effect_finished", "pay")) < order.index(("step_finished", "pay"))
    assert order.index(("step_finished", "pay")) < order.index(("effect_intended", "submit"))
    assert order.index(("step_finished", "submit")) < order.index(("effect_intended", "receipt"))


def test_side_effects_carry_keys_from_session_and_step(make_engine, world, journal):
    engine = make_engine("id_card_replace")
    walk_to(engine, "rating", REPLACE_ANSWERS)
    keys = {e.kind: e.key for e in journal.effects(engine.session_id)}
    assert keys["payment"] == f"{engine.session_id}.pay.1"
    assert keys["submit"] == f"{engine.session_id}.submit.1"
    assert keys["print"] == f"{engine.session_id}.receipt.1"
    assert [d.key for d in world.printed] == [keys["print"]]
    assert list(world.state["payments"]) == [keys["payment"]]


def test_a_port_that_raises_is_a_failure_with_a_way_on(make_engine):
    class Exploding:
        def read_card(self):
            raise OSError("secret 110101199001010015")

    engine = make_engine("id_card_pickup", id_card=Exploding())
    engine.start()
    engine.submit("id_card")
    view = engine.run_pending()
    assert view.step_id == "card_failed" and view.display["error"] == "flow.device_unavailable"


def test_a_missing_device_is_a_failure_with_a_way_on(make_engine):
    engine = make_engine("id_photo", face=None)
    view = engine.start()
    view = engine.run_pending()
    assert view.step_id == "photo_failed" and view.display["error"] == "flow.device_unavailable"


def test_adapter_misuse_is_loud(make_engine):
    engine = make_engine("queue_ticket")
    with pytest.raises(EngineMisuse):
        engine.view  # noqa: B018
    engine.start()
    with pytest.raises(EngineMisuse):
        engine.start()
    engine.submit("tax")
    engine.submit("apply")
    action = engine.pending_action()
    with pytest.raises(EngineMisuse):
        engine.submit("ok")  # an action is pending
    other = make_engine("queue_ticket")
    other.start()
    with pytest.raises(EngineMisuse):
        other.complete(action, action.run())


def test_a_failure_code_reaches_the_screen_and_the_journal_keeps_the_device_code(make_engine, world, journal):
    class Reader:
        def read_card(self):
            return Failure("device.bad_checksum", "garbled")

    engine = make_engine("id_card_pickup", id_card=Reader())
    engine.start()
    engine.submit("id_card")
    engine.run_pending()
    row = journal.steps(engine.session_id)[-1]
    assert (row.step_id, row.outcome, row.error, row.detail) == ("read_card", "failed", "flow.card_unreadable",
                                                                  "device.bad_checksum")
