"""Where the shipped definitions and assets are (flows cannot ask kiosk.paths; same rule, same result)."""

from __future__ import annotations

import os
from pathlib import Path

DEFINITIONS_DIR = Path(__file__).resolve().parent / "definitions"


def assets_dir() -> Path:
    """$KIOSK_ASSETS_DIR if set, else the repository's assets/ folder (as kiosk.paths.assets_dir)."""
    env = os.environ.get("KIOSK_ASSETS_DIR")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "assets"


def icon_names(assets: Path | None = None) -> frozenset[str]:
    folder = (assets or assets_dir()) / "icons"
    return frozenset(p.stem for p in folder.glob("*.svg"))
