"""The driver's image-quality score (quality.py) on images made to measure."""

import pytest

from drivers.fingerprint import synthetic
from drivers.fingerprint.commands import IMAGE_BYTES, IMAGE_HEIGHT, IMAGE_WIDTH
from drivers.fingerprint.quality import image_quality, pack, unpack


def stripes(low, high, rows=IMAGE_HEIGHT):
    """Vertical stripes low/high over the top `rows` rows, bare glass (15) below."""
    return pack(bytes(((low if x % 4 < 2 else high) if y < rows else 15)
                      for y in range(IMAGE_HEIGHT) for x in range(IMAGE_WIDTH)))


def test_pack_and_unpack_are_inverse_high_nibble_first():
    assert unpack(b"\xa5" * IMAGE_BYTES)[:4] == b"\x0a\x05\x0a\x05"
    image = synthetic.render("alice", 70)
    assert pack(unpack(image)) == image
    with pytest.raises(ValueError):
        unpack(b"\x00" * 10)


def test_bare_glass_and_a_flat_smudge_score_zero():
    assert image_quality(b"\xff" * IMAGE_BYTES) == 0
    assert image_quality(b"\x77" * IMAGE_BYTES) == 0


def test_full_contrast_over_the_whole_window_scores_100():
    assert image_quality(stripes(0, 15)) == 100


def test_half_the_window_at_half_contrast():
    # coverage 1/2 (9 of 18 block rows); every covered block has range 8 - 0 ... = 8/15 contrast
    assert image_quality(stripes(0, 8, rows=IMAGE_HEIGHT // 2)) == round(100 * (0.5 * 8 / 15) ** 0.5)


def test_the_score_grows_with_the_simulated_scan_quality():
    scores = [image_quality(synthetic.render("alice", q)) for q in (30, 60, 90)]
    assert scores == sorted(scores) and scores[0] < scores[-1]
