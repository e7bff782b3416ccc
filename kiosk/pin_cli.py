"""`kiosk pin-hash`: the technician PIN (or a technician card's ID) as the hash line for kiosk.toml.

    kiosk pin-hash                 asks for the PIN twice, without echo, and prints
                                   pin_hash = "$scrypt$ln=14,r=8,p=1$...$..."   (for [maintenance])
    echo 2580 | kiosk pin-hash --stdin            the same for scripts (one line, read once)
    kiosk pin-hash --card          a technician card's ID (as the card reader reports it), for the
                                   [maintenance] technician_cards list

The PIN itself is never written anywhere: the configuration holds the salted hash only. Exit code 0, or 2
when the PIN is refused (the message says why) or the two entries differ.
"""

from __future__ import annotations

import argparse
import getpass
import sys

EXIT_BAD_INPUT = 2


def add_parser(sub) -> None:
    cmd = sub.add_parser("pin-hash", help="hash a technician PIN (or card ID) for the configuration")
    cmd.add_argument("--stdin", action="store_true", help="read one line from standard input (for scripts)")
    cmd.add_argument("--card", action="store_true", help="hash a technician card's ID instead of a PIN")
    cmd.set_defaults(func=cmd_pin_hash)


def _read(args: argparse.Namespace, what: str) -> str | None:
    if args.stdin:
        return sys.stdin.readline().strip()
    first = getpass.getpass(f"{what}: ")
    if getpass.getpass(f"{what} again: ") != first:
        print("kiosk pin-hash: the two entries differ; nothing was written", file=sys.stderr)
        return None
    return first.strip()


def cmd_pin_hash(args: argparse.Namespace) -> int:
    from kiosk.maintenance.pin import hash_secret, pin_problem

    secret = _read(args, "Card ID" if args.card else "Technician PIN")
    if secret is None:
        return EXIT_BAD_INPUT
    problem = (None if secret else "the card ID is empty") if args.card else pin_problem(secret)
    if problem:
        print(f"kiosk pin-hash: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    line = hash_secret(secret).line()
    print(f'technician_cards = ["{line}"]' if args.card else f'pin_hash = "{line}"')
    return 0
