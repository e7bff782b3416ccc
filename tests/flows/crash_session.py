"""A scripted session in its own process, for the crash tests: it stops at a chosen point and waits there
to be killed (kill -9) by the test.

    python -m tests.flows.crash_session DATA_DIR SERVICE SCRIPT WHEN WHAT

WHEN is an engine event (step_entered, step_finished, effect_intended, effect_finished) with WHAT a step
id, or "ledger" with WHAT a side effect the fake devices performed (paid, printed, door_opened ...): the
process then prints "STOPPED" and blocks. Side effects go to DATA_DIR/world.json as they happen.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from flows.demo import run_demo
from flows.engine import Engine
from flows.fakes import World
from flows.journal import Journal
from flows.loader import load_definitions
from kiosk.store import Store
from sync.sealing import Sealer


def platform_key(data: Path) -> Ed25519PrivateKey:
    path = data / "platform.pem"
    if not path.exists():
        key = Ed25519PrivateKey.generate()
        path.write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    return load_pem_private_key(path.read_bytes(), None)


def world_for(data: Path) -> World:
    return World(platform_key(data), path=data / "world.json")


def stop_here() -> None:
    print("STOPPED", flush=True)
    threading.Event().wait()


def main(data: Path, service: str, script_name: str, when: str, what: str) -> None:
    definition = {d.id: d for d in load_definitions()}[service]
    world = world_for(data)
    store = Store.open(data / "store")
    journal = Journal(store.db, Sealer.from_key_file(data / "data-key"), clock=world.clock)

    def observe(event: str, **fields) -> None:
        if event == when and fields.get("step") == what:
            stop_here()

    if when == "ledger":
        world.on_note = lambda entry: stop_here() if entry[0] == what else None
    engine = Engine(definition, world.ports(), journal, observer=observe)
    run = run_demo(engine, definition.demo(script_name), world.set)
    print(f"FINISHED {run.outcome}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), *sys.argv[2:6])
