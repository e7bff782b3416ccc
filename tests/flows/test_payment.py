"""Fee and payment: paid, declined, expired, never paid, paid with a scanned code, cancelled mid-way.
A payment made in a session that does not finish is queued for staff: never lost."""

import threading

from tests.flows.conftest import REPLACE_ANSWERS, walk_to


def at_payment(make_engine):
    engine = make_engine("id_card_replace")
    walk_to(engine, "pay", REPLACE_ANSWERS)
    return engine


def test_the_qr_code_is_shown_and_a_paid_payment_goes_on(make_engine, journal):
    engine = at_payment(make_engine)
    assert engine.view.display["amount_fen"] == 2000 and engine.view.busy
    shown = []
    action = engine.pending_action()
    view = engine.complete(action, action.run(shown.append))
    assert shown[0]["qr"].startswith("https://pay.example/") and shown[0]["amount_fen"] == 2000
    assert view.step_id == "rating" or engine.pending_action() is not None
    effect = next(e for e in journal.effects(engine.session_id) if e.kind == "payment")
    assert (effect.state, effect.meta, effect.result["payment_state"]) == ("done", {"amount_fen": 2000}, "paid")


def test_declined_then_paid_uses_two_keys_and_two_payments(make_engine, world, journal):
    engine = at_payment(make_engine)
    world.set(["payment_declined"])
    view = engine.run_pending()
    assert view.step_id == "pay_failed" and view.display["error"] == "flow.payment_declined"
    world.set([])
    engine.submit("retry")
    engine.run_pending()
    states = [(e.key.rsplit(".", 1)[1], e.state) for e in journal.effects(engine.session_id) if e.kind == "payment"]
    assert states == [("1", "failed"), ("2", "done")]
    assert world.count("paid") == 1


def test_expired_payment(make_engine, world):
    engine = at_payment(make_engine)
    world.set(["payment_expired"])
    assert engine.run_pending().display["error"] == "flow.payment_expired"


def test_a_citizen_who_never_pays_times_out_and_the_payment_is_left_for_staff(make_engine, world, journal):
    engine = at_payment(make_engine)
    world.set(["payment_never"])
    view = engine.run_pending()
    assert view.step_id == "pay_failed"
    effect = next(e for e in journal.effects(engine.session_id) if e.kind == "payment")
    assert effect.state == "unknown" and effect.result["payment_state"] == "pending"
    view = engine.cancel()
    assert view.outcome == "cancelled"
    record = world.outbox.records[f"unfinished.{engine.session_id}"]
    assert record["stream"] == "unfinished_session"
    assert record["payload"]["effects"][0]["payment_id"] == "pay-1"


def test_paid_with_the_citizens_payment_code(make_engine, world):
    engine = at_payment(make_engine)
    world.set(["pay_with_code", "scan_payment_code"])
    engine.run_pending()
    assert world.count("paid") == 1 and engine.view.step_id == "rating"


def test_cancel_while_waiting_for_payment_checks_once_more_and_keeps_the_payment(make_engine, world, journal):
    engine = at_payment(make_engine)
    world.set(["payment_never"])
    action = engine.pending_action()
    started = threading.Event()
    results = []

    def worker():
        results.append(action.run(lambda shown: started.set()))

    thread = threading.Thread(target=worker)
    thread.start()
    assert started.wait(10)
    engine.cancel()
    thread.join(10)
    view = engine.complete(action, results[0])
    assert view.outcome == "cancelled"
    assert f"unfinished.{engine.session_id}" in world.outbox.records
    effect = next(e for e in journal.effects(engine.session_id) if e.kind == "payment")
    assert effect.state == "unknown"


def test_a_payment_made_before_a_failure_is_reported_for_staff(make_engine, world):
    """Paid, then the network goes down before the application is sent, and the citizen leaves."""
    engine = at_payment(make_engine)
    action = engine.pending_action()
    engine.complete(action, action.run())  # paid
    world.set(["network_lost"])
    view = engine.run_pending()
    assert view.step_id == "submit_failed" and view.display["error"] == "flow.network_lost"
    view = engine.cancel()
    assert view.outcome == "cancelled"
    payload = world.outbox.records[f"unfinished.{engine.session_id}"]["payload"]
    paid = [e for e in payload["effects"] if e["kind"] == "payment"]
    assert paid == [{"key": f"{engine.session_id}.pay.1", "step": "pay", "kind": "payment", "state": "done",
                     "payment_id": "pay-1", "amount_fen": 2000, "payment_state": "paid"}]
    assert payload["captured"]["id_number"] == "110101199001010015"  # staff can find the citizen


def test_a_finished_service_leaves_nothing_for_staff(make_engine, world):
    engine = at_payment(make_engine)
    walk_to(engine, "rating", REPLACE_ANSWERS)
    engine.submit("ok", {"level": 1, "reasons": []})
    engine.run_pending()
    assert engine.view.outcome == "done"
    assert f"unfinished.{engine.session_id}" not in world.outbox.records
