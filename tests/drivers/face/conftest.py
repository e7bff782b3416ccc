"""The real dlib models on the test photos of tests/data/faces, loaded once per test run."""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from drivers.face import synthetic as syn
from drivers.face.detector import FaceAnalyzer
from drivers.face.imagefile import read_image
from drivers.face.landmarks import Landmarks

FACES = Path(__file__).resolve().parents[2] / "data" / "faces"
CENTRE = (640, 302)


@dataclass(frozen=True)
class Person:
    photo: np.ndarray
    landmarks: Landmarks

    def frame(self, *, face_width=300, studio=True) -> np.ndarray:
        """The person before the camera in a 1280x720 frame (before a plain wall when `studio`)."""
        photo = syn.studio(self.photo, self.landmarks) if studio else self.photo
        return syn.compose(photo, self.landmarks, face_width=face_width, centre=CENTRE,
                           background=syn.WALL if studio else syn.ROOM)

    def frame_landmarks(self, *, face_width=300) -> Landmarks:
        return syn.compose_landmarks(self.landmarks, face_width=face_width, centre=CENTRE)


@pytest.fixture(scope="session")
def analyzer() -> FaceAnalyzer:
    loaded = FaceAnalyzer.load()
    assert loaded.ok, loaded
    return loaded.value


@pytest.fixture(scope="session")
def people(analyzer) -> dict[str, Person]:
    found = {}
    for name in ("obama", "obama2", "biden"):
        photo = read_image(FACES / f"{name}.jpg").value
        found[name] = Person(photo, analyzer.detect(photo)[0].landmarks)
    return found
