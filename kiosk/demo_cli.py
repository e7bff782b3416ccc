"""`kiosk demo --service ID --script NAME [--lang zh|en] [--screenshots DIR] [--json]`

Runs the real kiosk offscreen with simulated devices and a scripted citizen (kiosk/demo/), saves a screenshot
per step and prints a summary: the steps, the outcome (`ok` true when it is what the script expects), the
records queued for the central platform and the side effects done. Exit code 0 when the outcome is the
expected one, 1 when not, 2 for an unknown service or script.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

EXIT_MISMATCH, EXIT_USAGE = 1, 2


def add_parser(sub) -> None:
    demo = sub.add_parser("demo", help="a scripted citizen through a service, offscreen, with screenshots")
    demo.add_argument("--service", required=True, help="service id (see `kiosk flows list`)")
    demo.add_argument("--script", default="happy", help="demo script name (default: happy)")
    demo.add_argument("--lang", choices=("zh", "en"), default="zh")
    demo.add_argument("--screenshots", type=Path, help="folder for one PNG per step")
    demo.add_argument("--json", action="store_true", help="print the summary as JSON")
    from kiosk.cli import _size

    demo.add_argument("--size", type=_size, default=(1080, 1920), help="WIDTHxHEIGHT (default 1080x1920)")
    demo.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from flows.loader import load_definitions
    from kiosk.log import configure_logging

    configure_logging("warning")
    definitions = {d.id: d for d in load_definitions()}
    if args.service not in definitions:
        print(f"kiosk demo: no service {args.service!r}; there are: {', '.join(definitions)}", file=sys.stderr)
        return EXIT_USAGE
    definition = definitions[args.service]
    try:
        script = definition.demo(args.script)
    except KeyError:
        names = ", ".join(d.name for d in definition.demos)
        print(f"kiosk demo: {args.service} has no demo script {args.script!r}; it has: {names}", file=sys.stderr)
        return EXIT_USAGE
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as folder:
        summary = _run(Path(folder), definition, script, args)
    out = summary.to_json() | {"lang": args.lang}
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"{args.service} / {args.script}: {out['outcome']} (expected {out['expect']}), "
              f"{len(out['steps'])} steps, {out['records_queued']} record(s) queued")
        for path in out["screenshots"]:
            print(f"  {path}")
    return 0 if out["ok"] else EXIT_MISMATCH


def _run(folder: Path, definition, script, args):
    from kiosk.demo.run import DemoRunner
    from kiosk.demo.terminal import simulated_terminal

    with simulated_terminal(folder, size=args.size, lang=args.lang) as t:
        summary = DemoRunner(t.kapp, t.runtime, t.world, screenshots=args.screenshots).run(definition, script)
        if args.screenshots is not None:  # what came out of the simulated printer, as pictures
            exported = t.act("printer", "export", {"folder": str(args.screenshots / "printed")})
            summary.printed = list(exported.get("result") or [])
        return summary
