"""`kiosk sim ...`: simulated devices from the command line.

    kiosk sim serve KIND        one simulated device on a pseudo-terminal, for a kiosk or any other program.
                                The first line of output is the pseudo-terminal's path, the second the stable
                                link to it. With --state FILE it starts from that state and writes it back.
    kiosk sim list              the simulated devices of a running `kiosk run --simulate`, and their actions
    kiosk sim do DEVICE ACTION [JSON]   act on one of them (unplug, put_card, shut_door ...)
    kiosk sim put-card [--identity FILE] / remove-card   the ID card reader's card, for short
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

    listing = simsub.add_parser("list", help="the simulated devices of the running kiosk")
    listing.set_defaults(func=cmd_list)
    do = simsub.add_parser("do", help="act on a simulated device of the running kiosk")
    do.add_argument("device")
    do.add_argument("action")
    do.add_argument("args", nargs="?", default="{}", help="the action's arguments as a JSON object")
    do.set_defaults(func=cmd_do)
    put = simsub.add_parser("put-card", help="put an ID card on the running kiosk's simulated reader")
    put.add_argument("--identity", type=Path, help="JSON file with the card's fields (default: a sample card)")
    put.add_argument("--device", default="id_reader")
    put.set_defaults(func=cmd_put_card)
    remove = simsub.add_parser("remove-card", help="take the card off the running kiosk's simulated reader")
    remove.add_argument("--device", default="id_reader")
    remove.set_defaults(func=cmd_remove_card)
    for p in (listing, do, put, remove):
        p.add_argument("--config", type=Path, help="the running kiosk's configuration (to find its data folder)")


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
    if hasattr(model, "attach"):  # a device that speaks first (a scanner) is given the wire to send on
        model.attach(device.send)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):  # before the path is out: a caller may stop us at once
        signal.signal(sig, lambda *_: stop.set())
    print(device.tty_path, flush=True)
    print(f"link: {link}", flush=True)
    stop.wait()
    device.stop()
    if args.state is not None:
        tmp = args.state.with_name(args.state.name + ".tmp")
        tmp.write_text(json.dumps(model.snapshot(), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, args.state)
    return 0


def _control_socket(config_path: Path | None) -> Path:
    from kiosk import paths
    from kiosk.config import ConfigError, load_config

    try:
        config = load_config(config_path, simulate=True)
    except ConfigError as e:
        raise SystemExit(f"kiosk sim: the configuration was refused:\n{e}") from None
    return paths.data_dir(config.store.data_dir) / "sim" / "control.sock"


def _send(config_path: Path | None, payload: dict) -> int:
    from kiosk.control_socket import request

    path = _control_socket(config_path)
    try:
        answer = request(path, payload)
    except (FileNotFoundError, ConnectionRefusedError):
        print(f"kiosk sim: no running `kiosk run --simulate` answers at {path}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (OSError, ValueError) as e:
        print(f"kiosk sim: the kiosk at {path} did not answer properly ({type(e).__name__})", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(json.dumps(answer, ensure_ascii=False, indent=2))
    return 0 if answer.get("ok") else 1


def cmd_list(args: argparse.Namespace) -> int:
    return _send(args.config, {"action": "list"})


def cmd_do(args: argparse.Namespace) -> int:
    try:
        arguments = json.loads(args.args)
    except json.JSONDecodeError as e:
        print(f"kiosk sim: the arguments are not JSON ({e.msg} at character {e.pos})", file=sys.stderr)
        return EXIT_BAD_INPUT
    return _send(args.config, {"action": "act", "device": args.device, "do": args.action, "args": arguments})


def cmd_put_card(args: argparse.Namespace) -> int:
    if args.identity:
        identity = _load_state(args.identity)
    else:
        from drivers.idcard.simcard import SAMPLE_IDENTITY

        identity = dict(SAMPLE_IDENTITY)
    payload = {"action": "act", "device": args.device, "do": "put_card", "args": {"identity": identity}}
    return _send(args.config, payload)


def cmd_remove_card(args: argparse.Namespace) -> int:
    return _send(args.config, {"action": "act", "device": args.device, "do": "remove_card", "args": {}})
