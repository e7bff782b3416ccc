"""The flows' ports (flows/ports.py), made of what this kiosk really has.

Devices are reached through the DeviceManager: each call runs on the device's own thread with the kiosk's
driver (the port stays held by one owner), and the flow's action thread waits for it. The outbox writes to
the store through a connection of its own per record, because actions run on worker threads and a SQLite
connection belongs to the thread that made it.
"""

from __future__ import annotations

import queue
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from drivers.errors import Failure, Ok, Result
from flows.ports import FingerScan

#: Longest a flow step waits for one device call (the device's own timeouts are shorter).
CALL_TIMEOUT_S = 120.0


class _Device:
    def __init__(self, manager, name: str) -> None:
        self._manager, self._name = manager, name

    def _call(self, job) -> Any:
        try:
            return self._manager.call(self._name, job).result(CALL_TIMEOUT_S)
        except TimeoutError:
            return Failure("device.timeout", f"{self._name} did not finish within {CALL_TIMEOUT_S:g} s")


class IdCardPort(_Device):
    def read_card(self):
        return self._call(lambda reader: reader.read_card())


class LockerPort(_Device):
    def open_door(self, number: int):
        return self._call(lambda wall: wall.open_door(number))

    def door_states(self):
        return self._call(lambda wall: wall.door_states())


class FingerprintPort(_Device):
    def scan(self, timeout_s: float) -> Result[FingerScan]:
        def job(module) -> Result[FingerScan]:
            for step in (lambda: module.wait_for_finger(timeout_s), lambda: module.convert(1)):
                done = step()
                if not done.ok:
                    return done
            template = module.upload_template(1)
            if not template.ok:
                return template
            quality = module.image_quality()
            return Ok(FingerScan(template.value, quality.value)) if quality.ok else quality
        return self._call(job)

    def wait_lift(self, timeout_s: float) -> Result[None]:
        return self._call(lambda module: module.wait_for_lift(timeout_s))


class ScannerPort:
    """Codes the scanner's worker read, handed to whichever step asks next."""

    def __init__(self, manager) -> None:
        self._codes: queue.SimpleQueue = queue.SimpleQueue()
        manager.on_scan(lambda _name, result: self._codes.put(result))

    def read_code(self, timeout_s: float) -> Result[str]:
        try:
            return self._codes.get(timeout=max(0.0, timeout_s))
        except queue.Empty:
            return Failure("scanner.no_code", f"no code scanned within {timeout_s:g} s")

    def discard(self) -> None:
        while not self._codes.empty():
            self._codes.get_nowait()


def split_blobs(payload: Any, blobs: dict[str, bytes]) -> Any:
    """The payload with each bytes value (a photo, a fingerprint template) replaced by {"$blob": name};
    the bytes go to `blobs`, stored once per SHA-256 and uploaded on their own (sync/outbox.py)."""
    if isinstance(payload, bytes | bytearray | memoryview):
        if not payload:
            return ""
        name = f"blob{len(blobs) + 1}"
        blobs[name] = bytes(payload)
        return {"$blob": name}
    if isinstance(payload, Mapping):
        return {str(k): split_blobs(v, blobs) for k, v in payload.items()}
    if isinstance(payload, list | tuple):
        return [split_blobs(v, blobs) for v in payload]
    return payload


class StoreOutbox:
    """flows' OutboxPort on the kiosk's store: durable when enqueue returns, personal data sealed."""

    def __init__(self, store_path: Path, sealer, on_enqueued=lambda: None) -> None:
        self._path, self._sealer, self._on_enqueued = store_path, sealer, on_enqueued

    def enqueue(self, record_id: str, stream: str, payload: Mapping[str, Any]) -> None:
        from sync.db import connect
        from sync.outbox import enqueue

        conn = connect(self._path, check_same_thread=False)  # this action's own: WAL, FULL, busy timeout
        try:
            blobs: dict[str, bytes] = {}
            body = split_blobs(payload, blobs)
            enqueue(conn, stream=stream, payload=body, event_id=record_id, personal=True, sealer=self._sealer,
                    blobs=blobs or None)
        finally:
            conn.close()
        self._on_enqueued()  # durable now: the sync agent may send it at once


def device_ports(manager) -> dict[str, Any]:
    """The device ports for what the manager drives (a kind it does not drive stays None)."""
    ports: dict[str, Any] = {}
    for kind, key, cls in (("id_reader", "id_card", IdCardPort), ("locker", "lockers", LockerPort),
                           ("fingerprint", "fingerprint", FingerprintPort)):
        name = manager.first(kind)
        if name is not None:
            ports[key] = cls(manager, name)
    if manager.first("qr_scanner") is not None:
        ports["scanner"] = ScannerPort(manager)
    return ports
