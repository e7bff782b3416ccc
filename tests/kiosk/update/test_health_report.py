"""The running kiosk's health report: what the installer waits for after an update."""

from __future__ import annotations

import os
import stat

from kiosk import __version__
from kiosk.health_report import report_healthy
from kiosk.update.state import read_health


def test_the_report_names_this_version_and_process_and_root_can_read_it(tmp_path, log_lines):
    report_healthy(tmp_path)

    health = read_health(tmp_path)
    assert (health.version, health.pid) == (__version__, os.getpid())
    assert stat.S_IMODE((tmp_path / "health.json").stat().st_mode) == 0o644
    assert log_lines.events("update.health_reported")[0]["version"] == __version__


def test_a_report_that_cannot_be_written_is_logged_not_raised(tmp_path, log_lines):
    (tmp_path / "blocked").write_text("a file where the folder should be")
    report_healthy(tmp_path / "blocked")
    assert log_lines.events("update.health_unwritten")
