"""A clean Debian 12 root to install the package into: debootstrap once, then a fresh copy per test session.

The base root (debootstrap --variant=minbase, the smallest system apt can work in) is cached as a tarball in
build/packaging/, keyed by suite, mirror and debootstrap version; downloaded .debs are kept in
build/packaging/apt-archives/ and bind-mounted into every root, so only the first run fetches packages.

A root is entered with chroot, with its own /proc, a private devpts and a tmpfs /dev/shm. The host's /dev is
never bind-mounted, and a root is deleted only once nothing is mounted under it, with --one-file-system.
Everything here needs root; as another user the commands go through `sudo -n`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path
from typing import Self

SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
SOURCES = (f"deb {MIRROR} {SUITE} main\n"
           f"deb {MIRROR} {SUITE}-updates main\n"
           f"deb http://deb.debian.org/debian-security {SUITE}-security main\n")
PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def privileged(args: list[str]) -> list[str]:
    return args if os.geteuid() == 0 else ["sudo", "-n", *args]


def sh(args: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(privileged([str(a) for a in args]), check=True, **kw)


def base_tarball(cache: Path) -> Path:
    """The cached minbase root as a tarball, made with debootstrap when missing (a few minutes)."""
    tool = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "debootstrap"],
                          capture_output=True, text=True, check=True).stdout
    key = hashlib.sha256(f"{SUITE} {MIRROR} minbase {tool}".encode()).hexdigest()[:12]
    tarball = cache / f"debian-{SUITE}-minbase-{key}.tar"
    if tarball.exists():
        return tarball
    cache.mkdir(parents=True, exist_ok=True)
    work = cache / f"debootstrap-{key}"
    remove_tree(work)
    sh(["debootstrap", "--variant=minbase", SUITE, work, MIRROR], stdout=subprocess.DEVNULL)
    partial = tarball.with_suffix(".partial")
    sh(["tar", "--numeric-owner", "-C", work, "-cf", partial, "."])
    sh(["mv", partial, tarball])
    remove_tree(work)
    return tarball


def mounts_under(path: Path) -> list[str]:
    """Mount points at or below `path`, deepest first."""
    prefix = str(path.resolve())
    points = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            point = line.split()[4].replace("\\040", " ")
            if point == prefix or point.startswith(prefix + "/"):
                points.append(point)
    return sorted(points, key=len, reverse=True)


def remove_tree(path: Path) -> None:
    """Delete a root, refusing while anything is still mounted below it."""
    if not path.exists():
        return
    if mounts_under(path):
        raise RuntimeError(f"{path}: still mounted: {mounts_under(path)}; not deleting")
    sh(["rm", "-rf", "--one-file-system", path])


def stop_processes_in(path: Path, *, below: bool = False) -> list[int]:
    """Kill every process whose root directory is `path` (with `below`: any directory under it), also once
    that directory is deleted ("<path> (deleted)"). A kiosk a test started in the background and did not
    stop would otherwise run on in a deleted tree, using CPU, until the machine restarts. Returns the ids."""
    pattern = '"$1"/*' if below else '"$1"|"$1 (deleted)"'
    script = ('for p in /proc/[0-9]*; do r=$(readlink "$p/root" 2>/dev/null) || continue; '
              f'case "$r" in {pattern}) kill -KILL "${{p#/proc/}}" 2>/dev/null && echo "${{p#/proc/}}";; esac; done')
    done = subprocess.run(privileged(["sh", "-c", script, "sh", str(Path(path).absolute())]),
                          capture_output=True, text=True, check=False)
    return [int(pid) for pid in done.stdout.split()]


class DebianRoot:
    """One clean root at `path`; `run` executes a command inside it. Use as a context manager."""

    def __init__(self, path: Path, archives: Path) -> None:
        self.path = path
        self.archives = archives

    @classmethod
    def fresh(cls, tarball: Path, path: Path, archives: Path) -> DebianRoot:
        remove_tree(path)
        path.mkdir(parents=True)
        sh(["tar", "--numeric-owner", "-C", path, "-xf", tarball])
        (archives / "partial").mkdir(parents=True, exist_ok=True)
        root = cls(path, archives)
        root._write("etc/apt/sources.list", SOURCES)
        root._write("etc/resolv.conf", Path("/etc/resolv.conf").read_text())
        # As in any chroot: no service starts while packages are installed.
        root._write("usr/sbin/policy-rc.d", "#!/bin/sh\nexit 101\n", mode=0o755)
        return root

    def _write(self, rel: str, text: str, mode: int = 0o644) -> None:
        staged = self.path.parent / f".{self.path.name}-{rel.replace('/', '_')}"
        staged.write_text(text)
        sh(["rm", "-f", self.path / rel])
        sh(["install", "-m", f"{mode:o}", staged, self.path / rel])
        staged.unlink()

    def __enter__(self) -> Self:
        try:
            sh(["mount", "-t", "proc", "proc", self.path / "proc"])
            sh(["mount", "-t", "devpts", "-o", "newinstance,ptmxmode=0666,mode=0620,gid=5", "devpts",
                self.path / "dev/pts"])
            sh(["ln", "-sfn", "pts/ptmx", self.path / "dev/ptmx"])
            sh(["mkdir", "-p", self.path / "dev/shm"])
            sh(["mount", "-t", "tmpfs", "-o", "mode=1777", "shm", self.path / "dev/shm"])
            sh(["mount", "--bind", self.archives, self.path / "var/cache/apt/archives"])
        except BaseException:
            self.unmount()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.unmount()

    def unmount(self) -> None:
        """Stop whatever still runs inside the root, then unmount what is mounted in it."""
        self.stop_processes()
        for point in mounts_under(self.path):
            subprocess.run(privileged(["umount", "--lazy", point]), check=False)

    def stop_processes(self) -> list[int]:
        """Kill every process still running inside this root; returns their ids."""
        return stop_processes_in(self.path)

    def command(self, args: list[str], env: dict[str, str] | None = None) -> list[str]:
        """The host command that runs `args` inside the root with a clean environment."""
        base = {"PATH": PATH, "LANG": "C.UTF-8", "DEBIAN_FRONTEND": "noninteractive", "HOME": "/root"}
        base.update(env or {})
        return privileged(["chroot", str(self.path), "/usr/bin/env", "-i",
                           *(f"{k}={v}" for k, v in base.items()), *args])

    def run(self, args: list[str], *, env: dict[str, str] | None = None, check: bool = True,
            timeout: float = 1800) -> subprocess.CompletedProcess:
        """Run `args` inside the root; output captured as text. Raises with the output when it fails."""
        done = subprocess.run(self.command(args, env), capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL, check=False)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)} exited {done.returncode} in {self.path}:\n"
                                 f"{done.stdout[-4000:]}\n{done.stderr[-4000:]}")
        return done

    def copy_in(self, src: Path, rel: str) -> str:
        """Copy a host file into the root; returns its path as seen inside."""
        sh(["cp", src, self.path / rel])
        return "/" + rel
