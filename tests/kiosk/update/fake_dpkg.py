#!/usr/bin/env python3
"""A stand-in for dpkg, dpkg-deb, dpkg-query and dpkg-repack (the name it is called by decides), for the
installer's unit tests only: it installs nothing, it records each call and the "installed" version in
$FAKE_DPKG_DIR. A fake package file is text: "Package: kiosk\\nVersion: 0.2.0\\n" (a line "broken" makes
dpkg --install fail). The real dpkg is exercised in tests/packaging/test_update_rollback.py.

Also `restart`: the kiosk "restarts" and writes its health report if the installed version is one of the
healthy ones listed in $FAKE_DPKG_DIR/healthy (one a line)."""

import json
import os
import sys
import time
from pathlib import Path

state = Path(os.environ["FAKE_DPKG_DIR"])
name = Path(sys.argv[0]).name
args = sys.argv[1:]
with (state / "calls").open("a") as log:
    log.write(json.dumps([name, *args]) + "\n")
installed = state / "installed"


def fields(path):
    lines = Path(path).read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if ": " in line), lines


if name == "dpkg-query":
    if installed.exists():
        print(f"install ok installed\t{installed.read_text()}", end="")
        sys.exit(0)
    sys.exit(1)
if name == "dpkg-deb":
    try:
        f, _ = fields(args[-1])
        print(f"{f['Package']}\t{f['Version']}")
    except (OSError, KeyError, ValueError):
        sys.exit(2)
    sys.exit(0)
if name == "dpkg":
    f, lines = fields(args[-1])
    if "broken" in lines:
        print("dpkg: error processing package kiosk (--install)", file=sys.stderr)
        sys.exit(1)
    installed.write_text(f["Version"])
    sys.exit(0)
if name == "dpkg-repack":
    if os.environ.get("FAKE_REPACK_FAILS"):
        sys.exit(1)
    version = installed.read_text()
    Path(f"kiosk_{version}_amd64.deb").write_text(f"Package: kiosk\nVersion: {version}\nrepacked\n")
    sys.exit(0)
if name == "restart":
    data_dir, version = Path(args[0]), installed.read_text()
    healthy = (state / "healthy").read_text().split() if (state / "healthy").exists() else []
    if version in healthy:
        (data_dir / "health.json").write_text(json.dumps({"version": version, "pid": os.getppid(),
                                                          "at": time.time()}))
    sys.exit(0)
sys.exit(f"fake_dpkg: called as {name}?")
