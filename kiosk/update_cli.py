"""`kiosk update ...`: root's side of software updates, and what state they are in.

    kiosk update apply [--config F] [--data-dir D] [--bundle-key F] [--health-timeout S]
                       [--restart-command CMD] [--state-dir D]
        Install the package the kiosk asked for (<data dir>/updates/request.json), as root; run by
        kiosk-update.service whenever kiosk-update.path sees a request. Exit 0: applied, or nothing asked;
        1: refused or rolled back (the journal and `kiosk update status` say why); 2: bad options.
    kiosk update status [--state-dir D]
        The outcomes of the last requests and the versions rolled back, as JSON.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

EXIT_NOT_APPLIED, EXIT_BAD_INPUT = 1, 2


def add_parser(sub) -> None:
    from kiosk.update.apply import DEFAULT_RESTART
    from kiosk.update.state import STATE_DIR

    update = sub.add_parser("update", help="apply a software update (as root), or show what updates did")
    updsub = update.add_subparsers(dest="update_command", required=True, metavar="UPDATE_COMMAND")
    apply = updsub.add_parser("apply", help="install the package the kiosk asked for; roll back if unhealthy")
    apply.add_argument("--config", type=Path, help="the kiosk's configuration (default /etc/kiosk/kiosk.toml)")
    apply.add_argument("--data-dir", type=Path, help="the kiosk's data folder (default: from the configuration)")
    apply.add_argument("--bundle-key", type=Path, action="append",
                       help="pinned bundle public key (PEM; default: [central] bundle_key_file)")
    apply.add_argument("--health-timeout", type=float, default=180.0,
                       help="seconds the new version has to report healthy (default 180)")
    apply.add_argument("--restart-command", default=shlex.join(DEFAULT_RESTART),
                       help=f"how to restart the kiosk (default: {shlex.join(DEFAULT_RESTART)})")
    apply.add_argument("--state-dir", type=Path, default=STATE_DIR, help=f"root's update state (default {STATE_DIR})")
    apply.set_defaults(func=cmd_apply)
    status = updsub.add_parser("status", help="outcomes of the last updates and versions rolled back (JSON)")
    status.add_argument("--state-dir", type=Path, default=STATE_DIR, help=f"default {STATE_DIR}")
    status.set_defaults(func=cmd_status)


def _settings(args: argparse.Namespace):
    from kiosk import paths
    from kiosk.update.apply import ApplySettings
    from sync.bundles import load_public_keys

    key_files, data_dir = list(args.bundle_key or []), args.data_dir
    if not key_files or data_dir is None:
        from kiosk.config import ConfigError, load_config

        try:
            config = load_config(args.config)
        except ConfigError as e:
            raise ValueError(f"the configuration was refused:\n{e}") from None
        data_dir = data_dir or paths.data_dir(config.store.data_dir)
        if not key_files and config.central.bundle_key_file:
            key_files = [Path(config.central.bundle_key_file)]
    if not key_files:
        raise ValueError("no bundle key is pinned: give --bundle-key or set [central] bundle_key_file")
    if args.health_timeout <= 0 or not shlex.split(args.restart_command):
        raise ValueError("--health-timeout must be positive and --restart-command a command")
    return ApplySettings(data_dir=data_dir, keys=load_public_keys(key_files), state_dir=args.state_dir,
                         health_timeout_s=args.health_timeout, restart=tuple(shlex.split(args.restart_command)))


def cmd_apply(args: argparse.Namespace) -> int:
    from kiosk.log import configure_logging
    from kiosk.update.apply import apply_pending

    configure_logging("info")
    try:
        settings = _settings(args)
    except ValueError as e:
        print(f"kiosk update apply: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    outcome = apply_pending(settings)
    if outcome is None:
        print("kiosk update apply: no update was asked for", file=sys.stderr)
        return 0
    print(json.dumps(outcome.to_dict()))
    return 0 if outcome.result == "applied" else EXIT_NOT_APPLIED


def cmd_status(args: argparse.Namespace) -> int:
    from kiosk.update.state import load_state

    state = load_state(args.state_dir)
    print(json.dumps({"rolled_back": list(state.rolled_back), "bundle_version": state.bundle_version,
                      "results": [r.to_dict() for r in state.results]}, indent=2))
    return 0
