"""The reference platform's small population registry: one reference photo per ID number.

A terminal compares the citizen's live face with the registry photo before an ID card is replaced. The
reference server seeds its registry from a folder of JPEG files named by ID number (`--registry DIR`,
e.g. 110101199001010015.jpg); other files (a README) are ignored. A JPEG whose name is not an ID number,
or a file named .jpg that is not a JPEG, stops the server with an error naming the file. The photos are
held in memory; the terminal, in turn, never writes them to disk.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from sync.central.pickup_codes import ID_NUMBER

JPEG_SUFFIXES = (".jpg", ".jpeg")
JPEG_MAGIC = b"\xff\xd8\xff"
MAX_PHOTO_BYTES = 4 << 20


class RegistryError(ValueError):
    """The registry folder holds something that cannot be a reference photo; the message names the file."""


def load_registry(folder: Path) -> Mapping[str, bytes]:
    """ID number (upper case) -> JPEG bytes, from every *.jpg / *.jpeg in `folder`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise RegistryError(f"{folder}: the registry folder does not exist")
    photos: dict[str, bytes] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in JPEG_SUFFIXES or not path.is_file():
            continue
        number = path.stem.upper()
        if not ID_NUMBER.match(number):
            raise RegistryError(f"{path}: a registry photo must be named by an ID number (18 characters, "
                                "e.g. 110101199001010015.jpg)")
        data = path.read_bytes()
        if not data.startswith(JPEG_MAGIC):
            raise RegistryError(f"{path}: not a JPEG file")
        if len(data) > MAX_PHOTO_BYTES:
            raise RegistryError(f"{path}: larger than {MAX_PHOTO_BYTES >> 20} MiB; a reference photo is small")
        if number in photos:
            raise RegistryError(f"{path}: a second photo for the same ID number")
        photos[number] = data
    return MappingProxyType(photos)
