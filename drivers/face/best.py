"""Keeps the best compliant frame of a stream, to make the ID photo from when the citizen is done.

Only compliant frames are kept; among them the highest Assessment.score wins (sharp, frontal, eyes open).
The kept frame is personal data: `clear()` when the session ends.
"""

from __future__ import annotations

import threading

import numpy as np

from drivers.face import idphoto
from drivers.face.compliance import Assessment


class BestFrame:
    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._frame: np.ndarray | None = None
        self._assessment: Assessment | None = None
        self.offered = 0

    def offer(self, frame: np.ndarray, assessment: Assessment) -> bool:
        """Keep `frame` when it is compliant and better than the one kept; True when kept."""
        with self._mutex:
            self.offered += 1
            if not assessment.compliant:
                return False
            if self._assessment is not None and assessment.score <= self._assessment.score:
                return False
            self._frame, self._assessment = frame, assessment
            return True

    @property
    def assessment(self) -> Assessment | None:
        with self._mutex:
            return self._assessment

    def photo(self) -> np.ndarray | None:
        """The 358x441 ID photo from the best frame, or None while no frame was compliant."""
        with self._mutex:
            frame, assessment = self._frame, self._assessment
        if frame is None or assessment is None or assessment.placement is None:
            return None
        return idphoto.render(frame, assessment.placement)

    def clear(self) -> None:
        with self._mutex:
            self._frame, self._assessment, self.offered = None, None, 0
