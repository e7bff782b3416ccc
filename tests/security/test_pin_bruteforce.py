"""Claim: the maintenance PIN cannot be brute-forced from the screen. Five wrong PINs lock the pad, each
further lock lasts twice as long (up to an hour), a power cycle does not unlock it, every lock raises a
security alert, and a locked pad checks no PIN at all (not even the right one). Under that policy, guessing
a 6-digit PIN takes years (kiosk/security/bruteforce.py; the figure is in docs/threat-model.md)."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py by tests/security/conftest.py.

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.maintenance.lockout import LockoutPolicy
from kiosk.security.bruteforce import YEAR_S, expected_seconds, locked_seconds
from tests.kiosk.maintenance.kiosks import enter_pin
from tests.kiosk.maintenance.secrets import PIN
from tests.kiosk.ui.helpers import find

WRONG = ("7391", "1470", "8520", "9630", "3571")


def open_pad(kapp, qtbot):
    kapp.maintenance.openPinPad()  # what the 3-second press on the corner calls (tests/security/test_shortcuts.py)
    qtbot.waitUntil(lambda: find(kapp, "pinPad") is not None)


def message(kapp):
    return find(kapp, "pinMessage").property("text")


def guess_five(kapp):
    for pin in WRONG:
        enter_pin(kapp, pin)


def test_five_wrong_pins_lock_the_pad_and_raise_an_alert(tech_kiosk, qtbot, log_lines):
    open_pad(tech_kiosk, qtbot)
    guess_five(tech_kiosk)
    assert message(tech_kiosk) == "密码错误次数过多，请 1 分 0 秒后再试。"
    assert find(tech_kiosk, "pinDigit1") is None and find(tech_kiosk, "pinEnter") is None  # no keys to press
    alerts = log_lines.events("maintenance.locked")
    assert [(a["type"], a["seconds"]) for a in alerts] == [("security", 60)]
    assert PIN not in log_lines.text() and not any(pin in log_lines.text() for pin in WRONG)


def test_the_right_pin_is_not_even_checked_while_locked(tech_kiosk, qtbot):
    open_pad(tech_kiosk, qtbot)
    guess_five(tech_kiosk)
    for digit in PIN:  # the slots the keys would call, should a keyboard reach them
        tech_kiosk.maintenance.pressDigit(int(digit))
    tech_kiosk.maintenance.submitPin()
    assert tech_kiosk.maintenance.screen == "pin" and find(tech_kiosk, "maintenanceScreen") is None
    assert tech_kiosk.maintenance.gate.try_pin(PIN).code == "maintenance.locked"


def test_each_lock_is_longer_and_a_restart_does_not_shorten_it(make_tech_kiosk, qtbot, clock, log_lines):
    kapp = make_tech_kiosk()
    open_pad(kapp, qtbot)
    guess_five(kapp)
    clock.now += 60
    qtbot.waitUntil(lambda: kapp.maintenance.screen == "", timeout=3000)  # the pad closed by itself
    open_pad(kapp, qtbot)
    guess_five(kapp)
    assert message(kapp) == "密码错误次数过多，请 2 分 0 秒后再试。"

    clock.now += 30
    kapp = make_tech_kiosk()  # the power is cut and comes back
    open_pad(kapp, qtbot)
    assert message(kapp) == "密码错误次数过多，请 1 分 30 秒后再试。"
    assert find(kapp, "pinDigit1") is None
    assert [a["seconds"] for a in log_lines.events("maintenance.locked")] == [60, 120]

    clock.now += 90
    qtbot.waitUntil(lambda: kapp.maintenance.screen == "", timeout=3000)  # left alone, the pad closed
    open_pad(kapp, qtbot)
    assert find(kapp, "pinDigit1") is not None
    guess_five(kapp)  # the count of locks survived the restart too: the third lock is longer again
    assert message(kapp) == "密码错误次数过多，请 4 分 0 秒后再试。"


def test_the_kiosk_uses_the_policy_the_threat_model_counts_with(tech_kiosk):
    assert tech_kiosk.maintenance.gate.policy == LockoutPolicy(max_attempts=5, base_s=60, cap_s=3600)


def test_guessing_a_pin_on_the_screen_takes_years():
    policy = LockoutPolicy()
    assert locked_seconds(policy, 4) == 0 and locked_seconds(policy, 5) == 60
    assert locked_seconds(policy, 15) == 60 + 120 + 240
    assert locked_seconds(policy, 5 * 10) == 60 + 120 + 240 + 480 + 960 + 1920 + 4 * 3600
    six = expected_seconds(policy, 6)
    assert 11 * YEAR_S < six < 12 * YEAR_S  # the figure docs/threat-model.md states
    assert expected_seconds(policy, 4) > 40 * 24 * 3600  # even the shortest PIN allowed: weeks of guessing
    # The weakest settings the configuration accepts (lockout_base_s = 10, lockout_cap_s = 600) still leave
    # about two years for a 6-digit PIN (a cap of 10 s, once accepted, left three weeks).
    weakest = LockoutPolicy(base_s=10, cap_s=600)
    assert 1.9 * YEAR_S < expected_seconds(weakest, 6) < 2 * YEAR_S


def test_the_configuration_refuses_a_lock_short_enough_to_guess_through(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("[maintenance]\nlockout_cap_s = 599\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="lockout_cap_s: expected a whole number of seconds between 600"):
        load_config(path, env={})
    with pytest.raises(ConfigError, match="lockout_cap_s"):
        load_config(None, env={"KIOSK__MAINTENANCE__LOCKOUT_CAP_S": "10"})
