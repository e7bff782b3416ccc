"""The systemd unit: systemd itself accepts it, and it keeps the promises the watchdog depends on."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from kiosk.watchdog import ping_interval_s

UNIT = Path(__file__).resolve().parents[2] / "packaging/root/lib/systemd/system/kiosk.service"


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string(UNIT.read_text())
    return parser


@pytest.mark.packaging
def test_systemd_analyze_verify_accepts_the_installed_unit(installed):
    done = installed.run(["systemd-analyze", "verify", "/lib/systemd/system/kiosk.service",
                          "/lib/systemd/system/kiosk-update.path", "/lib/systemd/system/kiosk-update.service"],
                         check=False)

    complaints = [line for line in (done.stdout + done.stderr).splitlines() if "kiosk" in line]
    assert done.returncode == 0 and not complaints, done.stdout + done.stderr


def test_a_hung_kiosk_is_restarted_and_its_pings_count():
    service = _unit()["Service"]

    assert service["Restart"] == "always"
    assert service["Type"] == "notify"
    # The app is cage's child: without NotifyAccess=all systemd would drop its READY=1 and WATCHDOG=1.
    assert service["NotifyAccess"] == "all"
    watchdog_s = int(service["WatchdogSec"])
    assert ping_interval_s({"WATCHDOG_USEC": str(watchdog_s * 1_000_000)}) == watchdog_s / 2


def test_the_session_replaces_the_login_prompt_on_tty1():
    unit = _unit()

    assert unit["Unit"]["Conflicts"] == "getty@tty1.service"
    assert unit["Service"]["TTYPath"] == "/dev/tty1"
    assert unit["Service"]["User"] == "kiosk"
    assert unit["Service"]["ExecStart"].startswith("/usr/bin/cage ")
    assert unit["Service"]["ExecStart"].endswith(" -- /usr/bin/kiosk run --platform wayland")
    # Logs go to the journal, not onto the citizen's screen (stdin is the tty).
    assert unit["Service"]["StandardError"] == "journal"
