"""The simulated outside world can forget finished business (a long soak does so between sessions) without
ever giving a ticket, payment or application number twice."""

from flows.fakes import World


def test_after_forgetting_its_history_the_world_still_never_repeats_a_number():
    world = World()
    ports = world.ports()
    first_ticket = ports.queue.take_ticket("s1", "户政", "补领").value.number
    first_payment = ports.platform.create_payment("s1", 2000, "id_card").value.id
    first_application = ports.platform.submit_application("s1", {"id_number": "x"}).value.application_no
    assert world.ledger

    world.forget_history()

    assert world.ledger == [] and world.state["payments"] == {} and world.state["submissions"] == {}
    assert ports.queue.take_ticket("s2", "户政", "补领").value.number != first_ticket
    assert ports.platform.create_payment("s2", 2000, "id_card").value.id != first_payment
    assert ports.platform.submit_application("s2", {"id_number": "x"}).value.application_no != first_application
    assert [e[0] for e in world.ledger] == ["ticket", "payment_created", "submitted"]


def test_a_world_saved_before_numbers_were_counted_goes_on_from_its_entries(tmp_path):
    path = tmp_path / "world.json"
    path.write_text('{"ledger": [], "payments": {}, "submissions": {"old": "A20241001"}, "tickets": {}, '
                    '"outbox": {}}', encoding="utf-8")
    world = World(path=path)
    world.forget_history()
    assert world.ports().platform.submit_application("new", {}).value.application_no == "A20241002"
