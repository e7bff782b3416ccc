"""Face tracking for the live preview: the face box and landmarks on every frame, at camera speed.

Detection (HOG) runs every `detect_every`-th frame on a copy no wider than the analyzer's detect_width
(about 17 ms at 640x360 here); on the frames between, each face is followed by fitting its landmarks again
inside last frame's box moved by how far the landmarks moved (about 4 ms a face). When the small copy shows
no face, every third such detection looks at the full frame too, to tell "too far" from "nobody".
"""

from __future__ import annotations

import cv2
import numpy as np

from drivers.face.detector import Box, Face, FaceAnalyzer


class FaceTracker:
    def __init__(self, analyzer: FaceAnalyzer, *, detect_every: int = 5) -> None:
        self.analyzer = analyzer
        self.detect_every = detect_every
        self.faces: list[Face] = []
        self._frames = 0
        self._empty_detections = 0

    def update(self, frame: np.ndarray) -> list[Face]:
        grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame
        if self.faces and self._frames % self.detect_every:
            self.faces = [self._follow(grey, face) for face in self.faces]
        else:
            self.faces = self._detect(grey)
        self._frames += 1
        return self.faces

    def reset(self) -> None:
        self.faces, self._frames, self._empty_detections = [], 0, 0

    def _detect(self, grey: np.ndarray) -> list[Face]:
        boxes = self.analyzer.detect_boxes(grey)
        if not boxes:
            self._empty_detections += 1
            if self._empty_detections % 3 == 0 and grey.shape[1] > self.analyzer.detect_width:
                boxes = self.analyzer.detect_boxes_at(grey, 1.0)
        else:
            self._empty_detections = 0
        faces = [Face(box, self.analyzer.landmarks(grey, box)) for box in boxes]
        return sorted(faces, key=lambda f: f.landmarks.face_width, reverse=True)

    def _follow(self, grey: np.ndarray, face: Face) -> Face:
        marks = self.analyzer.landmarks(grey, face.box)
        dx, dy = (marks.points.mean(axis=0) - face.landmarks.points.mean(axis=0)).round().astype(int)
        left, top, right, bottom = face.box
        moved: Box = (left + int(dx), top + int(dy), right + int(dx), bottom + int(dy))
        return Face(moved, marks)
