"""How the soak sums up resident memory growth: a real rise is reported, one noisy sample is not."""

from __future__ import annotations

from bench.soak import rss_growth


def curve(values: list[float], every: int = 10) -> list[dict]:
    return [{"sessions": 1 + i * every, "rss_mb": v} for i, v in enumerate(values)]


def test_a_flat_curve_with_one_high_last_sample_is_not_growth():
    flat = [460, 468, 455, 463, 471, 458, 466, 461, 470, 457] * 4  # sessions 1-391, +-8 MB around 463
    samples = curve(flat[:-1] + [480])
    assert abs(rss_growth(samples)) < 3
    assert samples[-1]["rss_mb"] - samples[10]["rss_mb"] > 10  # what a single-sample difference would claim


def test_memory_that_keeps_rising_is_reported():
    rising = [400 + 0.5 * i for i in range(200)]  # 0.5 MB every 10 sessions, for 2,000 sessions
    assert rss_growth(curve(rising)) > 80


def test_nothing_after_the_warm_up_is_no_growth():
    assert rss_growth(curve([400, 420, 440])) == 0.0
