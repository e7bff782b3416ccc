"""Build kiosk_<version>_amd64.deb for Debian 12: `make deb`, or `/usr/bin/python3 packaging/build_deb.py`.

The package holds the application in its own virtual environment in /opt/kiosk, made with Debian's
/usr/bin/python3 so that its interpreter links resolve on the terminal, with every Python dependency
installed from wheels built here (pyscard is compiled here, so the terminal needs no compiler). The files
outside /opt come from packaging/root/, the maintainer scripts from packaging/DEBIAN/.

A build is slow (PySide6 alone is 600 MB), so the result is cached: build/deb/kiosk_<version>_amd64.deb is
rebuilt only when the inputs hash (sources, assets, packaging files, the pinned versions, the interpreter)
differs from the one recorded beside it. The path of the package is printed on standard output.

Only the standard library: this runs with the system interpreter, outside the development venv.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
PREFIX = "/opt/kiosk"
SYSTEM_PYTHON = Path("/usr/bin/python3")
#: What goes into the application's wheel and the package, besides packaging/ itself.
SOURCES = ("kiosk", "drivers", "flows", "sync", "assets", "pyproject.toml", "README.md")
SKIP = re.compile(r"(^|/)(__pycache__|[^/]*\.egg-info)(/|$)|\.pyc$")

#: Parts of PySide6 (relative to site-packages/PySide6) the kiosk never uses: Qt WebEngine and WebView (a
#: whole browser, 300 MB), Qt PDF, Qt Designer and the Qt tools for developers. PySide6-Addons brings them all.
UNUSED_PYSIDE = (
    "Qt/lib/libQt6WebEngine*", "Qt/lib/libQt6WebView*", "QtWebEngine*", "QtWebView*",
    "Qt/libexec/QtWebEngineProcess", "Qt/resources", "Qt/translations/qtwebengine*",
    "Qt/qml/QtWebEngine", "Qt/qml/QtWebView", "Qt/plugins/webview",
    "Qt/lib/libQt6Pdf*", "QtPdf*", "Qt/qml/QtQuick/Pdf", "Qt/plugins/imageformats/libqpdf.so",
    "Qt/lib/libQt6Designer*", "QtDesigner*", "Qt/plugins/designer",
    "designer", "assistant", "linguist", "lupdate", "lrelease", "qmlls", "qmlformat", "qmllint",
)

#: Debian packages the installed kiosk needs, and why.
DEPENDS = (
    # the virtual environment's interpreter is Debian's python3.11 (added with its exact version below)
    "adduser",                      # postinst: the kiosk system user
    "init-system-helpers",          # deb-systemd-helper in the maintainer scripts
    "systemd", "libpam-systemd", "dbus",  # the service, the logind session cage needs, D-Bus for logind
    "cage",                         # the Wayland kiosk compositor
    "util-linux",                   # setterm: screen blanking off
    "dpkg-repack",                  # kiosk update apply: keeps the running version as a package to roll back to
    "pcscd", "libpcsclite1",        # PC/SC card readers; pyscard links libpcsclite
    "fonts-noto-cjk",               # Chinese text
    "speech-dispatcher", "espeak-ng", "libspeechd2",  # voice guidance through QtTextToSpeech
    # Qt Quick (PySide6 brings Qt itself, not these system libraries)
    "libegl1", "libgl1", "libglib2.0-0", "libdbus-1-3", "libxkbcommon0", "libfontconfig1", "libfreetype6",
    # Qt on Wayland (under cage)
    "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
    # Qt on X11 (xcb), for a development screen
    "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
    "libxcb-xinerama0", "libxcb-render-util0", "libxcb-image0", "libxcb-randr0", "libxcb-xfixes0",
    "libxcb-sync1", "libx11-xcb1",
    # Qt Virtual Keyboard and QtTextToSpeech load QtMultimedia
    "libpulse0", "libpipewire-0.3-0",
)


class BuildError(Exception):
    """A build that cannot go on; the message says what is missing or wrong."""


def run(*args: str | Path, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], check=True, **kw)


def version() -> str:
    text = (REPO / "kiosk" / "__init__.py").read_text()
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if not match:
        raise BuildError("kiosk/__init__.py: no __version__ = \"...\" line")
    return match[1]


def python_version() -> tuple[int, int, str]:
    if not SYSTEM_PYTHON.exists():
        raise BuildError(f"{SYSTEM_PYTHON} is missing: build on Debian 12 with the python3 package")
    out = run(SYSTEM_PYTHON, "-c", "import sys; print(*sys.version_info[:3])", capture_output=True, text=True)
    major, minor, micro = out.stdout.split()
    return int(major), int(minor), f"{major}.{minor}.{micro}"


def constraints() -> str:
    """The versions the test suite ran with (the development venv), so the package ships the same ones."""
    pip = REPO / ".venv" / "bin" / "pip"
    if not pip.exists():
        return ""
    out = run(pip, "freeze", "--exclude-editable", "--disable-pip-version-check", capture_output=True, text=True)
    return "".join(line + "\n" for line in out.stdout.splitlines()
                   if line and not line.startswith(("kiosk==", "-e ", "#")))


def input_files() -> list[Path]:
    files = []
    for name in (*SOURCES, "packaging"):
        top = REPO / name
        candidates = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file())
        files += [p for p in candidates if not SKIP.search(p.relative_to(REPO).as_posix())]
    return files


def inputs_hash(pins: str, python: str) -> str:
    digest = hashlib.sha256(f"python {python}\n{pins}".encode())
    for path in input_files():
        digest.update(f"\0{path.relative_to(REPO).as_posix()}\0{os.stat(path).st_mode & 0o111:o}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def check_translations() -> None:
    for ts in (REPO / "assets" / "i18n").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            raise BuildError(f"{qm.relative_to(REPO)} is missing or older than its .ts: run `make i18n` first")


def copy_sources(dest: Path) -> None:
    """The files the wheel is built from, away from the checkout (setuptools writes build/ and egg-info)."""
    for name in SOURCES:
        if name == "assets":
            continue
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dest / name)


def make_venv(stage: Path, work: Path, pins: str) -> None:
    venv = stage / PREFIX.lstrip("/")
    run(SYSTEM_PYTHON, "-m", "venv", venv)
    src = work / "src"
    copy_sources(src)
    (work / "constraints.txt").write_text(pins)
    pip = (venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check", "--no-input")
    # Every dependency as a wheel first: pyscard has no wheel for Linux on PyPI and is compiled here.
    run(*pip, "wheel", "--quiet", "--wheel-dir", work / "wheels", "--constraint", work / "constraints.txt", src)
    run(*pip, "install", "--quiet", "--no-compile", "--no-index", "--find-links", work / "wheels", "kiosk")
    # pip and setuptools have no business on a terminal.
    run(*pip, "uninstall", "--quiet", "--yes", "pip", "setuptools")
    trim(venv)
    (site_packages(venv) / "kiosk" / "_production").write_text("a production build (kiosk/build_flavour.py)\n")
    relocate(venv, stage)
    # Bytecode with the installed paths in it, so the kiosk user (who cannot write /opt) never compiles.
    # (PySide6's deployment tool carries Jinja templates named *.tmpl.py, which are not Python.)
    run(venv / "bin" / "python", "-m", "compileall", "-q", "-j", "2", "-x", r"\.tmpl\.py$",
        "-s", stage, "-p", "/", venv / "lib")


def site_packages(venv: Path) -> Path:
    return next((venv / "lib").glob("python3.*/site-packages"))


def trim(venv: Path) -> None:
    """Drop the parts of PySide6 the kiosk never loads, and store PySide6's copied libraries once.

    A wheel cannot hold symbolic links, so libavcodec.so, .so.61 and .so.61.19.101 arrive as three copies;
    here two of them become links. A library that something left still links against is never removed.
    """
    pyside = site_packages(venv) / "PySide6"
    removed = set()
    for pattern in UNUSED_PYSIDE:
        for path in pyside.glob(pattern):
            removed.update(p.name for p in ([path] if path.is_file() else path.rglob("*")) if ".so" in p.name)
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
    for script in (venv / "bin").glob("pyside6-*"):
        script.unlink()
    libraries = [p for p in pyside.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    out = run("readelf", "--dynamic", "--wide", *libraries, capture_output=True, text=True).stdout
    current, broken = "", []
    for line in out.splitlines():
        if line.startswith("File: "):
            current = line[6:]
        elif "(NEEDED)" in line and line.rsplit("[", 1)[-1].rstrip("]") in removed:
            broken.append(f"{current} needs {line.rsplit('[', 1)[-1].rstrip(']')}")
    if broken:
        raise BuildError("trimmed PySide6 too far: " + "; ".join(broken[:5]))
    by_content: dict[tuple[int, str], list[Path]] = {}
    for lib in (pyside / "Qt" / "lib").glob("*.so*"):
        if lib.is_file() and not lib.is_symlink():
            key = (lib.stat().st_size, hashlib.sha256(lib.read_bytes()).hexdigest())
            by_content.setdefault(key, []).append(lib)
    for copies in by_content.values():
        keep, *others = sorted(copies, key=lambda p: (-len(p.name), p.name))
        for other in others:
            other.unlink()
            other.symlink_to(keep.name)


def relocate(venv: Path, stage: Path) -> None:
    """Rewrite the staging path in the venv's scripts and pyvenv.cfg to /opt/kiosk; drop activate scripts.

    The interpreter link points at python3.11 itself (the package depends on it), not at whatever
    /usr/bin/python3 may one day become.
    """
    old, new = str(venv).encode(), PREFIX.encode()
    for script in (venv / "bin").iterdir():
        if script.name.lower().startswith("activate"):
            script.unlink()
    python3 = venv / "bin" / "python3"
    interpreter = os.path.realpath(os.readlink(python3))  # /usr/bin/python3 -> /usr/bin/python3.11
    python3.unlink()
    python3.symlink_to(interpreter)
    for path in [*(venv / "bin").iterdir(), venv / "pyvenv.cfg"]:
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if old in data:
                path.write_bytes(data.replace(old, new))
    leftovers = [p for p in venv.rglob("*") if p.is_file() and not p.is_symlink() and p.suffix != ".so"
                 and p.stat().st_size < 1_000_000 and str(stage).encode() in p.read_bytes()]
    if leftovers:
        raise BuildError("the staging path is still written in: " + ", ".join(map(str, leftovers[:5])))


#: the packaged configuration's platform address until `kiosk provision` sets the real one (.invalid never
#: resolves: the terminal is offline, not talking to somebody else)
UNPROVISIONED_URL = ('# Until `kiosk provision` writes the platform\'s address (kiosk.d/50-provisioned.toml), none:\n'
                     'url = "https://unprovisioned.invalid"\n')


def lay_out_files(stage: Path) -> None:
    shutil.copytree(PACKAGING / "root", stage, dirs_exist_ok=True, symlinks=True)
    # All of it, the .ts sources too: the flow engine reads the translation ids from them at start.
    shutil.copytree(REPO / "assets", stage / PREFIX.lstrip("/") / "share/kiosk/assets")
    example = (REPO / "kiosk/config/example.toml").read_text()
    # The service runs as the kiosk user, not as root: say outright where the data goes.
    line = '# data_dir = "/var/lib/kiosk"\n'
    if example.count(line) != 1:
        raise BuildError(f"kiosk/config/example.toml: expected one line {line.strip()!r} to turn on")
    # A production build talks https to a pinned CA only (kiosk/build_flavour.py): until `kiosk provision` has
    # written the platform's address and CA (kiosk.d/50-provisioned.toml), the terminal runs offline.
    for development, production in (('url = "http://127.0.0.1:8600"\n', UNPROVISIONED_URL),
                                    ('# ca_file = "/etc/kiosk/central-ca.pem"\n', 'ca_file = "/etc/kiosk/central-ca.pem"\n')):
        if example.count(development) != 1:
            raise BuildError(f"kiosk/config/example.toml: expected one line {development.strip()!r} to replace")
        example = example.replace(development, production)
    config = stage / "etc/kiosk/kiosk.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(example.replace(line, line[2:]))
    doc = stage / "usr/share/doc/kiosk"
    doc.mkdir(parents=True, exist_ok=True)
    shutil.copy2(PACKAGING / "README.md", doc / "README.md")
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: kiosk\n\nFiles: *\nLicense: Apache-2.0\n"
        " On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.\n")
    for path in stage.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or path.stat().st_mode & 0o111 else 0o644)


def write_control(stage: Path, pkg_version: str, python: tuple[int, int, str]) -> None:
    debian = stage / "DEBIAN"
    debian.mkdir()
    major, minor, full = python
    depends = (f"python{major}.{minor} (>= {full})", *DEPENDS)
    size_kb = sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir()) // 1024
    control = (PACKAGING / "DEBIAN/control.in").read_text()
    control = (control.replace("@VERSION@", pkg_version).replace("@INSTALLED_SIZE@", str(size_kb))
               .replace("@DEPENDS@", ", ".join(depends)))
    (debian / "control").write_text(control)
    for name in ("conffiles", "postinst", "prerm", "postrm"):
        shutil.copy2(PACKAGING / "DEBIAN" / name, debian / name)
        (debian / name).chmod(0o755 if name != "conffiles" else 0o644)
    for conffile in (debian / "conffiles").read_text().split():
        if not (stage / conffile.lstrip("/")).is_file():
            raise BuildError(f"packaging/DEBIAN/conffiles lists {conffile}, which the package does not hold")
    sums = []
    for path in sorted(stage.rglob("*")):
        rel = path.relative_to(stage).as_posix()
        if path.is_file() and not path.is_symlink() and not rel.startswith("DEBIAN/"):
            sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel}\n")
    (debian / "md5sums").write_text("".join(sums))


def build(out_dir: Path, *, force: bool = False) -> Path:
    pkg_version = version()
    python = python_version()
    if python[:2] != (3, 11):
        raise BuildError(f"{SYSTEM_PYTHON} is Python {python[2]}; Debian 12's is 3.11: build on Debian 12")
    check_translations()
    pins = constraints()
    deb = out_dir / f"kiosk_{pkg_version}_amd64.deb"
    stamp = deb.with_name(deb.name + ".inputs")
    digest = inputs_hash(pins, python[2])
    if not force and deb.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        return deb
    work = out_dir / "work"
    if work.exists():
        shutil.rmtree(work)
    stage = work / "stage"
    stage.mkdir(parents=True)
    make_venv(stage, work, pins)
    lay_out_files(stage)
    write_control(stage, pkg_version, python)
    partial = deb.with_name(deb.name + ".partial")
    # zstd (dpkg 1.21.18+, so Debian 12 reads it): half a minute here, where xz -6 takes seven and two cores
    # for a package about a sixth smaller (packaging/README.md).
    run("dpkg-deb", "--root-owner-group", "-Zzstd", "-z12", "--threads-max=2", "--build", stage, partial,
        stdout=subprocess.DEVNULL)
    partial.replace(deb)
    stamp.write_text(digest + "\n")
    shutil.rmtree(work)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "build" / "deb", help="output folder")
    parser.add_argument("--force", action="store_true", help="rebuild even when the inputs are unchanged")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        # One build at a time: a second `make deb` waits, then finds the first one's package.
        with open(args.out / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            deb = build(args.out.resolve(), force=args.force)
    except BuildError as e:
        print(f"make deb: {e}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as e:
        print(f"make deb: {' '.join(map(str, e.cmd))} failed with exit code {e.returncode}", file=sys.stderr)
        return 1
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
