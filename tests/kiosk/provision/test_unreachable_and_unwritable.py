"""Failures of the surroundings: a platform that is not there (named by its address), a folder that cannot
be written (named), an address that is not one."""

from __future__ import annotations

import socket
from pathlib import Path


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nobody listens once it is closed


def test_an_unreachable_platform_is_named(provision_cmd) -> None:
    url = f"http://127.0.0.1:{_closed_port()}"
    ran = provision_cmd("--central", url, "--token", "tok")
    assert ran.code == 3
    assert f"kiosk provision: the central platform at {url} cannot be reached (no connection)" in ran.err


def test_a_folder_that_cannot_be_written_is_named(provision_cmd, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    ran = provision_cmd("--central", "http://127.0.0.1:9", "--token", "tok", folder=blocker / "etc")
    assert ran.code == 4
    assert ran.err.startswith(f"kiosk provision: cannot write {blocker / 'etc' / 'identity'}")


def test_an_address_that_is_not_http_is_refused(provision_cmd) -> None:
    ran = provision_cmd("--central", "ftp://central.example", "--token", "tok")
    assert ran.code == 2 and "'ftp://central.example' is not an http:// or https:// address" in ran.err
