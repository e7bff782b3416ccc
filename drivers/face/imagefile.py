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
MAX_PIXELS = 50_000_000  # a photo of 8000 x 6000 still decodes; a header claiming more is refused unread
#: JPEG start-of-frame markers (baseline, extended, progressive, lossless; Huffman and arithmetic)
_JPEG_FRAMES = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})
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


def declared_pixels(data: bytes) -> int | None:
    """Width x height as a JPEG's frame header or a PNG's IHDR states it (None: not found). Read before
    decoding, because OpenCV allocates what the header says: a 631-byte JPEG claiming 32767 x 32767 pixels
    took 6 GB and 90 s (found by fuzz/ registry_photo)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big") * int.from_bytes(data[20:24], "big")
    at = 2 if data.startswith(_JPEG_START) else len(data)
    while at + 9 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker in _JPEG_FRAMES:
            return int.from_bytes(data[at + 5:at + 7], "big") * int.from_bytes(data[at + 7:at + 9], "big")
        at += 2 if marker == 0xFF or 0xD0 <= marker <= 0xD8 else 2 + int.from_bytes(data[at + 2:at + 4], "big")
    return None


def decode_image(data: bytes, name: str = "image") -> Result[np.ndarray]:
    if data.startswith(_JPEG_START) and _JPEG_END not in data[-64:]:
        return Failure("face.image_unreadable", f"{name}: the JPEG data is cut short (no end-of-image marker)")
    if (declared_pixels(data) or 0) > MAX_PIXELS:
        return Failure("face.image_unreadable", f"{name}: larger than {MAX_PIXELS // 10**6} megapixels")
    try:
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR) if data else None
    except cv2.error:  # OpenCV asserts on some headers (more pixels than CV_IO_MAX_IMAGE_PIXELS) instead of None
        image = None
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
