"""Out of service: the citizen side says so in both languages and starts nothing, through a restart too,
until a technician puts the terminal back in service."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

from tests.kiosk.maintenance.kiosks import make_tech_kiosk, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap, visible_texts


def enter(kiosk, qtbot):
    assert kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(kiosk, "maintenanceScreen") is not None)


def take_out_of_service(kiosk, qtbot):
    enter(kiosk, qtbot)
    tap(kiosk, "outOfServiceToggle")
    assert find(kiosk, "serviceState").property("text") == "已暂停服务：市民无法办理业务"
    tap(kiosk, "maintenanceExit")
    qtbot.waitUntil(lambda: find(kiosk, "outOfServiceScreen") is not None)


def test_citizens_see_out_of_service_in_both_languages_and_can_start_nothing(tech_kiosk, qtbot, log_lines):
    take_out_of_service(tech_kiosk, qtbot)
    texts = visible_texts(tech_kiosk)
    assert texts.index("暂停服务") < texts.index("Temporarily out of service")  # Chinese first
    assert "本机正在维护，请使用其他自助终端或前往人工窗口办理。" in texts

    tap(tech_kiosk, "outOfServiceTitle")  # a citizen touches the screen
    tech_kiosk.shell.start()              # ... or anything else tries to start a session
    assert tech_kiosk.shell.session is None and tech_kiosk.shell.screen == "attract"
    tech_kiosk.shell.openService("id_card_replace")
    assert tech_kiosk.shell.screen == "attract"
    assert log_lines.events("maintenance.out_of_service")[0]["enabled"] is True
    assert log_lines.events("session.started") == []


def test_out_of_service_survives_a_restart_and_a_technician_puts_it_back(make_tech_kiosk, qtbot):
    take_out_of_service(make_tech_kiosk(), qtbot)

    kiosk = make_tech_kiosk()  # power cycle
    qtbot.waitUntil(lambda: find(kiosk, "outOfServiceScreen") is not None)
    assert kiosk.shell.outOfService
    enter(kiosk, qtbot)
    assert find(kiosk, "outOfServiceToggle").property("text") == "恢复服务"
    tap(kiosk, "outOfServiceToggle")
    assert find(kiosk, "serviceState").property("text") == "正常服务中"
    tap(kiosk, "maintenanceExit")
    qtbot.waitUntil(lambda: find(kiosk, "maintenanceScreen") is None
                    and find(kiosk, "outOfServiceScreen") is None)
    kiosk.shell.start()
    assert kiosk.shell.screen == "catalogue"


def test_the_corner_still_opens_the_pin_pad_while_out_of_service(tech_kiosk, qtbot):
    take_out_of_service(tech_kiosk, qtbot)
    screen = find(tech_kiosk, "outOfServiceScreen")
    corner = next(c for c in screen.childItems() if c.objectName() == "maintenanceCorner")
    assert corner.isVisible() and (corner.x(), corner.y()) == (0, 0)
    tech_kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinPad") is not None)
