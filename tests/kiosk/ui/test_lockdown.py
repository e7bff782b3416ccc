"""Someone with a USB keyboard reaches nothing but the kiosk: no shortcut closes it or leaves it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.ui.guards import is_blocked
from tests.kiosk.ui.helpers import find

M = Qt.KeyboardModifier


@pytest.mark.parametrize(
    ("key", "modifiers", "logged"),
    [
        (Qt.Key.Key_F4, M.AltModifier, "Alt-F4"),
        (Qt.Key.Key_Tab, M.AltModifier, "Alt-Tab"),
        (Qt.Key.Key_Q, M.ControlModifier, "Ctrl-Q"),
        (Qt.Key.Key_W, M.ControlModifier, "Ctrl-W"),
        (Qt.Key.Key_Backspace, M.ControlModifier | M.AltModifier, "Ctrl-Alt-Backspace"),
        (Qt.Key.Key_Escape, M.NoModifier, "Esc"),
        (Qt.Key.Key_F11, M.NoModifier, "F11"),
        (Qt.Key.Key_Super_L, M.NoModifier, None),
    ],
)
def test_shortcuts_are_swallowed_and_logged(kiosk, qtbot, log_lines, key, modifiers, logged):
    kiosk.window.requestActivate()
    QTest.keyClick(kiosk.window, key, modifiers)
    assert kiosk.window.isVisible()
    assert kiosk.shell.screen == "attract"
    blocked = [e["key"] for e in log_lines.events("security.shortcut_blocked")]
    assert len(blocked) == 1
    if logged:
        assert blocked == [logged]


def test_closing_the_window_is_refused(kiosk):
    kiosk.window.close()
    assert kiosk.window.isVisible()


def test_plain_typing_still_reaches_a_text_field(kiosk, qtbot, log_lines):
    kiosk.shell.setLanguage("en")  # in Chinese, letters go to the pinyin composer first
    kiosk.shell.start()
    qtbot.waitUntil(lambda: find(kiosk, "searchField") is not None)
    field = find(kiosk, "searchField")
    field.forceActiveFocus()
    for char in "photo":
        QTest.keyClick(kiosk.window, char)
    assert field.property("text") == "photo"
    assert log_lines.events("security.shortcut_blocked") == []


def test_shift_for_capitals_is_not_a_command():
    assert not is_blocked(Qt.Key.Key_A, M.ShiftModifier)
    assert not is_blocked(Qt.Key.Key_Return, M.NoModifier)
