"""Where the kiosk keeps its files. Nothing here creates a folder; callers do that when they need one."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: The configuration file an installer puts on a terminal (a copy of kiosk/config/example.toml).
DEFAULT_CONFIG_PATH = Path("/etc/kiosk/kiosk.toml")

#: The system-wide data folder, used when the kiosk runs as root (the appliance's systemd service).
SYSTEM_DATA_DIR = Path("/var/lib/kiosk")


def data_dir(override: str | None = None) -> Path:
    """The folder for the store and other state: `override`, else /var/lib/kiosk as root, else XDG data."""
    if override:
        return Path(override)
    if os.geteuid() == 0:
        return SYSTEM_DATA_DIR
    return Path(platformdirs.user_data_dir("kiosk"))


def assets_dir() -> Path:
    """The assets folder: $KIOSK_ASSETS_DIR if set, else the repository's assets/ folder."""
    env = os.environ.get("KIOSK_ASSETS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "assets"
