"""Between sessions, and held there: the UI side of "never mid-service" (a thin Qt adapter).

    hold = UiHold(shell, maintenance_open=lambda: kapp.maintenance.screen != "")   # made on the UI thread
    hold.try_hold()   # from the updater's thread: True once the terminal is held out of service
    hold.release()    # the installer never came: back in service

The question is answered on the UI thread, where every touch is handled, so nothing can start between the
check "no citizen session, no maintenance session" and the hold: the shell is put out of service in the same
slot, and starts nothing until the installer restarts the kiosk (or release() is called).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot


class Hold(Protocol):
    def try_hold(self) -> bool: ...

    def release(self) -> None: ...


class UiHold(QObject):
    _asked = Signal(object)  # a threading.Event plus a result list, from the updater's thread
    _released = Signal()

    def __init__(self, shell, *, maintenance_open: Callable[[], bool], answer_timeout_s: float = 10.0) -> None:
        super().__init__(shell)
        self._shell, self._maintenance_open = shell, maintenance_open
        self._timeout_s = answer_timeout_s
        self._held_by_us = False
        self._asked.connect(self._decide)
        self._released.connect(self._release)

    def try_hold(self) -> bool:
        """Called from another thread. False when a session is open, or the UI did not answer in time."""
        answered, result = threading.Event(), []
        self._asked.emit((answered, result))
        return answered.wait(self._timeout_s) and result == [True]

    def release(self) -> None:
        self._released.emit()

    @Slot(object)
    def _decide(self, question) -> None:
        answered, result = question
        free = self._shell.session is None and not self._maintenance_open()
        if free and not self._shell.outOfService:
            self._shell.setOutOfService(True)
            self._held_by_us = True
        result.append(free)
        answered.set()

    @Slot()
    def _release(self) -> None:
        if self._held_by_us:
            self._held_by_us = False
            self._shell.setOutOfService(False)
