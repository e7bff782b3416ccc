"""Removing the package keeps the terminal's data, configuration and user (a reinstall carries on);
purging, and only purging, deletes them."""

from __future__ import annotations

import pytest

from tests.packaging.installing import apt_install, installed_version
from tests.packaging.kiosk_user import run_as_kiosk

pytestmark = pytest.mark.packaging

GONE_WITH_PURGE = ["/var/lib/kiosk", "/etc/kiosk", "/etc/udev/rules.d/70-kiosk-devices.rules",
                   "/etc/pam.d/kiosk"]


def _exists(root, path: str) -> bool:
    return root.run(["test", "-e", path], check=False).returncode == 0


def _leave_a_record(root) -> None:
    run_as_kiosk(root, ["sh", "-c", "echo 'a citizen record' > /var/lib/kiosk/record"])


def test_remove_keeps_data_configuration_and_user(installed, deb, report):
    _leave_a_record(installed)

    installed.run(["apt-get", "remove", "-y", "-q", "kiosk"])

    assert installed_version(installed) is None
    for path in ("/opt/kiosk", "/usr/bin/kiosk", "/lib/systemd/system/kiosk.service"):
        assert not _exists(installed, path), f"{path} is left behind"
    assert not _exists(installed, "/etc/systemd/system/multi-user.target.wants/kiosk.service")
    assert installed.run(["cat", "/var/lib/kiosk/record"]).stdout == "a citizen record\n"
    assert _exists(installed, "/etc/kiosk/kiosk.toml")
    assert installed.run(["getent", "passwd", "kiosk"], check=False).returncode == 0

    report["reinstall_s"] = round(apt_install(installed, deb), 1)
    assert installed.run(["cat", "/var/lib/kiosk/record"]).stdout == "a citizen record\n"


def test_purge_deletes_data_configuration_and_user(installed):
    _leave_a_record(installed)

    installed.run(["apt-get", "purge", "-y", "-q", "kiosk"])

    for path in GONE_WITH_PURGE:
        assert not _exists(installed, path), f"{path} survived the purge"
    assert installed.run(["getent", "passwd", "kiosk"], check=False).returncode != 0
    assert installed.run(["getent", "group", "kiosk"], check=False).returncode != 0
