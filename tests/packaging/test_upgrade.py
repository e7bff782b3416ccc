"""An upgrade keeps what the installer and the citizens left on the terminal: the edited configuration and
the data. dpkg must not ask about the configuration either: nobody is there to answer on a terminal."""

from __future__ import annotations

import pytest

from tests.packaging.installing import apt_install, field, installed_version
from tests.packaging.kiosk_user import run_as_kiosk

pytestmark = pytest.mark.packaging


def test_upgrade_keeps_the_edited_configuration_and_the_data(installed, bumped_deb, report):
    installed.run(["sed", "-i", "s/^idle_timeout_s = 60$/idle_timeout_s = 90/", "/etc/kiosk/kiosk.toml"])
    edited = installed.run(["cat", "/etc/kiosk/kiosk.toml"]).stdout
    assert "\nidle_timeout_s = 90\n" in edited
    run_as_kiosk(installed, ["sh", "-c", "echo 'a citizen record' > /var/lib/kiosk/record"])

    report["upgrade_s"] = round(apt_install(installed, bumped_deb), 1)

    assert installed_version(installed) == field(bumped_deb, "Version")
    assert installed.run(["cat", "/etc/kiosk/kiosk.toml"]).stdout == edited
    assert installed.run(["ls", "/etc/kiosk"]).stdout.split() == ["kiosk.toml"], "no .dpkg-new/.dpkg-dist"
    assert installed.run(["cat", "/var/lib/kiosk/record"]).stdout == "a citizen record\n"
    assert installed.run(["stat", "-c", "%U:%G %a", "/var/lib/kiosk"]).stdout.strip() == "kiosk:kiosk 700"
    assert installed.run(["kiosk", "--version"]).stdout.startswith("kiosk ")
