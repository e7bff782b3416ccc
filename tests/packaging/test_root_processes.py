"""A program a test leaves running inside a Debian root is stopped with the root, also once the root is
deleted: no kiosk runs on for days in a tree that no longer exists."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.debian_root import privileged, stop_processes_in

pytestmark = pytest.mark.packaging


def _tiny_root(path: Path) -> None:
    """`path` holding a shell and the libraries it loads, enough to chroot into."""
    shell = Path("/bin/sh").resolve()
    libs = [Path(part) for line in subprocess.run(["ldd", str(shell)], capture_output=True, text=True,
                                                   check=True).stdout.splitlines()
            for part in line.split() if part.startswith("/")]
    (path / "bin").mkdir(parents=True)
    shutil.copy2(shell, path / "bin" / "sh")
    for file in libs:
        target = path / file.relative_to("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, target)


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("deleted", [False, True])
def test_a_program_left_running_in_a_root_is_stopped_with_it(tmp_path, deleted):
    roots = tmp_path / "roots"
    root = roots / "root-1"
    _tiny_root(root)
    # A shell that says it is running (so it is loaded: deleting the root cannot stop it), then waits on stdin.
    proc = subprocess.Popen(privileged(["chroot", str(root), "/bin/sh", "-c", "echo running; read line"]),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stdout.readline() == "running\n"
        if deleted:
            shutil.rmtree(root)

        killed = stop_processes_in(roots, below=True) if deleted else stop_processes_in(root)

        assert killed  # (the shell, or under sudo the shell below it)
        proc.wait(timeout=30)
        assert not _running(proc.pid)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdin.close()
        proc.stdout.close()
