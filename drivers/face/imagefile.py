"""Reading image files with errors that name the file, and writing JPEGs that carry their resolution (dpi).

OpenCV's decoder returns None for most bad files, but for a truncated JPEG it warns on stderr and hands back
a half-grey picture; so a JPEG must also end with its end-of-image marker. OpenCV writes no dpi into a JPEG:
the JFIF header's density fields are set here (GA/T 461 wants 350 dpi in the file).
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import cv2
import numpy as np

from drivers.errors import Failure, Ok, Result
from drivers.face import errors as _errors  # noqa: F401  (registers the codes)

MAX_BYTES = 50 * 1024 * 1024
_JPEG_START, _JPEG_END = b"\xff\xd8", b"\xff\xd9"


def read_image(path: Path) -> Result[np.ndarray]:
    """The image (BGR, 8-bit, 3 channels) in `path`, or face.image_missing / face.image_unreadable."""
    path = Path(path)
    if not path.exists():
        return Failure("face.image_missing", f"{path}: no such file")
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as e:
        return Failure("face.image_unreadable", f"{path}: cannot be read ({e.strerror})")
    if data is None:
        return Failure("face.image_unreadable", f"{path}: larger than {MAX_BYTES // 2**20} MB")
    return decode_image(data, str(path))


def decode_image(data: bytes, name: str = "image") -> Result[np.ndarray]:
    if data.startswith(_JPEG_START) and _JPEG_END not in data[-64:]:
        return Failure("face.image_unreadable", f"{name}: the JPEG data is cut short (no end-of-image marker)")
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) if data else None
    if image is None:
        return Failure("face.image_unreadable", f"{name}: not an image (corrupt, empty or an unknown format)")
    return Ok(image)


def encode_jpeg(image: np.ndarray, *, quality: int = 90, dpi: int | None = None) -> bytes:
    ok, buffer = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("OpenCV could not encode the image as JPEG")
    data = buffer.tobytes()
    return set_jpeg_dpi(data, dpi) if dpi else data


def set_jpeg_dpi(data: bytes, dpi: int) -> bytes:
    """Set the JFIF APP0 density to `dpi` dots per inch (units byte 1)."""
    if data[2:4] != b"\xff\xe0" or data[6:11] != b"JFIF\x00":
        raise ValueError("the JPEG has no JFIF header to carry a resolution")
    return data[:13] + struct.pack(">BHH", 1, dpi, dpi) + data[18:]


def jpeg_dpi(data: bytes) -> tuple[int, int] | None:
    """The (x, y) dpi of a JFIF JPEG, or None when it has none in dots per inch."""
    if data[2:4] != b"\xff\xe0" or data[6:11] != b"JFIF\x00" or data[13] != 1:
        return None
    x, y = struct.unpack(">HH", data[14:18])
    return x, y


def write_file(path: Path, data: bytes) -> Result[Path]:
    """Write `data` whole or not at all (a temporary file renamed into place)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        return Failure("face.output_unwritable", f"{path}: cannot be written ({e.strerror})")
    return Ok(path)
