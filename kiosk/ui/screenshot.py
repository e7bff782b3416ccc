"""`kiosk screenshot SCREEN`: put the shell in a named state and save one frame as a PNG, offscreen.

Used for the README, for reviewing every screen in both languages and both orientations, and by tests.
The clock is a fake one, so the idle countdown shows a known number.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QObject
from PySide6.QtGui import QGuiApplication, QImage

from kiosk.ui.screen_names import SCREENS  # noqa: F401 (re-exported)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wait_until(condition: Callable[[], bool], timeout_ms: int = 5000) -> None:
    """Run the event loop until `condition()` holds; TimeoutError if it never does."""
    deadline = QDeadlineTimer(timeout_ms)
    app = QGuiApplication.instance()
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError("the screen did not reach the requested state in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def find(window, name: str) -> QObject | None:
    """The visible item called `name` on the window (a screen being replaced lingers until Qt deletes it
    later, so hidden ones are skipped). Walks the visual tree: a Repeater's items have no QObject parent."""

    def walk(item):
        if not item.isVisible():
            return None
        if item.objectName() == name:
            return item
        for child in item.childItems():
            found = walk(child)
            if found is not None:
                return found
        return None

    return walk(window.contentItem())


def stage(kapp, screen: str, clock: FakeClock, *, online: bool, waiting: int) -> None:
    """Drive the real shell, through its slots, into the state a screen name stands for."""
    shell = kapp.shell
    shell.setNetwork(online, waiting)
    if screen == "attract":
        return
    shell.start()
    if screen == "search":
        window = kapp.window
        wait_until(lambda: find(window, "keyboard") is not None)
        field = find(window, "searchField")
        field.forceActiveFocus()
        QGuiApplication.inputMethod().show()
        keyboard = find(window, "keyboard")
        wait_until(lambda: keyboard.property("active") and keyboard.height() > 0)
    elif screen == "service":
        shell.setNetwork(True, waiting)
        shell.openService("id_card_replace")
    elif screen == "offline-notice":
        shell.setNetwork(False, waiting)
        shell.openService("id_card_replace")
    elif screen == "idle":
        clock.now += kapp.config.ui.idle_timeout_s + 3
        shell.tick()


def render(kapp) -> QImage:
    window = kapp.window
    wait_until(lambda: window.isExposed())
    QGuiApplication.processEvents()
    image = window.grabWindow()
    if image.isNull():
        raise RuntimeError("Qt returned an empty frame")
    return image


def save(image: QImage, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")
