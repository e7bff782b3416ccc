"""The card's photo is a 1024-byte encrypted, wavelet-compressed "WLT" blob that only a licensed vendor library
can turn into an image (102 x 126 px). The kiosk keeps the blob as bytes and asks a PhotoDecoder for an image;
the default decoder has no library and returns None, and every flow must work without a decoded photo.
"""

from __future__ import annotations

from typing import Protocol

WLT_SIZE = 1024
PHOTO_SIZE_PX = (102, 126)


class PhotoDecoder(Protocol):
    def decode(self, wlt: bytes) -> bytes | None:
        """An image (e.g. BMP bytes) for a WLT blob, or None when it cannot be decoded."""


class NoPhotoDecoder:
    """No vendor library installed: no image, and that is fine."""

    def decode(self, wlt: bytes) -> bytes | None:
        return None
