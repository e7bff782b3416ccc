"""`kiosk provision`: enrol this terminal with its central platform (first boot; safe to run again).

    kiosk provision --central URL --token TOKEN [--ca FILE] [--config-dir DIR] [--data-dir DIR] [--json]

Exit codes: 0 provisioned (or already), 2 bad input (address, CA, configuration), 3 the platform refused or
could not be reached or verified, 4 a file or folder of this machine cannot be written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_parser(sub) -> None:
    from kiosk import paths

    parser = sub.add_parser("provision", help="enrol this terminal with the central platform (first boot)")
    parser.add_argument("--central", required=True, metavar="URL", help="the central platform's address")
    parser.add_argument("--token", required=True, help="the single-use enrolment token from the operator")
    parser.add_argument("--ca", type=Path, metavar="FILE",
                        help="the platform's CA certificate (PEM); needed for https unless "
                        "CONFIG_DIR/central-ca.pem exists")
    parser.add_argument("--config-dir", type=Path, default=paths.DEFAULT_CONFIG_PATH.parent, metavar="DIR",
                        help=f"configuration folder (default {paths.DEFAULT_CONFIG_PATH.parent})")
    parser.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="the kiosk's data folder, for the first bundle (default: as its configuration says)")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    parser.set_defaults(func=cmd_provision)


def cmd_provision(args: argparse.Namespace) -> int:
    from kiosk.provision import Request, provision
    from kiosk.provision.codes import EXIT_CODES
    from kiosk.provision.files import kiosk_owner
    from sync.db import utc_now
    from sync.errors import Failure

    request = Request(args.central, args.token, args.config_dir, args.data_dir, args.ca)
    result = provision(request, now=utc_now, owner=kiosk_owner())
    if isinstance(result, Failure):
        if args.json:
            print(json.dumps({"ok": False, "code": result.code, "message": result.detail}, ensure_ascii=False))
        print(f"kiosk provision: {result.detail}", file=sys.stderr)
        return EXIT_CODES.get(result.code, 1)
    outcome = result.value
    for warning in outcome.warnings:
        print(f"kiosk provision: warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps({"ok": True, "status": "already_provisioned" if outcome.already else "provisioned",
                          "terminal_id": outcome.terminal_id,
                          "hall": {"name_zh": outcome.hall_name_zh, "name_en": outcome.hall_name_en},
                          "dropin": str(outcome.dropin), "identity_dir": str(outcome.identity_dir),
                          "key_created": outcome.key_created, "bundle_version": outcome.bundle_version,
                          "warnings": list(outcome.warnings)}, ensure_ascii=False, indent=2))
        return 0
    first = ("already provisioned as" if outcome.already else "provisioned as")
    print(f"{first} {outcome.terminal_id} ({outcome.hall_name_en}); settings in {outcome.dropin}, "
          f"identity in {outcome.identity_dir}" + ("" if outcome.key_created else " (existing key kept)"))
    version = outcome.bundle_version
    print(f"first configuration bundle: version {version}" if version is not None else
          "no configuration bundle is in force yet")
    return 0
