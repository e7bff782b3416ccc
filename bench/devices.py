"""Each device operation timed against its simulator on a pseudo-terminal, the simulator pacing the wire at
the device's baud rate, beside the wire-time lower bound (bytes both ways x 10 bits / baud).

    python -m bench.devices --json [--repeat 5]

Prints {"operations": [{"device", "operation", "ms", "wire_ms", "ratio"}]}; `ms` is the median of the
repeats. The simulators answer at once, so `ratio` is what the driver, pyserial and the pty add to the wire.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from drivers.sim.pty import PtyDevice
from drivers.transport import SerialTransport


@contextmanager
def served(model, baudrate: int, name: str) -> Iterator[tuple[PtyDevice, SerialTransport]]:
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        device = PtyDevice(model, Path(tmp) / name, baudrate=baudrate).start()
        transport = SerialTransport(str(device.link), baudrate, device=name)
        try:
            yield device, transport
        finally:
            transport.close()
            device.stop()


def measure(device: PtyDevice, baudrate: int, operation: Callable[[], object], repeat: int) -> tuple[float, float]:
    times, wire = [], []
    for _ in range(repeat):
        before_in, before_out = len(device.received), device.sent
        started = time.perf_counter()
        result = operation()
        times.append((time.perf_counter() - started) * 1000)
        if getattr(result, "ok", True) is False:
            raise RuntimeError(f"the operation failed: {result}")
        moved = (len(device.received) - before_in) + (device.sent - before_out)
        wire.append(moved * 10 / baudrate * 1000)
    return statistics.median(times), statistics.median(wire)


def idcard(repeat: int) -> list[dict]:
    from drivers.idcard import simulator
    from drivers.idcard.driver import IdCardReader
    from drivers.idcard.simcard import SAMPLE_IDENTITY

    model = simulator.create()
    model.put_card(SAMPLE_IDENTITY)
    baud = simulator.DEFAULT_BAUDRATE
    rows = []
    with served(model, baud, "id_reader") as (device, transport):
        reader = IdCardReader(transport)
        reader.open()
        operations = {
            "sam_status": reader.sam_status,
            "find_card": reader.find_card,
            "select_card": reader.select_card,
            "read_base": reader.read_base,
            "read_with_fingerprint": reader.read_with_fingerprint,
        }
        for name, op in operations.items():
            ms, wire_ms = measure(device, baud, op, repeat)
            rows.append({"device": "id_reader", "operation": name, "ms": round(ms, 2),
                         "wire_ms": round(wire_ms, 2), "ratio": round(ms / wire_ms, 2)})
        reader.close()
    return rows


BENCHES: dict[str, Callable[[int], list[dict]]] = {"id_reader": idcard}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object (the only output form)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    operations = [row for bench in BENCHES.values() for row in bench(args.repeat)]
    print(json.dumps({"operations": operations}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
