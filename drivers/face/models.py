"""The dlib models, from the files the `face-recognition-models` package ships.

The package's own functions import `pkg_resources`, which new setuptools no longer has; so the model folder
is found from the package's import spec without importing it. The dlib objects are loaded once per process
(about 100 MB, 0.3 s) and shared: dlib's detector, predictor and network are safe to call from one thread at
a time each, and the kiosk calls them from one analysis thread.
"""

from __future__ import annotations

import importlib.util
import threading
from dataclasses import dataclass
from pathlib import Path

from drivers.errors import Failure, Ok, Result
from drivers.face import errors as _errors  # noqa: F401  (registers the codes)

PACKAGE = "face_recognition_models"
LANDMARKS_68 = "shape_predictor_68_face_landmarks.dat"
DESCRIPTOR = "dlib_face_recognition_resnet_model_v1.dat"


def model_dir() -> Path | None:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def model_path(name: str) -> Result[Path]:
    folder = model_dir()
    if folder is None:
        return Failure("face.models_missing", f"the Python package {PACKAGE} is not installed")
    path = folder / name
    if not path.is_file():
        return Failure("face.models_missing", f"{path}: model file missing")
    return Ok(path)


@dataclass(frozen=True)
class Models:
    detector: object      # dlib.fhog_object_detector (HOG + linear SVM, frontal faces >= 80 px)
    landmarks: object     # dlib.shape_predictor, 68 points
    descriptor: object    # dlib.face_recognition_model_v1, 128-D


_loaded: Models | None = None
_mutex = threading.Lock()


def load_models() -> Result[Models]:
    """The shared dlib models, loaded on first use."""
    global _loaded
    with _mutex:
        if _loaded is not None:
            return Ok(_loaded)
        paths = [model_path(LANDMARKS_68), model_path(DESCRIPTOR)]
        for path in paths:
            if isinstance(path, Failure):
                return path
        import dlib

        _loaded = Models(dlib.get_frontal_face_detector(), dlib.shape_predictor(str(paths[0].value)),
                         dlib.face_recognition_model_v1(str(paths[1].value)))
        return Ok(_loaded)
