"""The installed package under test: built with `make deb` (cached), installed into a clean Debian 12 root.

Slow (the first run debootstraps and downloads a few hundred MB of Debian packages; later runs reuse the
caches in build/), so every test here carries the `packaging` marker: `pytest -m packaging` runs only these,
`pytest -m "not packaging"` everything else; `make test` and CI run them all.

One root per test session. The `installed` fixture puts it back into the state "kiosk <version> freshly
configured" before each test that asks for it, so the tests do not depend on their order: install, upgrade,
remove and purge all start from there.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.packaging.debian_root import DebianRoot, base_tarball, remove_tree, sh, stop_processes_in
from tests.packaging.installing import apt_install, field, installed_version

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "build" / "packaging"
#: where the test roots are made: outside the source tree, since a root has /proc and /sys mounted in it and
#: setuptools' package search (pip install -e .) walks the tree following links and would never end
ROOTS = Path(os.environ.get("KIOSK_PACKAGING_ROOTS", "/var/tmp/kiosk-packaging-roots"))
#: Timings and sizes of this session, for the record (the issue's closing note asks for them).
REPORT = CACHE / "report.json"


#: Set to 1 to run the packaging tests in a plain `pytest` run; `make test` (and so CI) sets it.
RUN_ENV = "KIOSK_PACKAGING_TESTS"


def _wanted(config) -> bool:
    markexpr = config.getoption("markexpr") or ""
    return os.environ.get(RUN_ENV) == "1" or ("packaging" in markexpr and "not packaging" not in markexpr)


def pytest_collection_modifyitems(config, items):
    """Without `make test`, KIOSK_PACKAGING_TESTS=1 or `-m packaging`, the slow tests step aside.

    They take minutes and two cores; a quick `pytest tests` while working on something else should not pay
    for them, and several of those at once must not build the same package side by side.
    """
    if _wanted(config):
        return
    dropped = [item for item in items if item.get_closest_marker("packaging")]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if not item.get_closest_marker("packaging")]
        config.stash[_DROPPED] = len(dropped)


_DROPPED = pytest.StashKey[int]()


def pytest_terminal_summary(terminalreporter, config):
    if config.stash.get(_DROPPED, 0):
        terminalreporter.write_line(
            f"{config.stash[_DROPPED]} packaging tests deselected (build and install the .deb): "
            f"run them with `make test`, {RUN_ENV}=1 or -m packaging")


@pytest.fixture(scope="session")
def report():
    figures: dict[str, object] = {}
    yield figures
    CACHE.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(figures, indent=2) + "\n")


@pytest.fixture(scope="session")
def deb(report) -> Path:
    """build/deb/kiosk_<version>_amd64.deb, through `make deb` (seconds when the inputs are unchanged)."""
    started = time.monotonic()
    done = subprocess.run(["make", "--no-print-directory", "-s", "deb"], cwd=REPO, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, f"make deb failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    path = Path(done.stdout.strip().splitlines()[-1])
    if not path.is_absolute():
        path = REPO / path
    assert path.is_file(), f"make deb printed {path}, which is not a file"
    report["make_deb_s"] = round(time.monotonic() - started, 1)
    report["deb_bytes"] = path.stat().st_size
    return path


@pytest.fixture(scope="session")
def bumped_deb(deb, debian_root) -> Path:
    """The same package with a higher version, as an upgrade would bring. Cached; made under the session lock."""
    digest = hashlib.sha256(deb.read_bytes()).hexdigest()[:12]
    version = field(deb, "Version") + "+test1"
    path = CACHE / f"kiosk_{version}_amd64-{digest}.deb"
    if path.exists():
        return path
    for old in CACHE.glob("kiosk_*+test1_amd64-*.deb"):
        old.unlink()  # uncompressed and the size of the installed kiosk: keep only the current one
    work = CACHE / "bump"
    sh(["rm", "-rf", "--one-file-system", work])
    sh(["dpkg-deb", "--raw-extract", deb, work])
    control = work / "DEBIAN" / "control"
    control.write_text(control.read_text().replace(f"Version: {field(deb, 'Version')}\n",
                                                   f"Version: {version}\n"))
    # Uncompressed: this copy is only ever read here, and compressing 600 MB costs minutes.
    sh(["dpkg-deb", "--root-owner-group", "-Znone", "--build", work, path], stdout=subprocess.DEVNULL)
    sh(["rm", "-rf", "--one-file-system", work])
    return path


@pytest.fixture(scope="session")
def debian_root(report):
    """A clean Debian 12 minbase root with apt's package lists fetched, this session's alone.

    Sessions take turns (a lock file), since they share the package caches; a root left behind by a session
    that was killed is unmounted and deleted by the next one.
    """
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ROOTS.mkdir(parents=True, exist_ok=True)
        stop_processes_in(ROOTS, below=True)  # left running in roots of killed sessions, even deleted ones
        for stale in [*CACHE.glob("root-*"), *ROOTS.glob("root-*")]:
            DebianRoot(stale, CACHE / "apt-archives").unmount()
            remove_tree(stale)
        tarball = base_tarball(CACHE)
        root = DebianRoot.fresh(tarball, ROOTS / f"root-{os.getpid()}", CACHE / "apt-archives")
        try:
            with root:
                root.run(["apt-get", "update", "-qq"])
                yield root
        finally:
            remove_tree(root.path)


@pytest.fixture
def installed(debian_root, deb, report) -> DebianRoot:
    """The root with this build of kiosk installed; a test that changes it leaves another version or none.

    A root holding some other state (an upgraded or purged kiosk) is purged and installed afresh.
    """
    if installed_version(debian_root) != field(deb, "Version"):
        debian_root.run(["apt-get", "purge", "-y", "-q", "kiosk"], check=False)
        took = apt_install(debian_root, deb)
        report.setdefault("first_install_with_dependencies_s", round(took, 1))
    return debian_root
