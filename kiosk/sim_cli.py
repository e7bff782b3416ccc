"""`kiosk sim serve KIND`: one simulated device on a pseudo-terminal, for a kiosk or any other program.

The first line of output is the pseudo-terminal's path, the second the stable link to it. With `--state
FILE`, the device starts from that state (a card on the reader, templates in the library ...) and writes its
state back there when stopped.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import threading
from pathlib import Path

EXIT_BAD_INPUT = 2


def add_parser(sub) -> None:
    sim = sub.add_parser("sim", help="simulated devices")
    simsub = sim.add_subparsers(dest="sim_command", required=True, metavar="SIM_COMMAND")
    serve = simsub.add_parser("serve", help="serve one simulated device on a pseudo-terminal until stopped")
    serve.add_argument("kind", help="id_reader, fingerprint, locker or qr_scanner")
    serve.add_argument("--state", type=Path, help="JSON state to start from, written back on stop")
    serve.add_argument("--link", type=Path, help="stable path to the pseudo-terminal (default: a temp folder)")
    serve.add_argument("--pace", action="store_true", help="deliver answers at the device's baud rate")
    serve.set_defaults(func=cmd_serve)


def _load_state(path: Path | None) -> dict | None:
    if path is None or not path.exists():
        return None
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise SystemExit(f"kiosk sim: {path}:{e.lineno}: not valid JSON ({e.msg})") from None
    except OSError as e:
        raise SystemExit(f"kiosk sim: {path}: cannot be read ({e.strerror})") from None
    if not isinstance(state, dict):
        raise SystemExit(f"kiosk sim: {path}:1: expected a JSON object with the device's state")
    return state


def cmd_serve(args: argparse.Namespace) -> int:
    from drivers.sim.pty import PtyDevice
    from drivers.sim.registry import UnknownSimulator, simulator_module

    try:
        module = simulator_module(args.kind)
    except UnknownSimulator as e:
        print(f"kiosk sim: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        model = module.create(_load_state(args.state))
    except SystemExit as e:
        print(e, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (KeyError, TypeError, ValueError) as e:
        print(f"kiosk sim: {args.state}: not a state this simulator knows ({type(e).__name__}: {e})",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    link = args.link or Path(tempfile.mkdtemp(prefix="kiosk-sim-")) / f"tty-{args.kind}"
    device = PtyDevice(model, link, baudrate=module.DEFAULT_BAUDRATE if args.pace else None).start()
    print(device.tty_path, flush=True)
    print(f"link: {link}", flush=True)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    device.stop()
    if args.state is not None:
        tmp = args.state.with_name(args.state.name + ".tmp")
        tmp.write_text(json.dumps(model.snapshot(), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, args.state)
    return 0
