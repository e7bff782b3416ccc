"""Hypothesis profiles of the fuzz tests, applied per test (never loaded globally, so the property tests
elsewhere keep their own settings).

* `fuzz-ci` (default): few examples, derandomized (the same examples every run, so CI is repeatable), no
  example database written into the work tree. The whole folder runs in well under a minute on 2 cores.
* `fuzz-long`: many random examples, for a developer's longer run:
  `KIOSK_FUZZ_PROFILE=fuzz-long pytest tests/fuzz`.

Every test also sets its own `deadline`: one parser call taking longer than that fails the test as a hang.
"""

from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

settings.register_profile("fuzz-ci", max_examples=40, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz-long", max_examples=5000, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = os.environ.get("KIOSK_FUZZ_PROFILE", "fuzz-ci")


def fuzz_settings(deadline_ms: int, *, examples: float = 1.0) -> settings:
    """The active fuzz profile with a hang guard of `deadline_ms` per example; `examples` scales the count."""
    base = settings.get_profile(PROFILE)
    return settings(base, deadline=timedelta(milliseconds=deadline_ms),
                    max_examples=max(1, int(base.max_examples * examples)))
