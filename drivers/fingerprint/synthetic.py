"""Synthetic fingers for the simulator: char files and images derived deterministically from an identity.

A finger is an `identity` string (any test label; never a real person's data) and a scan `quality` 0..100.

* features(identity): TEMPLATE_SIZE bytes expanded from SHA-256 of the identity: the finger itself.
* scan(identity, quality): the char file of one capture: the features with (100 - quality) * size / 400
  bytes disturbed at positions that depend on identity and quality, so a poor scan is still the same
  finger, only less so.
* score(a, b): how alike two char files are, 0..200: 200 for identical, 0 for half the bytes or fewer
  equal (two different identities agree on about 1 byte in 256, so they score 0).
* render(identity, quality): the 256 x 288 4-bit image the module would capture: straight ridges (period
  and angle from the identity) on a light background, in an ellipse that grows with quality, with contrast
  that grows with quality. Good enough for quality.py to tell a good scan from a poor one.
"""

from __future__ import annotations

import functools
import hashlib
import math

from drivers.fingerprint.commands import IMAGE_HEIGHT, IMAGE_WIDTH
from drivers.fingerprint.quality import pack

TEMPLATE_SIZE = 512
BACKGROUND = 15  # bare glass shows light


def _stream(seed: str, size: int) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < size:
        out += hashlib.sha256(f"{seed}\x00{counter}".encode()).digest()
        counter += 1
    return bytes(out[:size])


def features(identity: str, size: int = TEMPLATE_SIZE) -> bytes:
    return _stream("finger:" + identity, size)


def scan(identity: str, quality: int, size: int = TEMPLATE_SIZE) -> bytes:
    char = bytearray(features(identity, size))
    disturbed = (100 - max(0, min(100, quality))) * size // 400
    noise = _stream(f"scan:{identity}:{quality}", disturbed * 2)
    for i in range(disturbed):
        position = int.from_bytes(noise[2 * i:2 * i + 2], "big") % size
        char[position] ^= 0x5A
    return bytes(char)


def score(a: bytes, b: bytes) -> int:
    if not a or len(a) != len(b):
        return 0
    equal = sum(x == y for x, y in zip(a, b, strict=True))
    return max(0, 2 * equal - len(a)) * 200 // len(a)


@functools.lru_cache(maxsize=8)
def render(identity: str, quality: int) -> bytes:
    """The packed image (4 bits a pixel) of this finger at this quality."""
    seed = hashlib.sha256(("image:" + identity).encode()).digest()
    period = 6 + seed[0] % 4
    angle = seed[1] / 255 * math.pi
    kx, ky = 2 * math.pi * math.cos(angle) / period, 2 * math.pi * math.sin(angle) / period
    q = max(0, min(100, quality)) / 100
    amplitude = 7.5 * q
    scale = 0.35 + 0.65 * q
    half_w, half_h = IMAGE_WIDTH / 2 * scale, IMAGE_HEIGHT / 2 * scale
    cx, cy = IMAGE_WIDTH / 2, IMAGE_HEIGHT / 2
    pixels = bytearray([BACKGROUND]) * (IMAGE_WIDTH * IMAGE_HEIGHT)
    for y in range(IMAGE_HEIGHT):
        dy = (y - cy) / half_h
        if dy * dy >= 1:
            continue
        reach = half_w * math.sqrt(1 - dy * dy)
        row = y * IMAGE_WIDTH
        for x in range(max(0, int(cx - reach)), min(IMAGE_WIDTH, int(cx + reach) + 1)):
            grey = 7.5 + amplitude * math.sin(kx * x + ky * y)
            pixels[row + x] = max(0, min(15, round(grey)))
    return pack(bytes(pixels))
