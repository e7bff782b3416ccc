"""Claim: no keyboard shortcut or gesture leaves the kiosk or opens anything but the technician entry.

Someone plugs a USB keyboard in (or a keyboard-wedge scanner types what its QR code says) and tries every
combination a desktop, a compositor or Qt acts on; a citizen presses and swipes anywhere. The kiosk window,
full screen as on the terminal, stays open, full screen, on its screen, with no other window; the citizen's
screen stays where it was. Only a 3-second press on the top-left corner opens something: the PIN pad.
The compositor's own escape (switching virtual terminals) is off: cage runs without -s."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtTest import QTest

from kiosk.config import load_config
from kiosk.flow_setup import FlowRuntime
from kiosk.store import Store
from kiosk.ui.app import KioskApp
from tests.kiosk.ui.helpers import find

K, M = Qt.Key, Qt.KeyboardModifier
CTRL, ALT, SHIFT, META = M.ControlModifier, M.AltModifier, M.ShiftModifier, M.MetaModifier
UNIT = Path(__file__).resolve().parents[2] / "packaging/root/lib/systemd/system/kiosk.service"
HOLD_MS = 3000  # MaintenanceCorner.qml pressAndHoldInterval

COMBINATIONS = [
    (K.Key_F4, ALT), (K.Key_Q, CTRL), (K.Key_W, CTRL), (K.Key_Escape, M.NoModifier), (K.Key_F11, M.NoModifier),
    (K.Key_Tab, ALT), (K.Key_Tab, ALT | SHIFT), (K.Key_Backspace, CTRL | ALT), (K.Key_Delete, CTRL | ALT),
    (K.Key_F1, CTRL | ALT), (K.Key_F2, CTRL | ALT), (K.Key_F7, CTRL | ALT), (K.Key_Super_L, M.NoModifier),
    (K.Key_Super_R, M.NoModifier), (K.Key_Meta, M.NoModifier), (K.Key_D, META), (K.Key_L, META),
    (K.Key_I, CTRL | SHIFT), (K.Key_J, CTRL | SHIFT), (K.Key_C, CTRL), (K.Key_V, CTRL), (K.Key_X, CTRL),
    (K.Key_A, CTRL), (K.Key_Z, CTRL), (K.Key_P, CTRL), (K.Key_O, CTRL), (K.Key_N, CTRL), (K.Key_T, CTRL),
    (K.Key_Space, ALT), (K.Key_Escape, CTRL), (K.Key_F1, M.NoModifier), (K.Key_F5, M.NoModifier),
    (K.Key_F12, M.NoModifier), (K.Key_Print, M.NoModifier), (K.Key_Menu, M.NoModifier),
    (K.Key_Plus, CTRL), (K.Key_Minus, CTRL), (K.Key_Return, ALT), (K.Key_Left, ALT),
]
IDS = [f"{m.value:x}-{k.name}" for k, m in COMBINATIONS]
#: keys of a multimedia keyboard, which QTest cannot type: sent as the key events the platform would send
MEDIA_KEYS = (K.Key_PowerOff, K.Key_Sleep, K.Key_Suspend, K.Key_Close, K.Key_Exit, K.Key_Explorer,
              K.Key_LaunchMail, K.Key_HomePage, K.Key_Search)


@pytest.fixture
def terminal(qapp, qtbot, tmp_path, clock, log_lines):
    """The kiosk as `kiosk run` shows it on the terminal: full screen, with the services on a real store."""
    path = tmp_path / "kiosk.toml"
    path.write_text("", encoding="utf-8")
    store = Store.open(tmp_path / "store")
    kapp = KioskApp(load_config(path, env={}, simulate=True), store=store, voice_engine="mock",
                    full_screen=True, size=(1080, 1920), clock=clock)
    kapp.attach_flows(FlowRuntime.create(store))
    kapp.shell.setNetwork(True, 0)
    qtbot.waitUntil(lambda: kapp.window.grabWindow() is not None and kapp._first_frame_seen)
    kapp.window.requestActivate()
    yield kapp
    kapp.close()
    store.close()
    qapp.processEvents()


class Seen:
    """What someone at the screen sees: the window, where it is, and which screen of the kiosk is up."""

    def __init__(self, kapp):
        self.kapp = kapp
        self.before = self.now()

    def now(self):
        """Plain values only: a failed comparison prints them, and nothing in it can have been deleted since."""
        window = self.kapp.window
        geometry = window.geometry()
        return {"visible": window.isVisible(), "visibility": window.visibility().name,
                "screen": window.screen().name(), "geometry": (geometry.x(), geometry.y(), geometry.width(),
                                                               geometry.height()),
                "windows": shown_windows(), "kiosk_screen": self.kapp.shell.screen, "step": self.kapp.flow.stepId,
                "maintenance": self.kapp.maintenance.screen}

    def unchanged(self):
        QGuiApplication.processEvents()
        assert self.now() == self.before
        assert self.before["visible"] and self.before["visibility"] == QWindow.Visibility.FullScreen.name


def shown_windows() -> list[str]:
    """The windows on screen, by name and title (another test's hidden window may still be on its way out).
    (Not by metaObject(): a wrapper of a QML window's metaobject outlives the window, and a later window at
    the same address is then handed out as that wrapper.)"""
    return sorted(f"{w.objectName()} {w.title()!r}" for w in QGuiApplication.topLevelWindows() if w.isVisible())


def hold(kapp, qtbot, point):
    """Press at `point` and keep the finger there a little longer than the technician's 3 seconds."""
    kapp.window.grabWindow()
    QTest.mousePress(kapp.window, Qt.MouseButton.LeftButton, M.NoModifier, point)
    held = QTimer()
    held.setSingleShot(True)
    with qtbot.waitSignal(held.timeout, timeout=HOLD_MS + 3000):
        held.start(HOLD_MS + 300)


def release(kapp, point):
    QTest.mouseRelease(kapp.window, Qt.MouseButton.LeftButton, M.NoModifier, point)


# ---- keys ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "modifiers"), COMBINATIONS, ids=IDS)
def test_no_combination_leaves_or_opens_anything_on_the_attract_screen(terminal, key, modifiers, log_lines):
    seen = Seen(terminal)
    QTest.keyClick(terminal.window, key, modifiers)
    seen.unchanged()
    assert log_lines.events("security.shortcut_blocked")  # the attempt is on record (Meta is one itself)


def type_text(kapp, text):
    for char in text:
        QTest.keyClick(kapp.window, char)


def test_media_keys_are_swallowed_too(terminal, log_lines):
    seen = Seen(terminal)
    for key in MEDIA_KEYS:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QGuiApplication.sendEvent(terminal.window, QKeyEvent(kind, key, M.NoModifier))
    seen.unchanged()
    assert len(log_lines.events("security.shortcut_blocked")) == len(MEDIA_KEYS)


def test_no_combination_works_in_a_text_field_and_typing_still_does(terminal, qtbot, log_lines):
    terminal.shell.start()
    terminal.shell.openService("rating")
    qtbot.waitUntil(lambda: terminal.flow.stepId == "what")
    terminal.flow.submit("not_done", {})  # what the option's button calls (the 800x800 offscreen screen
    qtbot.waitUntil(lambda: find(terminal, "field_contact_phone") is not None)  # cuts the 1080x1920 layout)
    field = find(terminal, "field_contact_phone")
    field.forceActiveFocus()
    type_text(terminal, "138")
    assert field.property("text") == "138"
    seen = Seen(terminal)
    for key, modifiers in COMBINATIONS:
        QTest.keyClick(terminal.window, key, modifiers)
    seen.unchanged()
    assert field.property("text") == "138"  # no select-all, cut, paste or undo reached it
    assert len(log_lines.events("security.shortcut_blocked")) >= len(COMBINATIONS)
    type_text(terminal, "00138000")
    assert field.property("text") == "13800138000"


def test_a_scanner_typing_on_the_attract_screen_opens_nothing(terminal):
    seen = Seen(terminal)
    type_text(terminal, "KP1.eyJhIjoiQTEifQ.c2ln https://evil.example/ ")
    QTest.keyClick(terminal.window, K.Key_Return)
    QTest.keyClick(terminal.window, K.Key_Tab)
    seen.unchanged()


def test_the_window_cannot_be_closed_or_taken_out_of_full_screen(terminal, qtbot):
    seen = Seen(terminal)
    terminal.window.close()
    seen.unchanged()
    terminal.window.showNormal()  # what a window manager's "restore" amounts to
    qtbot.waitUntil(lambda: terminal.window.visibility() == QWindow.Visibility.FullScreen)
    seen.unchanged()


# ---- touches and gestures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["top_right", "centre", "bottom_left", "bottom_right"])
def test_a_long_press_anywhere_but_the_corner_opens_nothing(terminal, qtbot, where):
    size = terminal.window.size()
    point = {"top_right": QPoint(size.width() - 40, 40), "centre": QPoint(size.width() // 2, size.height() // 2),
             "bottom_left": QPoint(40, size.height() - 40),
             "bottom_right": QPoint(size.width() - 40, size.height() - 40)}[where]
    seen = Seen(terminal)
    hold(terminal, qtbot, point)
    seen.unchanged()
    release(terminal, point)
    pin_pad_shown = find(terminal, "pinPad") is not None
    assert terminal.maintenance.screen == "" and not pin_pad_shown


def test_swipes_from_every_edge_open_nothing(terminal):
    w, h = terminal.window.width(), terminal.window.height()
    swipes = [(QPoint(2, h // 2), QPoint(w - 2, h // 2)), (QPoint(w - 2, h // 2), QPoint(2, h // 2)),
              (QPoint(w // 2, 2), QPoint(w // 2, h - 2)), (QPoint(w // 2, h - 2), QPoint(w // 2, 2)),
              (QPoint(2, 2), QPoint(w - 2, h - 2))]
    for start, end in swipes:
        QTest.mousePress(terminal.window, Qt.MouseButton.LeftButton, M.NoModifier, start)
        for i in range(1, 11):
            QTest.mouseMove(terminal.window, start + (end - start) * (i / 10))
        QTest.mouseRelease(terminal.window, Qt.MouseButton.LeftButton, M.NoModifier, end)
        assert terminal.window.isVisible() and terminal.window.visibility() == QWindow.Visibility.FullScreen
        assert terminal.maintenance.screen == "" and len(shown_windows()) == 1, shown_windows()


def test_the_3_second_press_on_the_top_left_corner_opens_the_pin_pad_only(terminal, qtbot):
    seen = Seen(terminal)
    corner = QPoint(40, 40)
    terminal.window.grabWindow()
    QTest.mousePress(terminal.window, Qt.MouseButton.LeftButton, M.NoModifier, corner)
    qtbot.waitUntil(lambda: find(terminal, "pinPad") is not None, timeout=HOLD_MS + 3000)
    release(terminal, corner)
    assert terminal.maintenance.screen == "pin" and terminal.shell.session is None
    assert seen.now() | {"maintenance": ""} == seen.before  # the same window, nothing else opened


# ---- the compositor ---------------------------------------------------------------------------------------


def test_cage_runs_without_virtual_terminal_switching():
    exec_lines = [line.split("=", 1)[1] for line in UNIT.read_text().splitlines() if line.startswith("ExecStart=")]
    cage = [line for line in exec_lines if line.split()[0].endswith("/cage")]
    assert len(cage) == 1
    options = cage[0].split(" -- ", 1)[0].split()[1:]
    assert options and not any(re.fullmatch(r"-[a-zA-Z]*s[a-zA-Z]*", o) for o in options), options
    assert " -- /usr/bin/kiosk run" in cage[0]  # cage shows the kiosk only, and exits with it
