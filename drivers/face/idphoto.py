"""The resident ID card photo of GA/T 461 ("居民身份证制证用数字相片技术要求"), made from a camera frame.

The standard's numbers: 358 x 441 px at 350 dpi (26 x 32 mm), 24-bit colour, JPEG with quality factor 70;
the face centred left to right, 207 +- 14 px wide; the crown 7 to 21 px below the top edge; the eye line at
least 207 px above the bottom edge, which wins when both cannot hold (very high hair may be cut).

`place` works out which rectangle of the frame becomes the photo: the scale puts the face width at 207 px,
the face's axis goes to the middle column, the estimated crown to 14 px from the top unless that would put
the eyes lower than 234 px. `render` cuts it out and scales it; `encode` makes the JPEG with 350 dpi.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from drivers.face.imagefile import encode_jpeg
from drivers.face.landmarks import Landmarks

WIDTH, HEIGHT, DPI, JPEG_QUALITY = 358, 441, 350, 70
FACE_WIDTH, FACE_WIDTH_TOLERANCE = 207, 14
CROWN_TOP_RANGE = (7, 21)
CROWN_TOP = 14
EYE_LINE_MAX = HEIGHT - 207  # eyes at least 207 px above the bottom edge
#: how far a frame may be enlarged to make the photo before it is too soft (the face is too far away)
MAX_UPSCALE = 1.3


@dataclass(frozen=True)
class Placement:
    """The frame rectangle (left, top, width, height, floats, in frame pixels) that becomes the photo."""

    left: float
    top: float
    width: float
    height: float

    @property
    def scale(self) -> float:
        """Photo pixels per frame pixel."""
        return WIDTH / self.width

    def inside(self, frame_shape: tuple[int, ...]) -> bool:
        rows, cols = frame_shape[:2]
        return (self.left >= 0 and self.top >= 0 and self.left + self.width <= cols
                and self.top + self.height <= rows)

    def fits(self, frame_shape: tuple[int, ...]) -> bool:
        """The rectangle is no larger than the frame (else the face is too close to fill the photo)."""
        rows, cols = frame_shape[:2]
        return self.width <= cols and self.height <= rows

    def to_photo(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.left) * self.scale, (y - self.top) * self.scale


def place(landmarks: Landmarks) -> Placement:
    scale = FACE_WIDTH / max(landmarks.face_width, 1.0)
    width, height = WIDTH / scale, HEIGHT / scale
    left = landmarks.centre_x - width / 2
    top = landmarks.crown_y() - CROWN_TOP / scale
    if (landmarks.eye_line_y - top) * scale > EYE_LINE_MAX:
        top = landmarks.eye_line_y - EYE_LINE_MAX / scale
    return Placement(left, top, width, height)


def render(frame: np.ndarray, placement: Placement) -> np.ndarray:
    """The 358x441 photo; parts of the rectangle outside the frame (only when it is not `inside`) are edge
    pixels repeated."""
    offset = 0
    source = frame
    if not placement.inside(frame.shape):
        offset = int(max(-placement.left, -placement.top, placement.left + placement.width - frame.shape[1],
                         placement.top + placement.height - frame.shape[0])) + 2
        source = cv2.copyMakeBorder(frame, offset, offset, offset, offset, cv2.BORDER_REPLICATE)
    x0, y0 = placement.left + offset, placement.top + offset
    x1, y1 = x0 + placement.width, y0 + placement.height
    crop = source[round(y0):round(y1), round(x0):round(x1)]
    interpolation = cv2.INTER_AREA if placement.scale < 1 else cv2.INTER_CUBIC
    return cv2.resize(crop, (WIDTH, HEIGHT), interpolation=interpolation)


def encode(photo: np.ndarray) -> bytes:
    """The photo as GA/T 461 wants the file: JPEG, quality 70, 350 dpi."""
    if photo.shape[:2] != (HEIGHT, WIDTH):
        raise ValueError(f"an ID photo is {WIDTH}x{HEIGHT}, not {photo.shape[1]}x{photo.shape[0]}")
    return encode_jpeg(photo, quality=JPEG_QUALITY, dpi=DPI)
