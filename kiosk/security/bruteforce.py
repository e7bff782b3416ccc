"""How long guessing the maintenance PIN on the screen takes under the lockout policy (docs/threat-model.md).

Theory. A guesser who knows nothing tries on average half of the 10**digits PINs. Every `max_attempts`
wrong PINs lock the pad for `policy.duration_s(n)` (the n-th lock: base, doubling, up to the cap), and while
locked no PIN is checked at all; a lock outlives a restart (it is kept in the store). So the time is the
sum of the locks met before the right PIN, plus the time to type the guesses. Pure: no clock, no Qt.
"""

from __future__ import annotations

from kiosk.maintenance.lockout import LockoutPolicy

SECONDS_PER_GUESS = 2.0  # tapping 4 to 12 digits and Enter on a touch screen, at least
YEAR_S = 365.25 * 24 * 3600


def expected_guesses(digits: int) -> float:
    """Guesses until the right PIN, on average, for a PIN drawn uniformly from 10**digits."""
    return (10 ** digits + 1) / 2


def locked_seconds(policy: LockoutPolicy, wrong: int) -> int:
    """Seconds spent locked after `wrong` wrong PINs in a row (no right PIN in between)."""
    locks = wrong // policy.max_attempts
    total, n = 0, 1
    while n <= locks:
        duration = policy.duration_s(n)
        if duration >= policy.cap_s:  # every further lock is the cap
            return total + (locks - n + 1) * policy.cap_s
        total += duration
        n += 1
    return total


def expected_seconds(policy: LockoutPolicy, digits: int, per_guess_s: float = SECONDS_PER_GUESS) -> float:
    """Expected seconds to find a `digits`-digit PIN by guessing on the screen."""
    guesses = expected_guesses(digits)
    return locked_seconds(policy, int(guesses) - 1) + guesses * per_guess_s
