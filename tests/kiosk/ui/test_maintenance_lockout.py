"""Five wrong PINs lock the PIN pad for a growing time, with a security alert; a restart does not unlock."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

from tests.kiosk.maintenance.kiosks import enter_pin, make_tech_kiosk, tech_kiosk
from tests.kiosk.maintenance.secrets import PIN
from tests.kiosk.ui.helpers import find, tap


def open_pad(kiosk, qtbot):
    kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(kiosk, "pinPad") is not None)


def message(kiosk):
    return find(kiosk, "pinMessage").property("text")


def test_five_wrong_pins_lock_the_pad_and_say_for_how_long(tech_kiosk, qtbot, clock, log_lines):
    open_pad(tech_kiosk, qtbot)
    for _ in range(5):
        enter_pin(tech_kiosk, "7391")
    assert message(tech_kiosk) == "密码错误次数过多，请 1 分 0 秒后再试。"
    assert find(tech_kiosk, "pinDigit5") is None  # no keys while locked
    alert = log_lines.events("maintenance.locked")
    assert len(alert) == 1 and alert[0]["type"] == "security" and alert[0]["seconds"] == 60

    clock.now += 35
    qtbot.waitUntil(lambda: message(tech_kiosk) == "密码错误次数过多，请 25 秒后再试。", timeout=3000)
    tap(tech_kiosk, "pinPad")  # a touch keeps the pad open; it takes no digits while locked
    tech_kiosk.maintenance.pressDigit(2)
    assert tech_kiosk.maintenance.pinDigits == 0

    clock.now += 25
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinDigit5") is not None, timeout=3000)
    enter_pin(tech_kiosk)
    qtbot.waitUntil(lambda: find(tech_kiosk, "maintenanceScreen") is not None)


def test_the_lock_outlives_a_restart_on_the_same_store(make_tech_kiosk, qtbot, clock):
    kiosk = make_tech_kiosk()
    open_pad(kiosk, qtbot)
    for _ in range(5):
        enter_pin(kiosk, "7391")

    clock.now += 10
    kiosk = make_tech_kiosk()  # power cycle
    open_pad(kiosk, qtbot)
    assert message(kiosk) == "密码错误次数过多，请 50 秒后再试。"
    kiosk.maintenance.pressDigit(2)
    kiosk.maintenance.submitPin()
    assert kiosk.maintenance.screen == "pin"


def test_the_second_lock_lasts_twice_as_long(tech_kiosk, qtbot, clock):
    open_pad(tech_kiosk, qtbot)
    for _ in range(5):
        enter_pin(tech_kiosk, "7391")
    clock.now += 60  # the technician went away; the pad closed by itself; they come back
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.screen == "", timeout=3000)
    open_pad(tech_kiosk, qtbot)
    assert find(tech_kiosk, "pinDigit5") is not None
    for _ in range(5):
        enter_pin(tech_kiosk, "7391")
    assert message(tech_kiosk) == "密码错误次数过多，请 2 分 0 秒后再试。"
    tech_kiosk.shell.setLanguage("en")
    assert message(tech_kiosk) == "Too many wrong PINs. Try again in 2 min 0 s."
    assert tech_kiosk.maintenance.gate.try_pin(PIN).code == "maintenance.locked"
