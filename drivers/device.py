"""What every driver shares: its capabilities, its status, and status-change events reported once.

Drivers call `tracker.set(Status(...))` whenever they learn something; listeners (the kiosk's logger, the
developer panel, diagnostics) hear about a change once, not on every poll. A disconnected device is retried
by `Reconnect`: capped exponential backoff with jitter, driven by the caller's clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from drivers.backoff import retry_delay_s
from drivers.status import Capabilities, State, Status

Listener = Callable[[Capabilities, Status, Status], None]  # capabilities, old, new


class StatusTracker:
    def __init__(self, capabilities: Capabilities, initial: Status | None = None) -> None:
        self.capabilities = capabilities
        self.status = initial or Status(State.DISCONNECTED, "device.disconnected", "not opened yet")
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def set(self, status: Status) -> bool:
        """Record a status; True (and listeners told) only when it differs from the last one."""
        if status == self.status:
            return False
        old, self.status = self.status, status
        for listener in list(self._listeners):
            listener(self.capabilities, old, status)
        return True


class Reconnect:
    """When a disconnected device may be tried again. `due()` is checked on each poll."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, base_s: float = 0.5, cap_s: float = 30.0,
                 delay: Callable[[int], float] | None = None) -> None:
        self._clock = clock
        self._delay = delay or (lambda attempt: retry_delay_s(attempt, base_s, cap_s))
        self.attempts = 0
        self._next = 0.0

    def due(self) -> bool:
        return self._clock() >= self._next

    def failed(self) -> None:
        self._next = self._clock() + self._delay(self.attempts)
        self.attempts += 1

    def succeeded(self) -> None:
        self.attempts = 0
        self._next = 0.0
