"""Leaving maintenance mode: the Exit button, or by itself after the idle time; each logged with who and why,
and the next citizen starts from the terminal's defaults."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

from tests.kiosk.maintenance.kiosks import enter_pin, make_tech_kiosk, tech_kiosk
from tests.kiosk.ui.helpers import find, tap


def enter(kiosk, qtbot):
    kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(kiosk, "pinPad") is not None)
    enter_pin(kiosk)
    qtbot.waitUntil(lambda: find(kiosk, "maintenanceScreen") is not None)


def test_maintenance_times_out_back_to_the_attract_screen(tech_kiosk, qtbot, clock, log_lines):
    enter(tech_kiosk, qtbot)
    clock.now += 299
    tap(tech_kiosk, "maintenanceBoard")  # a touch: the technician is still working
    clock.now += 299
    tech_kiosk.maintenance.tick()
    assert tech_kiosk.maintenance.screen == "board"
    clock.now += 1
    qtbot.waitUntil(lambda: find(tech_kiosk, "maintenanceScreen") is None, timeout=3000)  # its own timer
    assert find(tech_kiosk, "attractScreen") is not None
    exited = log_lines.events("maintenance.exited")
    assert [(e["who"], e["reason"], e["duration_s"]) for e in exited] == [("pin", "timeout", 599)]


def test_the_exit_button_leaves_and_the_language_returns_to_the_default(tech_kiosk, qtbot, log_lines):
    enter(tech_kiosk, qtbot)
    tap(tech_kiosk, "maintenanceLanguage")
    assert tech_kiosk.shell.language == "en"
    assert find(tech_kiosk, "maintenanceExit").property("text") == "Exit"
    tap(tech_kiosk, "maintenanceExit")
    qtbot.waitUntil(lambda: find(tech_kiosk, "maintenanceScreen") is None)
    assert tech_kiosk.shell.language == "zh"
    assert [e["reason"] for e in log_lines.events("maintenance.exited")] == ["exit"]


def test_a_configured_idle_time_is_used(make_tech_kiosk, qtbot, clock):
    kiosk = make_tech_kiosk(extra="idle_timeout_s = 60\n")
    enter(kiosk, qtbot)
    clock.now += 60
    kiosk.maintenance.tick()
    assert kiosk.maintenance.screen == ""
