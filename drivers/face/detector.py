"""FaceAnalyzer: faces, their 68 landmarks and their 128-D descriptors, on BGR frames as OpenCV gives them.

Detection is the costly part (HOG over an image pyramid: about 75 ms on a 1280x720 frame here, 17 ms at
640x360), so it runs on a copy no wider than `detect_width` and the boxes are scaled back. dlib's HOG
detector finds faces from about 80 px, so at the default 640 a face must be about 160 px wide in a 1280 frame:
the ID photo needs a larger face than that anyway. When nothing is found on the small copy, `detect` looks
again at full size (when asked), so a face too far away is found and told to come closer rather than
reported missing. Landmarks are fitted on the full-size grey image, which keeps them precise.

The descriptor network holds Python's GIL for its whole run (about 90 ms here); the detector and the shape
predictor release it or run for a few ms only. Keep descriptors off any thread that must stay responsive
(see verify.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from drivers.errors import Failure, Ok, Result
from drivers.face.landmarks import Landmarks
from drivers.face.models import Models, load_models

Box = tuple[int, int, int, int]  # left, top, right, bottom in frame pixels


@dataclass(frozen=True, repr=False)
class Face:
    box: Box
    landmarks: Landmarks

    def __repr__(self) -> str:
        left, top, right, bottom = self.box
        return f"Face({right - left}x{bottom - top}px)"


class FaceAnalyzer:
    def __init__(self, models: Models, *, detect_width: int = 640) -> None:
        self.models = models
        self.detect_width = detect_width

    @classmethod
    def load(cls, *, detect_width: int = 640) -> Result[FaceAnalyzer]:
        models = load_models()
        if isinstance(models, Failure):
            return models
        return Ok(cls(models.value, detect_width=detect_width))

    def detect(self, image: np.ndarray, *, full_size_fallback: bool = True) -> list[Face]:
        """Every face in the BGR (or grey) image, largest first."""
        gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
        boxes = self.detect_boxes(gray)
        if not boxes and full_size_fallback and gray.shape[1] > self.detect_width:
            boxes = self.detect_boxes_at(gray, 1.0)
        faces = [Face(box, self.landmarks(gray, box)) for box in boxes]
        return sorted(faces, key=lambda f: f.landmarks.face_width, reverse=True)

    def detect_boxes(self, gray: np.ndarray) -> list[Box]:
        """Face boxes found on a copy no wider than detect_width (small images are looked at twice as big)."""
        width = gray.shape[1]
        scale = min(1.0, self.detect_width / width)
        if min(gray.shape[:2]) * scale < 300:
            scale *= 2  # a small picture (an ID card photo): faces there are below the detector's 80 px
        return self.detect_boxes_at(gray, scale)

    def detect_boxes_at(self, gray: np.ndarray, scale: float) -> list[Box]:
        """Face boxes found on the image scaled by `scale`, in the image's own pixels."""
        if scale != 1.0:
            interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
            small = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=interpolation)
        else:
            small = gray
        found = self.models.detector(small, 0)
        return [(int(r.left() / scale), int(r.top() / scale), int(r.right() / scale), int(r.bottom() / scale))
                for r in found]

    def landmarks(self, gray: np.ndarray, box: Box) -> Landmarks:
        import dlib

        shape = self.models.landmarks(gray, dlib.rectangle(*box))
        return Landmarks(np.array([(p.x, p.y) for p in shape.parts()], dtype=np.float64))

    def descriptor(self, image: np.ndarray, face: Face) -> np.ndarray:
        """The 128-D descriptor of `face` in the BGR image (holds the GIL for about 90 ms)."""
        import dlib

        rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        points = [dlib.point(int(x), int(y)) for x, y in face.landmarks.points]
        shape = dlib.full_object_detection(dlib.rectangle(*face.box), points)
        return np.array(self.models.descriptor.compute_face_descriptor(rgb, shape), dtype=np.float64)
