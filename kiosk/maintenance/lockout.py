"""Wrong PINs lock the maintenance entry for a growing time: the state machine, pure and clock-free.

Theory. Guessing a PIN on a touch screen is slow already; the lock makes it hopeless. Every `max_attempts`
wrong PINs in a row lock the entry; the first lock lasts `base_s`, each further one twice the one before,
up to `cap_s` (1 min, 2, 4, 8 ... with the defaults). Only a right PIN (or a technician card) resets the
count of locks. While locked, a PIN is not even checked, so guessing on during a lock gains nothing.

Times are wall-clock seconds (time.time()), because the state is kept in the store and must outlast a power
cycle; a monotonic clock restarts at boot. A wall clock can jump, so the time left is never more than the
lock's own duration: setting the clock back cannot lengthen a lock, setting it forward only ends it early.

    state --wrong PIN--> failures+1 --(failures == max)--> LOCKED(until now + duration), failures 0
    LOCKED --time passes--> open again, with `lockouts` remembered (the next lock is longer)
    any --right PIN / card--> fresh state
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class LockoutPolicy:
    max_attempts: int = 5
    base_s: int = 60
    cap_s: int = 3600

    def duration_s(self, lockouts: int) -> int:
        """How long the `lockouts`-th lock (1, 2, ...) lasts."""
        return min(self.cap_s, self.base_s * 2 ** min(lockouts - 1, 30))


@dataclass(frozen=True)
class LockoutState:
    failures: int = 0          # wrong PINs since the last lock or right PIN
    lockouts: int = 0          # locks since the last right PIN
    locked_until: float = 0.0  # wall-clock time the current lock ends (0: none)
    duration_s: int = 0        # length of the current lock

    def to_json(self) -> dict:
        return {"failures": self.failures, "lockouts": self.lockouts, "locked_until": self.locked_until,
                "duration_s": self.duration_s}

    @classmethod
    def from_json(cls, data: dict) -> LockoutState:
        """The saved state; an unreadable one (only someone with root on the terminal can write the store)
        starts afresh."""
        try:
            return cls(int(data["failures"]), int(data["lockouts"]), float(data["locked_until"]),
                       int(data["duration_s"]))
        except (KeyError, TypeError, ValueError):
            return cls()


@dataclass(frozen=True)
class Attempt:
    """What one PIN attempt led to."""

    state: LockoutState
    accepted: bool
    locked_now: bool = False       # this attempt started a lock (raise the alert)
    attempts_left: int = 0         # before the next lock
    seconds_left: int = 0          # of the lock in force


def seconds_left(state: LockoutState, now: float) -> int:
    """Whole seconds until the entry opens again (0: open)."""
    if state.locked_until <= 0:
        return 0
    left = min(state.locked_until - now, state.duration_s)
    return max(0, math.ceil(left))


def attempts_left(state: LockoutState, policy: LockoutPolicy) -> int:
    return max(0, policy.max_attempts - state.failures)


def attempt(state: LockoutState, policy: LockoutPolicy, now: float, *, right: bool) -> Attempt:
    """The entry's answer to a PIN that was `right` (or not) at `now`. Call `is_locked` first: a locked
    entry does not check PINs at all."""
    if seconds_left(state, now) > 0:
        return Attempt(state, False, seconds_left=seconds_left(state, now))
    if right:
        return Attempt(LockoutState(), True)
    failures = state.failures + 1
    if failures < policy.max_attempts:
        state = replace(state, failures=failures, locked_until=0.0, duration_s=0)
        return Attempt(state, False, attempts_left=attempts_left(state, policy))
    lockouts = state.lockouts + 1
    duration = policy.duration_s(lockouts)
    state = LockoutState(0, lockouts, now + duration, duration)
    return Attempt(state, False, locked_now=True, attempts_left=0, seconds_left=duration)


def is_locked(state: LockoutState, now: float) -> bool:
    return seconds_left(state, now) > 0
