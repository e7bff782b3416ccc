"""The entry to maintenance mode over a real store: PINs, the lockout that outlives a restart, cards,
the idle timeout, out of service, and the log lines each leaves (never the PIN or the card's ID)."""

from kiosk.maintenance.gate import MaintenanceGate
from kiosk.maintenance.lockout import LockoutPolicy
from kiosk.maintenance.persist import Settings
from kiosk.maintenance.pin import parse_hash
from tests.kiosk.maintenance.secrets import CARD, CARD_HASH, PIN, PIN_HASH


def gate(store, clock, *, pin=True):
    return MaintenanceGate(pin_hash=parse_hash(PIN_HASH) if pin else None,
                           card_hashes=[parse_hash(CARD_HASH)], policy=LockoutPolicy(5, 60, 3600), settings=Settings(store), idle_timeout_s=300,
                           wall_clock=clock, clock=clock)


def test_the_right_pin_enters_and_the_exit_is_logged_with_who_and_why(open_store, clock, log_lines):
    g = gate(open_store(), clock)
    entry = g.try_pin(PIN)
    assert entry.entered and g.session.who == "pin"
    clock.now += 95
    g.exit("exit")
    assert g.session is None
    assert [e["who"] for e in log_lines.events("maintenance.entered")] == ["pin"]
    exited = log_lines.events("maintenance.exited")
    assert (exited[0]["who"], exited[0]["reason"], exited[0]["duration_s"]) == ("pin", "exit", 95)
    assert PIN not in log_lines.text()


def test_five_wrong_pins_lock_raise_an_alert_and_a_restart_does_not_unlock(open_store, clock, log_lines):
    g = gate(open_store(), clock)
    answers = [g.try_pin("1111") for _ in range(5)]
    assert [a.attempts_left for a in answers[:4]] == [4, 3, 2, 1]
    assert answers[4].code == "maintenance.locked" and answers[4].seconds_left == 60
    alert = log_lines.events("maintenance.locked")
    assert alert[0]["type"] == "security" and alert[0]["level"] == "error" and alert[0]["seconds"] == 60
    assert len(log_lines.events("maintenance.pin_refused")) == 4

    clock.now += 20
    again = gate(open_store(), clock)  # power cycle: a new process on the same store
    assert again.try_pin(PIN).code == "maintenance.locked"
    assert again.seconds_locked() == 40
    clock.now += 40
    assert again.try_pin(PIN).entered


def test_the_count_of_wrong_pins_also_survives_a_restart(open_store, clock):
    g = gate(open_store(), clock)
    for _ in range(3):
        g.try_pin("1111")
    assert gate(open_store(), clock).try_pin("1111").attempts_left == 1


def test_a_technician_card_enters_even_while_pin_entry_is_locked_and_clears_the_lock(open_store, clock,
                                                                                   log_lines):
    g = gate(open_store(), clock)
    for _ in range(5):
        g.try_pin("1111")
    assert g.try_card(CARD).entered and g.session.who == "card"
    assert g.seconds_locked() == 0
    assert log_lines.events("maintenance.entered")[0]["who"] == "card"


def test_an_unknown_card_is_refused_and_logged_masked(open_store, clock, log_lines):
    g = gate(open_store(), clock)
    answer = g.try_card("04FFFFFFFF1234")
    assert not answer.entered and answer.code == "maintenance.card_unknown"
    refused = log_lines.events("maintenance.card_refused")
    assert refused[0]["card"] == "**********1234"


def test_without_a_pin_hash_pin_entry_is_off(open_store, clock):
    g = gate(open_store(), clock, pin=False)
    assert not g.pin_enabled
    assert g.try_pin(PIN).code == "maintenance.pin_disabled"
    assert g.try_card(CARD).entered


def test_maintenance_times_out_after_the_idle_time_and_a_touch_restarts_it(open_store, clock):
    g = gate(open_store(), clock)
    g.try_pin(PIN)
    clock.now += 299
    assert not g.timed_out()
    g.touch()
    clock.now += 299
    assert not g.timed_out() and g.seconds_to_timeout() == 1
    clock.now += 1
    assert g.timed_out()


def test_out_of_service_is_kept_through_a_restart_and_logged(open_store, clock, log_lines):
    g = gate(open_store(), clock)
    g.try_card(CARD)
    g.set_out_of_service(True)
    assert gate(open_store(), clock).out_of_service
    assert log_lines.events("maintenance.out_of_service")[0] | {"enabled": True, "who": "card"} == \
        log_lines.events("maintenance.out_of_service")[0]
