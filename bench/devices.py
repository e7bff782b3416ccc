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


def timed(device_name: str, device: PtyDevice, baudrate: int, operations: dict[str, Callable[[], object]],
          repeat: int) -> list[dict]:
    """One JSON row per operation: median time beside wire time."""
    rows = []
    for name, op in operations.items():
        ms, wire_ms = measure(device, baudrate, op, repeat)
        rows.append({"device": device_name, "operation": name, "ms": round(ms, 2),
                     "wire_ms": round(wire_ms, 2), "ratio": round(ms / wire_ms, 2)})
    return rows


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
        rows = timed("id_reader", device, baud, operations, repeat)
        reader.close()
    return rows


def fingerprint(repeat: int) -> list[dict]:
    from drivers.fingerprint import simulator
    from drivers.fingerprint.driver import FingerprintDriver

    model = simulator.create()
    model.place_finger("citizen-1", quality=85)
    baud = simulator.DEFAULT_BAUDRATE
    with served(model, baud, "fingerprint") as (device, transport):
        fp = FingerprintDriver(transport)
        fp.open()
        fp.capture()
        fp.convert(1)
        template = fp.upload_template(1).value
        fp.store(0, 1)
        operations = {
            "verify_password": fp.verify_password,
            "read_system_parameters": fp.read_system_parameters,
            "template_count": fp.template_count,
            "capture": fp.capture,
            "convert": lambda: fp.convert(1),
            "search": lambda: fp.search(1),
            "upload_template": lambda: fp.upload_template(1),
            "download_template": lambda: fp.download_template(template, 2),
            "upload_image": fp.upload_image,
        }
        rows = timed("fingerprint", device, baud, operations, repeat)
        fp.close()
    return rows


def locker(repeat: int) -> list[dict]:
    from drivers.locker import simulator
    from drivers.locker.driver import LockerDriver
    from drivers.locker.wall import LockerWall

    model = simulator.create()
    baud = simulator.DEFAULT_BAUDRATE
    with served(model, baud, "locker") as (device, transport):
        lockers = LockerDriver(transport, LockerWall.from_dict(simulator.DEFAULT_WALL))
        lockers.open()

        def open_door():
            result = lockers.open_door(1)
            model.shut_door(1)
            return result

        rows = timed("locker", device, baud, {"open_door": open_door, "door_states": lockers.door_states}, repeat)
        lockers.close()
    return rows


def scanner(repeat: int) -> list[dict]:
    from drivers.scanner import simulator
    from drivers.scanner.driver import ScannerDriver

    model = simulator.create()
    baud = simulator.DEFAULT_BAUDRATE
    with served(model, baud, "qr_scanner") as (device, transport):
        model.attach(device.send)
        reader = ScannerDriver(transport)
        reader.open()
        code = "PICKUP-" + "0123456789" * 6  # a pickup QR's length

        def scan_and_read():
            model.scan(code)
            return reader.read_code(5.0)

        rows = timed("qr_scanner", device, baud, {"read_code": scan_and_read}, repeat)
        reader.close()
    return rows


def printer(repeat: int) -> list[dict]:
    from datetime import datetime

    from drivers.printer import simulator
    from drivers.printer.driver import PrinterDriver
    from drivers.printer.layout import paper
    from drivers.printer.receipt import ApplicationReceipt
    from drivers.printer.templates import load_templates

    receipt = ApplicationReceipt("市民中心24小时自助服务区", "居民身份证补领", "SZ20250314000123", "11010119900307123X",
                                 datetime(2025, 3, 14, 3, 12), 2000, ("凭本回执二维码到自助取件柜取证。",),
                                 "https://gov.example/q/SZ20250314000123")
    assets = Path(__file__).resolve().parent.parent / "assets" / "receipts"
    document = load_templates(assets)[("application", "zh")].render(receipt, paper(80))
    model = simulator.create()
    baud = simulator.DEFAULT_BAUDRATE
    with served(model, baud, "printer") as (device, transport):
        driver = PrinterDriver(transport, check_every_s=0.02)
        driver.open()
        jobs = iter(range(1_000_000))
        operations = {"read_status": driver.read_status,
                      "print_receipt": lambda: driver.print_document(f"bench-{next(jobs)}", document)}
        rows = timed("printer", device, baud, operations, repeat)
        driver.close()
    return rows


BENCHES: dict[str, Callable[[int], list[dict]]] = {
    "id_reader": idcard, "fingerprint": fingerprint, "locker": locker, "qr_scanner": scanner, "printer": printer,
}


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
