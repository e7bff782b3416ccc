"""The application-wide event filter of a kiosk: signs of life, and no way out by keyboard.

Every press, touch or key is activity (it keeps the citizen's session alive). A key combination that a
desktop would act on (Alt+F4, Alt+Tab, Ctrl+Q, Ctrl+W, the Super key, F-keys, Escape ...) is swallowed and
logged, so someone with a USB keyboard reaches nothing but the kiosk. Plain typing still reaches text
fields. The hidden technician entry (the diagnostics work) is the only way out.

A kiosk window that is meant to be full screen (Main.qml's kioskFullScreen) and is taken out of it, by a
window manager on a development screen or by a request nobody should have made, goes back at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QWindow

from kiosk.log import log_event

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}
_SYSTEM_KEYS = {
    Qt.Key.Key_Escape, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Meta, Qt.Key.Key_Menu,
    Qt.Key.Key_Close, Qt.Key.Key_PowerOff, Qt.Key.Key_Sleep, Qt.Key.Key_Suspend, Qt.Key.Key_Hibernate,
    Qt.Key.Key_Exit, Qt.Key.Key_Print, Qt.Key.Key_SysReq, Qt.Key.Key_Launch0, Qt.Key.Key_LaunchMail,
    Qt.Key.Key_Explorer, Qt.Key.Key_HomePage, Qt.Key.Key_Search, Qt.Key.Key_TaskPane,
}
_FUNCTION_KEYS = range(Qt.Key.Key_F1.value, Qt.Key.Key_F35.value + 1)
_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
)


_PLAIN_MODIFIERS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_AltGr}


def is_blocked(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """True for a key that a desktop, a browser or Qt itself would treat as a command."""
    if key in _PLAIN_MODIFIERS:
        return False  # alone it does nothing; the key pressed with it is judged
    if key in _SYSTEM_KEYS or key in _FUNCTION_KEYS:
        return True
    return bool(modifiers & _COMMAND_MODIFIERS)


def key_name(event: QKeyEvent) -> str:
    # "Alt+F4" is logged as "Alt-F4": log codes are plain tokens.
    return (QKeySequence(event.keyCombination()).toString() or f"key-{event.key():x}").replace("+", "-")


class KioskGuard(QObject):
    activity = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in _ACTIVITY:
            self.activity.emit()
        if kind == QEvent.Type.WindowStateChange and isinstance(watched, QWindow):
            _keep_full_screen(watched)
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
            if is_blocked(event.key(), event.modifiers()):
                if kind == QEvent.Type.KeyPress:
                    log_event("security.shortcut_blocked", key=key_name(event))
                event.accept()
                return True
        return False


def _keep_full_screen(window: QWindow) -> None:
    """Back to full screen, after the state change is done, if this kiosk window should be full screen."""
    if window.property("kioskFullScreen") and not window.windowStates() & Qt.WindowState.WindowFullScreen:
        QTimer.singleShot(0, window, window.showFullScreen)
