"""Images the fuzzing (fuzz/ registry_photo) found to crash or exhaust decode_image, kept literally: each
is refused at once as face.image_unreadable, so the face step falls back instead of the kiosk stalling."""

from __future__ import annotations

import cv2
import numpy as np

from drivers.errors import Failure
from drivers.face.imagefile import declared_pixels, decode_image


def jpeg_claiming(height: int, width: int) -> bytes:
    data = bytearray(cv2.imencode(".jpg", np.full((16, 12, 3), 90, np.uint8))[1].tobytes())
    at = data.find(b"\xff\xc0")
    data[at + 5:at + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


def test_a_small_jpeg_claiming_32767_squared_pixels_is_refused_unread() -> None:
    """631 bytes that made OpenCV allocate 6 GB and decode for 90 s."""
    bomb = jpeg_claiming(0x7FFF, 0x7FFF)
    assert declared_pixels(bomb) == 0x7FFF * 0x7FFF
    result = decode_image(bomb, "the reference photo")
    assert isinstance(result, Failure) and result.code == "face.image_unreadable"


def test_a_jpeg_over_opencvs_pixel_limit_is_unreadable_not_an_exception() -> None:
    """32769 x 32768: OpenCV raised cv2.error (CV_IO_MAX_IMAGE_PIXELS) instead of returning None."""
    result = decode_image(jpeg_claiming(0x8001, 0x8000))
    assert isinstance(result, Failure) and result.code == "face.image_unreadable"


def test_an_ordinary_photo_still_decodes() -> None:
    assert decode_image(jpeg_claiming(16, 12)).ok
    assert declared_pixels(jpeg_claiming(16, 12)) == 192
