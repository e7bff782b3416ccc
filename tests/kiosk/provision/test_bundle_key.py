"""The pinned bundle key as the running kiosk uses it: none configured, no bundles; a damaged file is logged
by name and no bundle is trusted (the last good ones stay in force) instead of the kiosk failing to start."""

from __future__ import annotations

from pathlib import Path

from kiosk import sync_setup
from kiosk.config import load_config


def test_no_key_configured_pulls_no_bundles() -> None:
    assert sync_setup.bundle_keys(load_config(env={})) == []


def test_a_damaged_key_file_is_logged_by_name(log_lines, tmp_path: Path) -> None:
    broken = tmp_path / "bundle-signing.pub.pem"
    broken.write_text("-----BEGIN PUBLIC KEY-----\ngarbage\n-----END PUBLIC KEY-----\n")
    config = load_config(env={"KIOSK__CENTRAL__BUNDLE_KEY_FILE": str(broken)})
    assert sync_setup.bundle_keys(config) == []
    [event] = log_lines.events("sync.bundle_key_refused")
    assert event["path"] == str(broken) and event["level"] == "error"
