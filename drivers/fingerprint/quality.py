"""An image-quality score for an uploaded fingerprint image, computed by the driver (the module has none).

The module uploads 256 x 288 pixels of 4-bit grey (0 dark .. 15 light), two pixels a byte, high nibble
first. A finger shows as ridges and valleys: strong local light/dark alternation. Bare glass, a smudge or
a pressed-flat blob is nearly uniform. So:

* the image is cut into 16 x 16-pixel blocks (16 x 18 = 288 blocks);
* a block's *contrast* is its grey range, max - min (0..15);
* a block is *covered* by the finger when its contrast is at least COVERED_RANGE (4, a quarter of the scale);
* coverage = covered blocks / all blocks; contrast = mean contrast of the covered blocks / 15;
* quality = round(100 * sqrt(coverage * contrast)), 0..100: 0 for an empty sensor, 100 for ridges of full
  contrast over the whole window. The geometric mean keeps a sharp fingertip touching only a corner, and a
  faint print over the whole window, both low.

Thresholds for "good enough" belong to the caller's configuration; the module's own Img2Tz verdict
(too messy / too few feature points) stays the authority for whether a template can be made.
"""

from __future__ import annotations

import math

from drivers.fingerprint.commands import IMAGE_BYTES, IMAGE_HEIGHT, IMAGE_WIDTH

BLOCK = 16
COVERED_RANGE = 4


def unpack(image: bytes) -> bytes:
    """One byte (0..15) per pixel, row by row."""
    if len(image) != IMAGE_BYTES:
        raise ValueError(f"an image is {IMAGE_BYTES} bytes, not {len(image)}")
    out = bytearray(len(image) * 2)
    out[0::2] = bytes(b >> 4 for b in image)
    out[1::2] = bytes(b & 0x0F for b in image)
    return bytes(out)


def pack(pixels: bytes) -> bytes:
    """The inverse of `unpack`: pixels 0..15, two a byte, high nibble first."""
    if len(pixels) != IMAGE_WIDTH * IMAGE_HEIGHT:
        raise ValueError(f"an image has {IMAGE_WIDTH * IMAGE_HEIGHT} pixels, not {len(pixels)}")
    return bytes((hi & 0x0F) << 4 | (lo & 0x0F) for hi, lo in zip(pixels[0::2], pixels[1::2], strict=True))


def block_ranges(pixels: bytes) -> list[int]:
    ranges = []
    for top in range(0, IMAGE_HEIGHT, BLOCK):
        for left in range(0, IMAGE_WIDTH, BLOCK):
            lo, hi = 15, 0
            for y in range(top, top + BLOCK):
                row = pixels[y * IMAGE_WIDTH + left:y * IMAGE_WIDTH + left + BLOCK]
                lo, hi = min(lo, min(row)), max(hi, max(row))
            ranges.append(hi - lo)
    return ranges


def image_quality(image: bytes) -> int:
    """The score described above, for a packed image as UpImage delivers it."""
    ranges = block_ranges(unpack(image))
    covered = [r for r in ranges if r >= COVERED_RANGE]
    if not covered:
        return 0
    coverage = len(covered) / len(ranges)
    contrast = sum(covered) / len(covered) / 15
    return round(100 * math.sqrt(coverage * contrast))
