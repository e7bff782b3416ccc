"""The hidden way into maintenance mode: a long press on the attract screen's corner, the PIN pad, the
technician card; and what a wrong PIN or a citizen's session does."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from tests.kiosk.maintenance.kiosks import enter_pin, make_tech_kiosk, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap, visible_texts


def test_a_long_press_on_the_corner_opens_the_pin_pad_and_the_right_pin_enters(tech_kiosk, qtbot, log_lines):
    tech_kiosk.window.grabWindow()
    corner = QPoint(40, 40)
    QTest.mousePress(tech_kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    # the press is held: the pad opens after 3 s, on the corner's own timer
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinPad") is not None, timeout=6000)
    QTest.mouseRelease(tech_kiosk.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, corner)
    assert tech_kiosk.shell.session is None  # the long press started no citizen's session
    assert "技术人员请输入维护密码" in visible_texts(tech_kiosk)

    enter_pin(tech_kiosk)
    qtbot.waitUntil(lambda: find(tech_kiosk, "maintenanceScreen") is not None)
    assert find(tech_kiosk, "pinPad") is None
    assert "维护模式" in visible_texts(tech_kiosk) and "已用维护密码进入" in visible_texts(tech_kiosk)
    assert [e["who"] for e in log_lines.events("maintenance.entered")] == ["pin"]


def test_a_short_touch_on_the_corner_is_an_ordinary_touch(tech_kiosk, qtbot):
    tap(tech_kiosk, "maintenanceCorner")
    qtbot.waitUntil(lambda: tech_kiosk.shell.screen == "catalogue")
    assert tech_kiosk.maintenance.screen == ""


def test_the_pin_shows_as_dots_and_never_reaches_the_screen(tech_kiosk, qtbot):
    tech_kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinPad") is not None)
    for digit in "258":
        tap(tech_kiosk, f"pinDigit{digit}")
    assert tech_kiosk.maintenance.pinDigits == 3
    dots = find(tech_kiosk, "pinDots")
    filled = [d for d in dots.childItems()
              if d.inherits("QQuickRectangle") and d.property("color").name() == "#ffffff"]
    assert len(filled) == 3
    assert not any("258" in t for t in visible_texts(tech_kiosk))
    tap(tech_kiosk, "pinDelete")
    assert tech_kiosk.maintenance.pinDigits == 2
    tap(tech_kiosk, "pinClear")
    assert tech_kiosk.maintenance.pinDigits == 0


def test_a_wrong_pin_says_how_many_attempts_are_left(tech_kiosk, qtbot, log_lines):
    tech_kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinPad") is not None)
    enter_pin(tech_kiosk, "7391")
    assert find(tech_kiosk, "pinMessage").property("text") == "密码错误，还可尝试 4 次，之后将暂时锁定。"
    assert tech_kiosk.maintenance.pinDigits == 0 and tech_kiosk.maintenance.screen == "pin"
    assert log_lines.events("maintenance.pin_refused")[0]["attempts_left"] == 4
    assert "7391" not in log_lines.text()

    tech_kiosk.shell.setLanguage("en")
    assert find(tech_kiosk, "pinMessage").property("text") == \
        "Wrong PIN. 4 attempts left before the entry locks."


def test_cancel_goes_back_to_the_attract_screen(tech_kiosk, qtbot):
    tech_kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinPad") is not None)
    tap(tech_kiosk, "pinCancel")
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinPad") is None)
    assert find(tech_kiosk, "attractScreen") is not None


def test_an_abandoned_pin_pad_goes_away_by_itself(tech_kiosk, qtbot, clock):
    tech_kiosk.maintenance.openPinPad()
    clock.now += 61
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.screen == "", timeout=3000)  # the pad's own timer


def test_without_a_configured_pin_the_pad_says_to_use_a_technician_card(make_tech_kiosk, qtbot):
    kiosk = make_tech_kiosk(pin=False)
    kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(kiosk, "pinPad") is not None)
    assert "本机未启用维护密码，请在读卡器上刷技术员卡。" in visible_texts(kiosk)
    assert find(kiosk, "pinDigit5") is None and find(kiosk, "pinEnter") is None
    assert find(kiosk, "pinCancel") is not None

    assert kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(kiosk, "maintenanceScreen") is not None)


def test_a_technician_card_enters_from_the_attract_screen(tech_kiosk, qtbot, log_lines):
    assert tech_kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "maintenanceScreen") is not None)
    assert "已用技术员卡进入" in visible_texts(tech_kiosk)
    assert [e["who"] for e in log_lines.events("maintenance.entered")] == ["card"]


def test_another_card_is_refused_and_the_pad_says_so(tech_kiosk, qtbot, log_lines):
    tech_kiosk.maintenance.openPinPad()
    assert tech_kiosk.maintenance.technician_card("04FFFFFFFF9999") == "maintenance.card_unknown"
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinMessage") is not None)
    assert find(tech_kiosk, "pinMessage").property("text") == "此卡不是技术员卡。"
    assert log_lines.events("maintenance.card_refused")[0]["card"].endswith("9999")


def test_a_citizens_session_is_never_torn_away_by_a_card_or_the_corner(tech_kiosk, qtbot):
    tech_kiosk.shell.start()
    assert tech_kiosk.maintenance.technician_card(CARD) == "maintenance.citizen_session"
    tech_kiosk.maintenance.openPinPad()
    assert tech_kiosk.maintenance.screen == ""
    assert tech_kiosk.shell.screen == "catalogue"
