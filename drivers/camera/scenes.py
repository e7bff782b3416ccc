"""The simulated camera's scenes: what it films, by name.

From a folder: every still image (jpg, png, bmp) and every video file (mp4, avi, mkv, webm, mov) is a scene
named after its file (`obama.jpg` -> "obama"), fitted into the camera's frame size. A still image with one
face in it is a test person: its scene is that person standing before a plain wall in a photo booth, alive
(blinking, now and then turning the head; about 4 s a round at 30 frames/s). With at least one test person,
these scenes are synthesised too, from the most frontal person (and the next one for two_faces):

    no_face        the empty booth
    two_faces      two people side by side
    too_dark       the person in a dim hall (22 % of the light)
    blurred        the person out of focus (Gaussian blur, sigma 6)
    face_too_far   the person far from the camera (face 110 px wide in 1280x720)
    printed_photo  the person's photo held up to the camera: one still frame, with its own background

Synthesised scenes are made on first use (a live person takes about 0.3 s) and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

from drivers.errors import Failure, Ok, Result, register

register({
    "camera.unknown_scene": "The simulated camera has no scene by that name.",
    "camera.no_scenes": "The simulated camera's folder holds no image or video it can play.",
})

STILLS = (".jpg", ".jpeg", ".png", ".bmp")
VIDEOS = (".mp4", ".avi", ".mkv", ".webm", ".mov")
MAX_VIDEO_FRAMES = 300  # 10 s at 30 frames/s: longer videos are cut
SYNTHESISED = ("no_face", "two_faces", "too_dark", "blurred", "face_too_far", "printed_photo")
PERSON_FACE_WIDTH = 300  # px in a 1280x720 frame: a citizen about 50 cm from a kiosk camera


@dataclass(frozen=True)
class Scene:
    name: str
    frames: tuple[np.ndarray, ...] = field(repr=False)


class SceneLibrary:
    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.persons: list[str] = []       # the test persons' scene names
        self.default: str | None = None    # the most frontal person: what the camera films first
        self._scenes: dict[str, Scene] = {}
        self._makers: dict[str, Callable[[], tuple[np.ndarray, ...]]] = {}

    def add(self, name: str, make: Callable[[], tuple[np.ndarray, ...]]) -> None:
        self._makers[name] = make

    def names(self) -> list[str]:
        return sorted(self._makers)

    def get(self, name: str) -> Result[Scene]:
        if name not in self._makers:
            return Failure("camera.unknown_scene", f"no scene {name!r}; there are: {', '.join(self.names())}")
        if name not in self._scenes:
            self._scenes[name] = Scene(name, self._makers[name]())
        return Ok(self._scenes[name])

    @classmethod
    def from_folder(cls, folder: Path, size: tuple[int, int] = (1280, 720), *,
                    find_faces: bool = True) -> Result[SceneLibrary]:
        folder = Path(folder)
        if not folder.is_dir():
            return Failure("camera.no_scenes", f"{folder}: no such folder")
        library = cls(size)
        people: list[tuple[str, np.ndarray, object]] = []
        analyzer = _analyzer() if find_faces else None
        for path in sorted(folder.iterdir()):
            suffix = path.suffix.lower()
            if suffix in STILLS:
                image = cv2.imread(str(path), cv2.IMREAD_COLOR)
                if image is None:
                    continue
                faces = analyzer.detect(image) if analyzer is not None else []
                if len(faces) == 1:
                    people.append((path.stem, image, faces[0].landmarks))
                else:
                    library.add(path.stem, lambda image=image: (_fit(image, size),))
            elif suffix in VIDEOS:
                library.add(path.stem, lambda path=path: _video(path, size))
        if people:
            _add_people(library, people)
        if not library.names():
            return Failure("camera.no_scenes", f"{folder}: no image or video the simulated camera can play")
        return Ok(library)


def _analyzer():
    from drivers.face.detector import FaceAnalyzer

    loaded = FaceAnalyzer.load()
    return loaded.value if loaded.ok else None


def _add_people(library: SceneLibrary, people: list) -> None:
    from drivers.face import synthetic as syn

    size = library.size
    centre = (size[0] / 2, size[1] * 0.42)
    people.sort(key=lambda p: max(abs(p[2].yaw()), abs(p[2].roll_deg()) / 40))  # most frontal first
    library.persons = sorted(name for name, _, _ in people)
    library.default = people[0][0]
    for name, photo, marks in people:
        library.add(name, lambda photo=photo, marks=marks: _alive(photo, marks, size))
    name, photo, marks = people[0]

    def booth() -> np.ndarray:
        return syn.compose(syn.studio(photo, marks), marks, face_width=PERSON_FACE_WIDTH, centre=centre,
                           size=size, background=syn.WALL)

    library.add("no_face", lambda: (np.full((size[1], size[0], 3), syn.WALL, np.uint8),))
    library.add("too_dark", lambda: (syn.darken(booth()),))
    library.add("blurred", lambda: (syn.blur(booth()),))
    library.add("face_too_far", lambda: (syn.compose(syn.studio(photo, marks), marks, face_width=110,
                                                     centre=centre, size=size, background=syn.WALL),))
    library.add("printed_photo", lambda: (syn.compose(photo, marks, face_width=PERSON_FACE_WIDTH, centre=centre,
                                                      size=size),))
    other = people[1] if len(people) > 1 else people[0]
    library.add("two_faces", lambda: (syn.side_by_side(photo, marks, other[1], other[2], size=size),))


def _alive(photo: np.ndarray, marks, size: tuple[int, int]) -> tuple[np.ndarray, ...]:
    """One round of a live person: still, a blink, still, the head turned and back."""
    from drivers.face import synthetic as syn

    centre = (size[0] / 2, size[1] * 0.42)
    booth = syn.studio(photo, marks)
    frame = syn.compose(booth, marks, face_width=PERSON_FACE_WIDTH, centre=centre, size=size, background=syn.WALL)
    placed = syn.compose_landmarks(marks, face_width=PERSON_FACE_WIDTH, centre=centre)
    shut = syn.blink(frame, placed)
    turned = [syn.turn(frame, placed, degrees) for degrees in (10, 20, 28)]
    return ((frame,) * 45 + (shut,) * 4 + (frame,) * 45 + tuple(t for t in turned for _ in range(3))
            + (turned[-1],) * 6 + tuple(t for t in reversed(turned[:-1]) for _ in range(3)))


def _fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """The image scaled to fit the frame, centred, the rest filled with the hall's wall colour."""
    from drivers.face.synthetic import ROOM

    scale = min(size[0] / image.shape[1], size[1] / image.shape[0])
    resized = cv2.resize(image, (max(1, int(image.shape[1] * scale)), max(1, int(image.shape[0] * scale))),
                         interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    frame = np.empty((size[1], size[0], 3), np.uint8)
    frame[:] = ROOM
    top, left = (size[1] - resized.shape[0]) // 2, (size[0] - resized.shape[1]) // 2
    frame[top:top + resized.shape[0], left:left + resized.shape[1]] = resized
    return frame


def _video(path: Path, size: tuple[int, int]) -> tuple[np.ndarray, ...]:
    capture = cv2.VideoCapture(str(path))
    frames = []
    while len(frames) < MAX_VIDEO_FRAMES:
        ok, image = capture.read()
        if not ok:
            break
        frames.append(image if (image.shape[1], image.shape[0]) == size else _fit(image, size))
    capture.release()
    if not frames:
        frames.append(_fit(np.zeros((size[1], size[0], 3), np.uint8), size))
    return tuple(frames)
