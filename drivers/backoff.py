"""When to try a missing device again: capped exponential backoff with full jitter. Pure; the caller sleeps
or schedules. `attempt` counts failures since the device was last seen."""

from __future__ import annotations

import random


def retry_delay_s(attempt: int, base_s: float = 0.5, cap_s: float = 30.0, rng: random.Random | None = None) -> float:
    ceiling = min(cap_s, base_s * (2 ** max(0, attempt)))
    return (rng or random).uniform(0, ceiling)
