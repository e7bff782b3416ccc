"""`kiosk diag`: the technician's board and self-tests on the command line (over SSH, without the screen).

    kiosk diag                      status of every configured device and the system
    kiosk diag --test all --json    run every self-test; JSON as documented in kiosk/diag/report.py
    kiosk diag --test locker --door 3
    kiosk diag --test camera        take a frame and run the face check on it
    kiosk diag --test pcsc_reader   read the ATR (and UID) of the card on the PC/SC reader

Exit code 0 when everything passes, 1 when something does not, 2 when the configuration is refused.
A running kiosk is asked over its diagnostics handle (its drivers hold the ports); without one, the devices
are opened here (simulated ones on simulators started for the occasion).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

EXIT_FAIL, EXIT_CONFIG = 1, 2


def add_parser(sub) -> None:
    diag = sub.add_parser("diag", help="device board and self-tests, for technicians")
    diag.add_argument("--json", action="store_true", help="print the report as JSON")
    diag.add_argument("--test", action="append", default=[], metavar="DEVICE|all",
                      help="run the self-test of a configured device (repeatable), or of all")
    diag.add_argument("--door", action="append", type=int, default=[], metavar="N",
                      help="locker self-test: open door N and check it (repeatable)")
    diag.add_argument("--all-doors", action="store_true", help="locker self-test: open every door in turn")
    diag.add_argument("--scan-wait", type=float, default=0.0, metavar="S",
                      help="scanner self-test: wait S seconds for a code to be scanned")
    diag.add_argument("--print-test", action="store_true", help="printer self-test: print a test receipt")
    diag.add_argument("--config", type=Path, help="TOML configuration (default /etc/kiosk/kiosk.toml)")
    diag.add_argument("--simulate", action="store_true", help="use simulated devices for every device")
    diag.set_defaults(func=cmd_diag)


def _report_from_running_kiosk(socket_path: Path, tests: list[str], options: dict) -> dict | None:
    from kiosk.control_socket import request

    if not socket_path.exists():
        return None
    try:
        answer = request(socket_path, {"action": "report", "tests": tests, "options": options},
                         timeout_s=300)
    except (OSError, ValueError):
        return None  # a socket left behind by a kiosk that is not running any more
    if not answer.get("ok"):
        raise KeyError(answer.get("error", "the kiosk refused the request"))
    return answer["report"]


def _report_standalone(config, data_dir: Path, tests: list[str], options: dict) -> dict:
    from kiosk.devices import DeviceManager
    from kiosk.diag.report import build_report
    from kiosk.diag.system import system_figures
    from kiosk.sim_hub import SimHub

    with tempfile.TemporaryDirectory(prefix="kiosk-diag-") as folder:
        hub = SimHub(Path(folder), config.devices)
        hub.start()
        manager = DeviceManager(config.devices, sim_dir=Path(folder))
        manager.start()
        rig = _camera(config) if any(config.devices[n].kind == "camera" for n in tests if n in config.devices) \
            else None
        try:
            for worker in manager.workers.values():
                worker.opened.wait(30)
            outside = {}
            if rig is not None:
                from kiosk.diag.outside import CameraBench

                rig.camera.latest.wait_newer(0, 10)  # the first frame, or the camera's status says why not
                outside[rig.name] = CameraBench(rig.camera, rig.analyzer).device()
            return build_report(config.devices, manager, terminal_id=config.terminal.terminal_id,
                                system=system_figures(data_dir), tests=tests, options=options, outside=outside)
        finally:
            if rig is not None:
                rig.stop()
            manager.stop()
            hub.stop()


def _camera(config):
    """The configured camera, started (None when it cannot be set up: the report says it is not driven)."""
    from kiosk.camera_setup import build_camera, first_camera

    name, device = first_camera(config.devices)
    built = build_camera(name, device)
    if not built.ok:
        print(f"kiosk diag: the camera {name} cannot be set up: {built.code}: {built.detail}", file=sys.stderr)
        return None
    built.value.camera.start()
    return built.value


def cmd_diag(args: argparse.Namespace) -> int:
    from kiosk import paths
    from kiosk.config import ConfigError, load_config
    from kiosk.diag.report import render_text
    from kiosk.diag.selftests import SELF_TESTS
    from kiosk.diag.server import SOCKET_NAME
    from kiosk.log import configure_logging

    testable = set(SELF_TESTS) | {"camera"}  # the camera's test: kiosk/diag/camera_test.py
    configure_logging("warning")
    try:
        config = load_config(args.config, simulate=args.simulate)
    except ConfigError as e:
        print(f"kiosk: the configuration was refused:\n{e}", file=sys.stderr)
        return EXIT_CONFIG
    tests = [n for n, d in config.devices.items() if d.kind in testable] if "all" in args.test else args.test
    options = {"doors": args.door, "all_doors": args.all_doors, "scan_wait_s": args.scan_wait,
               "print_test": args.print_test, "card_optional": "all" in args.test}
    data_dir = paths.data_dir(config.store.data_dir)
    try:
        report = _report_from_running_kiosk(data_dir / SOCKET_NAME, tests, options)
        if report is None:
            report = _report_standalone(config, data_dir, tests, options)
    except KeyError as e:
        print(f"kiosk diag: {e.args[0]}", file=sys.stderr)
        return EXIT_CONFIG
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else render_text(report))
    return 0 if report["ok"] else EXIT_FAIL
