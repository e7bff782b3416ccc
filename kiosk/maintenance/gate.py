"""The way into maintenance mode (PIN or technician card), the session while in it, and the way out.

Plain Python with injected clocks, so every rule is tested without Qt: the wall clock (`time.time`) for the
lockout, which is kept in the store and must outlast a power cycle, and a monotonic clock for the idle
timeout. Every entry, exit, refusal and lock is a catalogued log event; a PIN or a card's ID never is.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from drivers.errors import register
from kiosk.log import log_event
from kiosk.maintenance import lockout
from kiosk.maintenance.lockout import LockoutPolicy, LockoutState
from kiosk.maintenance.persist import LOCKOUT_KEY, OUT_OF_SERVICE_KEY, Settings
from kiosk.maintenance.pin import SecretHash, verify

register({
    "maintenance.pin_wrong": "The PIN entered is not the technician PIN.",
    "maintenance.locked": "Too many wrong PINs: the maintenance entry is locked for a while.",
    "maintenance.pin_disabled": "No technician PIN is configured: only a technician card opens maintenance.",
    "maintenance.card_unknown": "The card is not one of the configured technician cards.",
    "maintenance.citizen_session": "A citizen is using the terminal; maintenance waits until they finish.",
})


@dataclass(frozen=True)
class Entry:
    """The answer to a PIN or a card: in, or why not (with what the PIN pad shows)."""

    entered: bool
    code: str | None = None
    attempts_left: int = 0
    seconds_left: int = 0


@dataclass(frozen=True)
class MaintenanceSession:
    who: str              # "pin" or "card"
    entered_at: float     # wall clock, for the log and the board
    started: float        # monotonic, for the length of the visit


class MaintenanceGate:
    def __init__(self, *, pin_hash: SecretHash | None, card_hashes: Sequence[SecretHash] = (),
                 policy: LockoutPolicy | None = None, settings: Settings | None = None,
                 idle_timeout_s: float = 300, wall_clock: Callable[[], float] = time.time,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._pin_hash, self._card_hashes = pin_hash, tuple(card_hashes)
        self.policy = policy or LockoutPolicy()
        self._settings = settings or Settings()
        self.idle_timeout_s = idle_timeout_s
        self._wall, self._clock = wall_clock, clock
        self._state = LockoutState.from_json(self._settings.get(LOCKOUT_KEY, {}))
        self._out_of_service = bool(self._settings.get(OUT_OF_SERVICE_KEY, False))
        self._last_activity = 0.0
        self.session: MaintenanceSession | None = None

    # ---- the way in ---------------------------------------------------------------------------------

    @property
    def pin_enabled(self) -> bool:
        return self._pin_hash is not None

    def seconds_locked(self) -> int:
        return lockout.seconds_left(self._state, self._wall())

    def attempts_left(self) -> int:
        return lockout.attempts_left(self._state, self.policy)

    def try_pin(self, pin: str) -> Entry:
        if self._pin_hash is None:
            return Entry(False, "maintenance.pin_disabled")
        now = self._wall()
        if lockout.is_locked(self._state, now):  # not even checked: guessing on during a lock gains nothing
            return Entry(False, "maintenance.locked", seconds_left=lockout.seconds_left(self._state, now))
        result = lockout.attempt(self._state, self.policy, now, right=verify(pin, self._pin_hash))
        self._save(result.state)
        if result.accepted:
            self._enter("pin")
            return Entry(True)
        if result.locked_now:
            log_event("maintenance.locked", seconds=result.seconds_left, lockouts=result.state.lockouts)
            return Entry(False, "maintenance.locked", seconds_left=result.seconds_left)
        log_event("maintenance.pin_refused", attempts_left=result.attempts_left)
        return Entry(False, "maintenance.pin_wrong", attempts_left=result.attempts_left)

    def try_card(self, card_id: str) -> Entry:
        """A card on the technician reader. A configured card opens maintenance even while PIN entry is
        locked (it is the way in for the technician who comes to see why), and clears the lock."""
        if not any(verify(card_id, h) for h in self._card_hashes):
            log_event("maintenance.card_refused", card=card_id, reason="maintenance.card_unknown")
            return Entry(False, "maintenance.card_unknown")
        self._save(LockoutState())
        self._enter("card")
        return Entry(True)

    def _save(self, state: LockoutState) -> None:
        if state != self._state:
            self._state = state
            self._settings.set(LOCKOUT_KEY, state.to_json())

    def _enter(self, who: str) -> None:
        if self.session is not None:
            return
        self.session = MaintenanceSession(who, self._wall(), self._clock())
        self._last_activity = self._clock()
        log_event("maintenance.entered", who=who)

    # ---- while in, and the way out ------------------------------------------------------------------

    def touch(self) -> None:
        if self.session is not None:
            self._last_activity = self._clock()

    def seconds_to_timeout(self) -> int:
        if self.session is None:
            return 0
        return max(0, round(self.idle_timeout_s - (self._clock() - self._last_activity)))

    def timed_out(self) -> bool:
        return self.session is not None and self._clock() - self._last_activity >= self.idle_timeout_s

    def exit(self, reason: str) -> None:
        session, self.session = self.session, None
        if session is not None:
            log_event("maintenance.exited", who=session.who, reason=reason,
                      duration_s=round(self._clock() - session.started))

    # ---- out of service -----------------------------------------------------------------------------

    @property
    def out_of_service(self) -> bool:
        return self._out_of_service

    def set_out_of_service(self, enabled: bool) -> None:
        """Kept in the store: a terminal taken out of service stays so through a restart."""
        if enabled != self._out_of_service:
            self._out_of_service = enabled
            self._settings.set(OUT_OF_SERVICE_KEY, enabled)
            log_event("maintenance.out_of_service", enabled=enabled,
                      who=self.session.who if self.session else None)
