"""1:1 verification: is the face in front of the camera the person on the reference photo?

Two faces match when the Euclidean distance of their 128-D dlib descriptors is below THRESHOLD.

How THRESHOLD = 0.55 was chosen. The three test photos (tests/data/faces) were each varied ten ways: as
they are; composed into a 1280x720 frame with the face 300 px and 200 px wide; with camera noise (sigma 6);
blurred (sigma 1.5); dimmed to 55 %; the head turned 10 degrees either way; JPEG quality 40; mirrored. All
pairs of the 30 descriptors (`python -m bench.faces --distances` prints the figures again):

    pairs                                   count   min     median  max
    same photo, two variants                 135    0.023   0.122   0.229
    same person, other photo (obama/obama2)  100    0.344   0.382   0.448
    different persons (obama*/biden)         200    0.746   0.810   0.876

The gap lies between 0.448 and 0.746; its middle (0.60) is also dlib's own threshold for this model (99.38 %
on LFW). A false accept (someone else collects an ID card) costs more than a false reject (the citizen
tries again or goes to the counter), so the threshold sits below the middle: 0.55 leaves 0.10 above the
worst same-person pair seen and 0.20 below the nearest different-person pair. Three photos of two men are
little evidence: re-measure on the terminal's own camera before relying on the margins.

The descriptor network holds the GIL for about 90 ms per face: call `verify` from a worker process or a
thread whose neighbours may wait that long, never from the Qt GUI thread. `enrol` the reference photo once
(when it arrives) and each probe then costs one descriptor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from drivers.errors import Failure, Ok, Result
from drivers.face.detector import Face, FaceAnalyzer

THRESHOLD = 0.55


@dataclass(frozen=True)
class Reference:
    """A reference face's descriptor (personal data: not shown in repr)."""

    descriptor: np.ndarray = field(repr=False)


@dataclass(frozen=True)
class Verification:
    distance: float
    threshold: float

    @property
    def match(self) -> bool:
        return self.distance < self.threshold

    def as_json(self) -> dict:
        return {"distance": round(self.distance, 4), "threshold": self.threshold, "match": self.match}


def distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b))


class Verifier:
    def __init__(self, analyzer: FaceAnalyzer, threshold: float = THRESHOLD) -> None:
        self.analyzer = analyzer
        self.threshold = threshold

    def enrol(self, image: np.ndarray) -> Result[Reference]:
        """The reference from a photo: its largest face (a registry or card photo shows one person)."""
        faces = self.analyzer.detect(image)
        if not faces:
            return Failure("face.no_face", "no face on the reference photo")
        return Ok(Reference(self.analyzer.descriptor(image, faces[0])))

    def verify(self, reference: Reference, probe: np.ndarray, face: Face | None = None) -> Result[Verification]:
        """Compare the one face of the probe frame (or `face`, already found there) with the reference."""
        if face is None:
            faces = self.analyzer.detect(probe)
            if not faces:
                return Failure("face.no_face", "no face on the probe image")
            if len(faces) > 1:
                return Failure("face.many_faces", f"{len(faces)} faces on the probe image; one person only")
            face = faces[0]
        probe_descriptor = self.analyzer.descriptor(probe, face)
        return Ok(Verification(distance(reference.descriptor, probe_descriptor), self.threshold))

    def verify_images(self, reference: np.ndarray, probe: np.ndarray) -> Result[Verification]:
        enrolled = self.enrol(reference)
        if isinstance(enrolled, Failure):
            return enrolled
        return self.verify(enrolled.value, probe)
