"""The font the simulated printer draws with: Noto Sans Mono CJK SC from Debian's fonts-noto-cjk.

Its Latin letters are exactly half as wide as its Chinese characters, as a receipt printer's 12 x 24 and
24 x 24 dot cells are. Found with fc-match, or at Debian's path; missing, FontMissing says what to install.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FAMILY = "Noto Sans Mono CJK SC"
DEBIAN_PATH = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CELL = 24      # a Chinese character's cell, in dots; ASCII takes half
FONT_PX = 24   # glyph size: ASCII advances 12 dots, Chinese 24
BASELINE = 21  # from the top of the cell


class FontMissing(Exception):
    pass


@dataclass(frozen=True)
class Fonts:
    regular: ImageFont.FreeTypeFont
    bold: ImageFont.FreeTypeFont | None  # None: draw regular with a stroke


def _locate() -> Path:
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", f"{FAMILY}:style=Regular"], capture_output=True,
                               check=False, text=True, timeout=10).stdout.strip()
        if found.endswith(".ttc") and "CJK" in found and Path(found).exists():
            return Path(found)
    if DEBIAN_PATH.exists():
        return DEBIAN_PATH
    raise FontMissing(f"the simulated printer needs the {FAMILY} font (Debian package fonts-noto-cjk, file "
                      f"{DEBIAN_PATH}); fc-match did not find it: install fonts-noto-cjk")


def _face(path: Path) -> ImageFont.FreeTypeFont | None:
    """The Mono SC face of a Noto CJK collection, or None when the collection has none."""
    for index in range(32):
        try:
            font = ImageFont.truetype(str(path), FONT_PX, index=index)
        except OSError:
            return None
        if font.getname()[0] == FAMILY:
            return font
    return None


@lru_cache(maxsize=1)
def load_fonts() -> Fonts:
    path = _locate()
    regular = _face(path)
    if regular is None:
        raise FontMissing(f"{path} has no {FAMILY} face: install Debian's fonts-noto-cjk")
    bold_path = path.with_name(path.name.replace("Regular", "Bold"))
    bold = _face(bold_path) if bold_path != path and bold_path.exists() else None
    return Fonts(regular, bold)
