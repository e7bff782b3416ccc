"""Pickup codes are checked offline: forged, altered, truncated and re-used codes never open a door."""

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from flows.fakes import READY_APPLICATION, READY_DOOR
from flows.pickup import read_code, record_is_genuine, sign_record
from flows.ports import PickupRecord


def test_genuine_code_reads_and_anything_else_does_not(world):
    code = world.pickup_code()
    assert read_code(code, world.public_key).application_no == READY_APPLICATION
    assert read_code(world.scan_text("scan_forged"), world.public_key) is None
    assert read_code(world.scan_text("scan_altered"), world.public_key) is None
    assert read_code(code[:-5], world.public_key) is None
    assert read_code("not a code", world.public_key) is None
    assert read_code(code, b"short key") is None


def test_a_record_with_its_door_changed_is_refused(world):
    record = world.pickup_records()[READY_APPLICATION]
    assert record_is_genuine(record, world.public_key)
    moved = PickupRecord(record.application_no, record.door + 1, record.id_digest, record.signature)
    assert not record_is_genuine(moved, world.public_key)
    other = sign_record(Ed25519PrivateKey.generate(), READY_APPLICATION, READY_DOOR, record.id_digest)
    assert not record_is_genuine(other, world.public_key)


def scan_and_collect(make_engine, world):
    engine = make_engine("id_card_pickup")
    engine.start()
    engine.submit("code")
    world.set(["scan_valid"])
    return engine.run_pending()


def test_the_door_opens_once_and_the_pickup_is_recorded(make_engine, world, journal):
    view = scan_and_collect(make_engine, world)
    assert view.step_id == "rating"
    assert world.count("door_opened") == 1 and world.ledger[0] == ["door_opened", READY_DOOR]
    assert READY_APPLICATION in journal.collected()
    pickups = [r for r in world.outbox.records.values() if r["stream"] == "pickup"]
    assert pickups[0]["payload"]["application_no"] == READY_APPLICATION


def test_the_same_code_a_second_time_is_refused(make_engine, world):
    scan_and_collect(make_engine, world)
    view = scan_and_collect(make_engine, world)
    assert view.step_id == "scan_failed" and view.display["error"] == "flow.pickup_used"
    assert world.count("door_opened") == 1


def test_the_open_door_number_is_shown_while_waiting_for_it_to_shut(make_engine, world):
    engine = make_engine("id_card_pickup")
    engine.start()
    engine.submit("code")
    world.set(["scan_valid"])
    for _ in range(2):
        action = engine.pending_action()
        engine.complete(action, action.run())
    assert engine.view.step_id == "open" and engine.view.display["door"] == READY_DOOR
    shown = []
    action = engine.pending_action()
    engine.complete(action, action.run(shown.append))
    assert shown == [{"door": READY_DOOR, "phase": "open"}]
