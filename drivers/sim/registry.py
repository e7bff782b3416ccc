"""Which simulator serves which kind of device. Each simulator module provides `create(state=None)` (the
device model), `DEFAULT_BAUDRATE`, and a model with `receive(bytes) -> bytes` and `snapshot() -> dict`."""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

SIMULATORS: dict[str, str] = {
    "id_reader": "drivers.idcard.simulator",
    "fingerprint": "drivers.fingerprint.simulator",
    "locker": "drivers.locker.simulator",
    "qr_scanner": "drivers.scanner.simulator",
    "printer": "drivers.printer.simulator",
}


class UnknownSimulator(Exception):
    pass


def available(kind: str) -> bool:
    """True when a simulator for `kind` is installed."""
    return kind in SIMULATORS and importlib.util.find_spec(SIMULATORS[kind]) is not None


def simulator_module(kind: str) -> ModuleType:
    if kind not in SIMULATORS:
        raise UnknownSimulator(f"no simulator for {kind!r}; there are: {', '.join(sorted(SIMULATORS))}")
    return importlib.import_module(SIMULATORS[kind])
