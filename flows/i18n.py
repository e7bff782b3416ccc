"""The translation ids a definition may use: every `<message id=...>` of the flows_*.ts catalogues.

The screens show texts with qsTrId(id), so a definition names ids, never texts. An id counts as present
only when it is in every language's catalogue with a finished translation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

LANGUAGE_FILES = ("flows_zh_CN.ts", "flows_en.ts")


def ts_ids(path: Path) -> frozenset[str]:
    """The ids with a finished translation in one .ts file (ValueError naming the file when unreadable)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        raise ValueError(f"{path}: not a readable Qt Linguist file ({e})") from None
    ids = set()
    for message in root.iter("message"):
        translation = message.find("translation")
        if message.get("id") and translation is not None and translation.get("type") != "unfinished":
            ids.add(message.get("id"))
    return frozenset(ids)


def known_ids(files: Iterable[Path]) -> frozenset[str]:
    """Ids present in every one of `files` (the intersection: an id missing in one language is missing)."""
    sets = [ts_ids(f) for f in files]
    return frozenset.intersection(*sets) if sets else frozenset()


def flow_catalogues(i18n_dir: Path) -> tuple[Path, ...]:
    return tuple(i18n_dir / name for name in LANGUAGE_FILES)
