"""Coverage-guided fuzzing of one target with atheris (libFuzzer), started by hand.

    python -m fuzz.run --list
    python -m fuzz.run TARGET [--runs N] [--max-len N] [--seconds S] [-- libFuzzer options]

The seeds are fuzz/corpus/TARGET/ (written by `python -m fuzz.seed`, kept in git); what libFuzzer finds that
adds coverage goes to fuzz/work/TARGET/ (not kept). A crash, an UnexpectedOutcome or a slow input (over --timeout seconds: a hang) stops the run;
libFuzzer writes the input to fuzz/crashes/TARGET/ (crash-*, timeout-*), which `python -m fuzz.run TARGET
fuzz/crashes/TARGET/crash-...` replays. Only our packages are instrumented (drivers, flows, kiosk, sync and
fuzz), so libraries do not dilute the coverage signal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTRUMENTED = ["drivers", "flows", "kiosk", "sync", "fuzz.cards", "fuzz.devices", "fuzz.documents",
                "fuzz.network", "fuzz.harness"]


def parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    own, extra = (argv[:argv.index("--")], argv[argv.index("--") + 1:]) if "--" in argv else (argv, [])
    parser = argparse.ArgumentParser(prog="python -m fuzz.run", description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", help="target name (see --list)")
    parser.add_argument("inputs", nargs="*", type=Path, help="replay these inputs instead of fuzzing")
    parser.add_argument("--list", action="store_true", help="list the targets and exit")
    parser.add_argument("--runs", type=int, help="stop after this many executions")
    parser.add_argument("--seconds", type=int, help="stop after this many seconds")
    parser.add_argument("--max-len", type=int, default=4096, help="longest input libFuzzer makes (default 4096)")
    parser.add_argument("--timeout", type=int, default=5, help="seconds one input may take (default 5)")
    args = parser.parse_args(own)
    if not args.list and not args.target:
        parser.error("name a target, or --list")
    return args, extra


def libfuzzer_argv(args: argparse.Namespace, extra: list[str]) -> list[str]:
    if args.inputs:
        return [sys.argv[0], *map(str, args.inputs), *extra]
    seeds, work = HERE / "corpus" / args.target, HERE / "work" / args.target
    crashes = HERE / "crashes" / args.target
    for folder in (seeds, work, crashes):
        folder.mkdir(parents=True, exist_ok=True)
    argv = [sys.argv[0], f"-max_len={args.max_len}", f"-timeout={args.timeout}", f"-artifact_prefix={crashes}/",
            "-print_final_stats=1"]
    if args.runs is not None:
        argv.append(f"-runs={args.runs}")
    if args.seconds is not None:
        argv.append(f"-max_total_time={args.seconds}")
    return [*argv, *extra, str(work), str(seeds)]  # libFuzzer adds what it finds to the first folder


def main(argv: list[str] | None = None) -> None:
    args, extra = parse(sys.argv[1:] if argv is None else argv)
    if args.list:
        from fuzz.targets import TARGETS
        for name, target in TARGETS.items():
            print(f"{name:20s} {(target.__doc__ or '').splitlines()[0]}")
        return
    import atheris  # only here: listing targets needs no fuzzing engine

    with atheris.instrument_imports(include=INSTRUMENTED):
        from fuzz.targets import TARGETS
    if args.target not in TARGETS:
        sys.exit(f"unknown target {args.target!r}; `python -m fuzz.run --list` names them")
    atheris.Setup(libfuzzer_argv(args, extra), TARGETS[args.target])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
