"""A fresh install on a clean Debian 12: what an installer finds on the terminal afterwards."""

from __future__ import annotations

import pytest

from tests.packaging.installing import field
from tests.packaging.kiosk_user import run_as_kiosk

pytestmark = pytest.mark.packaging


def test_kiosk_command_runs_from_the_installed_files(installed, deb):
    done = installed.run(["kiosk", "--version"])

    assert done.stdout.strip() == f"kiosk {field(deb, 'Version')}"


def test_the_application_runs_as_the_kiosk_user_with_its_device_groups(installed):
    entry = installed.run(["getent", "passwd", "kiosk"]).stdout.strip().split(":")
    groups = installed.run(["id", "-nG", "kiosk"]).stdout.split()

    assert int(entry[2]) < 1000, "a system user"
    assert entry[5:] == ["/var/lib/kiosk", "/usr/sbin/nologin"]
    assert {"dialout", "input", "video", "audio", "render"} <= set(groups)


def test_the_data_folder_belongs_to_the_kiosk_user_alone(installed):
    owner_mode = installed.run(["stat", "-c", "%U:%G %a", "/var/lib/kiosk"]).stdout.strip()

    assert owner_mode == "kiosk:kiosk 700"
    run_as_kiosk(installed, ["touch", "/var/lib/kiosk/written-by-kiosk"])


def test_configuration_is_a_conffile_pointing_at_the_data_folder(installed):
    conffiles = installed.run(["dpkg-query", "-W", "-f=${Conffiles}", "kiosk"]).stdout
    config = installed.run(["cat", "/etc/kiosk/kiosk.toml"]).stdout

    assert "/etc/kiosk/kiosk.toml" in conffiles
    assert "/etc/udev/rules.d/70-kiosk-devices.rules" in conffiles
    assert '\ndata_dir = "/var/lib/kiosk"\n' in config


def test_the_kiosk_starts_at_boot(installed):
    link = installed.run(["readlink", "/etc/systemd/system/multi-user.target.wants/kiosk.service"])

    assert link.stdout.strip() == "/lib/systemd/system/kiosk.service"


def test_no_build_tools_are_needed_and_pyscard_is_compiled(installed):
    compilers = installed.run(["sh", "-c", "command -v gcc cc swig || true"]).stdout

    assert compilers.strip() == ""
    run_as_kiosk(installed, ["/opt/kiosk/bin/python", "-c", "import smartcard.scard, serial, cv2, PySide6.QtQuick"])


def test_the_screen_and_voice_libraries_resolve(installed):
    """The offscreen run does not load the plugins a terminal uses: Wayland (cage), eglfs, speech-dispatcher."""
    qt = "/opt/kiosk/lib/python3.11/site-packages/PySide6/Qt"
    plugins = [f"{qt}/plugins/platforms/libqwayland.so", f"{qt}/plugins/platforms/libqeglfs.so",
               f"{qt}/plugins/texttospeech/libqtexttospeech_speechd.so",
               f"{qt}/plugins/wayland-shell-integration/libxdg-shell.so"]
    done = installed.run(["ldd", *plugins], env={"LD_LIBRARY_PATH": f"{qt}/lib"})

    assert "not found" not in done.stdout, done.stdout


def test_the_kiosk_session_has_what_it_runs(installed):
    for path in ("/usr/bin/cage", "/usr/bin/setterm", "/lib/x86_64-linux-gnu/security/pam_systemd.so",
                 "/lib/x86_64-linux-gnu/security/pam_unix.so", "/etc/pam.d/kiosk", "/usr/sbin/pcscd"):
        installed.run(["test", "-e", path])
