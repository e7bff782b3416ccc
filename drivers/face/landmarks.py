"""Pure geometry on dlib's 68 landmarks (iBUG 300-W numbering), in the pixel coordinates of the frame.

    0-16 jaw line (0 and 16 near the ears), 17-26 brows, 27-30 nose bridge, 30 nose tip, 36-41 right eye
    (the subject's), 42-47 left eye, 48-67 mouth, 8 chin.

Pose is estimated from the 2-D points alone (no 3-D model): yaw from where the nose tip sits between the two
ends of the jaw line (0 = straight, +-1 = in profile), roll from the slope of the eye line in degrees, pitch
from where the nose tip sits between the eye line and the chin relative to a frontal face. Rough, but cheap
and stable enough to say "look straight at the camera" and to see a head turn for liveness.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

RIGHT_EYE = slice(36, 42)
LEFT_EYE = slice(42, 48)
#: nose tip height between eye line (0) and chin (1) on a frontal face (0.24-0.28 on the test photos)
FRONTAL_NOSE_HEIGHT = 0.27
#: crown above the eye line, in eye-to-chin distances
CROWN_RATIO = 0.9


@dataclass(frozen=True, repr=False)
class Landmarks:
    points: np.ndarray  # (68, 2) float

    def __repr__(self) -> str:  # a face's geometry is personal data: show only its size
        return f"Landmarks(face_width={self.face_width:.0f}px)"

    @property
    def face_width(self) -> float:
        """Jaw line end to end (near the ears): the "face width" of GA/T 461."""
        return float(np.linalg.norm(self.points[16] - self.points[0]))

    @property
    def eye_centres(self) -> tuple[np.ndarray, np.ndarray]:
        return self.points[RIGHT_EYE].mean(axis=0), self.points[LEFT_EYE].mean(axis=0)

    @property
    def eye_line_y(self) -> float:
        right, left = self.eye_centres
        return float((right[1] + left[1]) / 2)

    @property
    def centre_x(self) -> float:
        """The face's vertical axis: the middle of the jaw line ends and of the eyes."""
        right, left = self.eye_centres
        return float((self.points[0][0] + self.points[16][0] + right[0] + left[0]) / 4)

    @property
    def chin_y(self) -> float:
        return float(self.points[8][1])

    def crown_y(self) -> float:
        """Estimated top of the head (GA/T 461's "hair line at the crown"): CROWN_RATIO times the eye-to-chin
        distance above the eye line (0.86 and 1.0 on the test portraits)."""
        return self.eye_line_y - CROWN_RATIO * (self.chin_y - self.eye_line_y)

    def eye_aspect_ratio(self) -> float:
        """Mean eye aspect ratio of both eyes (Soukupova and Cech 2016): about 0.3 open, below 0.15 shut."""
        return (_ear(self.points[RIGHT_EYE]) + _ear(self.points[LEFT_EYE])) / 2

    def yaw(self) -> float:
        """-1 (turned to the image's left) .. 0 (straight) .. +1 (turned to the image's right)."""
        left_end, right_end = self.points[0][0], self.points[16][0]
        span = right_end - left_end
        if span <= 0:
            return 1.0
        return float(np.clip(2 * (self.points[30][0] - left_end) / span - 1, -1, 1))

    def roll_deg(self) -> float:
        right, left = self.eye_centres
        return math.degrees(math.atan2(left[1] - right[1], left[0] - right[0]))

    def pitch(self) -> float:
        """Nose tip height between eye line and chin minus the frontal value: + looks down, - looks up."""
        span = self.chin_y - self.eye_line_y
        if span <= 0:
            return 1.0
        return float((self.points[30][1] - self.eye_line_y) / span - FRONTAL_NOSE_HEIGHT)

    def box(self) -> tuple[int, int, int, int]:
        """(left, top, right, bottom) around the points."""
        x0, y0 = self.points.min(axis=0)
        x1, y1 = self.points.max(axis=0)
        return int(x0), int(y0), int(x1), int(y1)


def _ear(eye: np.ndarray) -> float:
    vertical = np.linalg.norm(eye[1] - eye[5]) + np.linalg.norm(eye[2] - eye[4])
    horizontal = np.linalg.norm(eye[0] - eye[3])
    return float(vertical / (2 * horizontal)) if horizontal > 0 else 0.0
