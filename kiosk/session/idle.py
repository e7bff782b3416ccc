"""When a citizen walks away: inactivity, then an "are you still there?" countdown, then the end.

The watch is a pure function of a monotonic clock, so it is tested by moving a fake clock, and the Qt side
only has to ask it, once a second, what phase the session is in.

    touch()            touch()
       |                  |
    ---+----- active -----+----- active ------+-- warning (countdown) --+-- expired
                                              ^ idle_after_s            ^ idle_after_s + countdown_s
"""

from __future__ import annotations

import math
from collections.abc import Callable
from enum import Enum


class Phase(Enum):
    NO_SESSION = "no_session"
    ACTIVE = "active"
    WARNING = "warning"
    EXPIRED = "expired"


class IdleWatch:
    def __init__(self, idle_after_s: float, countdown_s: float, clock: Callable[[], float]) -> None:
        if idle_after_s <= 0 or countdown_s <= 0:
            raise ValueError("idle_after_s and countdown_s must be positive")
        self.idle_after_s = idle_after_s
        self.countdown_s = countdown_s
        self._clock = clock
        self._last_activity: float | None = None

    def start(self) -> None:
        self._last_activity = self._clock()

    def stop(self) -> None:
        self._last_activity = None

    def touch(self) -> None:
        """Any sign of life while the session is active. Once the countdown shows, only an answer to it
        (`confirm`) counts: a stray touch must not hide the question, nor press its buttons away."""
        if self.phase() is Phase.ACTIVE:
            self._last_activity = self._clock()

    def confirm(self) -> None:
        """The citizen answered "I am here". It does not revive a session that has already expired."""
        if self.phase() in (Phase.ACTIVE, Phase.WARNING):
            self._last_activity = self._clock()

    def phase(self) -> Phase:
        if self._last_activity is None:
            return Phase.NO_SESSION
        idle = self._clock() - self._last_activity
        if idle < self.idle_after_s:
            return Phase.ACTIVE
        if idle < self.idle_after_s + self.countdown_s:
            return Phase.WARNING
        return Phase.EXPIRED

    def seconds_left(self) -> int:
        """Whole seconds left on the countdown, as a citizen would read them (20, 19, ... 1, 0)."""
        if self._last_activity is None:
            return 0
        left = self.idle_after_s + self.countdown_s - (self._clock() - self._last_activity)
        return max(0, min(math.ceil(left), math.ceil(self.countdown_s)))
