"""`kiosk flows ...`: the service definitions, for the people who write them and for tools.

    kiosk flows check [PATH...]   validate definition files (default: the shipped ones); every problem
                                  is printed as FILE:LINE: step 'ID': what is wrong. Exit 1 on problems.
    kiosk flows list [--json]     the services: id, title, department, needs network, fee, demo scripts
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_PROBLEMS = 1


def add_parser(sub) -> None:
    flows = sub.add_parser("flows", help="service definitions: check and list")
    flowsub = flows.add_subparsers(dest="flows_command", required=True, metavar="FLOWS_COMMAND")
    check = flowsub.add_parser("check", help="validate definition files (default: the shipped ones)")
    check.add_argument("paths", nargs="*", type=Path, help="definition files or folders of them")
    check.set_defaults(func=cmd_check)
    listing = flowsub.add_parser("list", help="the services and their demo scripts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=cmd_list)


def cmd_check(args: argparse.Namespace) -> int:
    from flows.loader import check_files
    from flows.paths import DEFINITIONS_DIR

    paths = args.paths or [DEFINITIONS_DIR]
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        print(f"{p}: no such file or folder", file=sys.stderr)
    files = [f for p in paths if p.exists() for f in (sorted(p.glob("*.toml")) if p.is_dir() else [p])]
    problems = check_files(files)
    for problem in problems:
        print(problem)
    print(f"{len(files)} definition(s) checked, {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_PROBLEMS if problems or missing else 0


def cmd_list(args: argparse.Namespace) -> int:
    from flows.loader import load_definitions
    from flows.problems import DefinitionError

    try:
        definitions = load_definitions()
    except DefinitionError as e:
        print(f"kiosk flows: the shipped definitions are wrong:\n{e}", file=sys.stderr)
        return EXIT_PROBLEMS
    services = [{"id": d.id, "title": d.title, "department": d.department, "icon": d.icon,
                 "needs_network": d.needs_network, "fee_fen": d.fee_fen, "steps": len(d.steps),
                 "demo_scripts": [{"name": s.name, "description": s.description, "expect": s.expect}
                                  for s in d.demos]} for d in definitions]
    if args.json:
        print(json.dumps(services, ensure_ascii=False, indent=2))
        return 0
    for s in services:
        network = "needs network" if s["needs_network"] else "works offline"
        print(f"{s['id']:<18} {s['department']:<16} {network:<14} fee {s['fee_fen'] / 100:.2f}  "
              f"demos: {', '.join(d['name'] for d in s['demo_scripts'])}")
    return 0
