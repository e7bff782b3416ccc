"""The flows' PlatformPort (flows/ports.py) over the central platform's HTTP protocol (sync.client).

    platform = CentralPlatform(central_client(config), on_event=log_event)   # a client of its own
    platform.refresh()                     # at start, then on the sync agent's schedule: pickup records
    FlowRuntime.create(store, devices, platform=platform,
                       pickup_public_key=read_pickup_key(<the platform's pickup-signing.pub.pem>))

What the steps rely on, and how it is kept:
* Every call returns within the client's timeout, even when the platform answers a byte at a time (the
  library's own timeout is per read): the request runs on a short-lived thread and the step stops waiting
  at the deadline with sync.timeout. Creating calls carry the step's idempotency key, so a retry after a
  lost or late answer finds the first payment, SMS challenge or application instead of making another.
* Failures are drivers.errors Failures with the sync codes (sync.offline, sync.timeout, sync.rejected,
  registry.not_found ...): the steps take any failure of the platform as "network lost" and keep the code
  for technicians. Nothing here raises for a network or platform failure.
* pickup_record / pickup_record_for answer from the records the last refresh() pulled, in memory: offline,
  at once. A failed refresh keeps the records pulled before.
* Registry photos and the records' photos live in memory only; nothing here writes to disk, and nothing
  about a citizen reaches a log line or a repr (only counts and codes).
"""

from __future__ import annotations

import hashlib
import queue
import re
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from drivers.errors import Failure, Ok, Result
from flows import codec
from flows.pickup import id_digest
from flows.ports import Payment, PickupRecord, Submission
from sync.bundles import load_public_keys
from sync.client import CentralClient
from sync.client import PickupRecord as SyncPickupRecord

T = TypeVar("T")
U = TypeVar("U")
_TOKEN = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")  # what the platform accepts as an Idempotency-Key


def platform_key(key: str) -> str:
    """The step's idempotency key as the platform takes it: itself, or (too long, other characters) a
    digest of it, the same every time so a retry still finds the first result."""
    return key if _TOKEN.match(key) else "k-" + hashlib.sha256(key.encode()).hexdigest()[:40]


def flow_record(record: SyncPickupRecord) -> PickupRecord | None:
    """A pulled record in the flows' shape; None for one the pickup flow cannot use (added by staff by
    hand: no application number, signature or numbered door)."""
    if not (record.application_no and record.id_digest and record.signature and record.door.isdigit()):
        return None
    return PickupRecord(record.application_no, int(record.door), record.id_digest, record.signature,
                        record.photo)


def read_pickup_key(path: Path) -> bytes:
    """The pinned pickup public key (the platform's pickup-signing.pub.pem) as the 32 raw bytes
    flows.ports.Ports.pickup_public_key takes; a ValueError naming the file if it is not one."""
    [key] = load_public_keys([path])
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _no_event(name: str, **fields: Any) -> None:
    pass


class CentralPlatform:
    """flows.ports.PlatformPort for a running kiosk. `on_event(name, **fields)`: catalogued log events
    (kiosk.log.log_event) about the pickup records; counts and codes only."""

    def __init__(self, client: CentralClient, *, on_event: Callable[..., None] = _no_event) -> None:
        self._client = client
        self._on_event = on_event
        self._lock = threading.Lock()
        self._by_number: dict[str, PickupRecord] = {}
        self._by_digest: dict[str, PickupRecord] = {}

    def __repr__(self) -> str:
        return f"CentralPlatform(records={len(self._by_number)}, timeout_s={self._client.timeout_s:g})"

    @property
    def timeout_s(self) -> float:
        return self._client.timeout_s

    # ---- calls that reach the platform ------------------------------------------------------------------

    def _bounded(self, what: str, call: Callable[[], Ok[T] | Failure], convert: Callable[[T], U]) -> Result[U]:
        """`call` on its own thread; its result converted, or sync.timeout once the client's timeout passed.
        A programming error inside `call` is raised here, in the caller's thread."""
        box: queue.SimpleQueue = queue.SimpleQueue()

        def run() -> None:
            try:
                box.put((True, call()))
            except BaseException as error:  # noqa: BLE001 - handed to the caller, who raises it
                box.put((False, error))

        threading.Thread(target=run, name=f"platform-{what}", daemon=True).start()
        try:
            finished, result = box.get(timeout=self._client.timeout_s)
        except queue.Empty:
            return Failure("sync.timeout", f"{what}: no answer within {self._client.timeout_s:g} s")
        if not finished:
            raise result
        if not result.ok:
            return Failure(result.code, result.detail)  # a plain Failure: the flows need no sync types
        return Ok(convert(result.value))

    def create_payment(self, key: str, amount_fen: int, service_id: str) -> Result[Payment]:
        return self._bounded("create_payment",
                             lambda: self._client.create_payment(platform_key(key), amount_fen, service_id),
                             lambda p: Payment(p.payment_id, p.qr_text))

    def payment_state(self, payment_id: str) -> Result[str]:
        return self._bounded("payment_state", lambda: self._client.payment_state(payment_id), str)

    def pay_with_code(self, payment_id: str, code: str) -> Result[None]:
        return self._bounded("pay_with_code", lambda: self._client.pay_with_code(payment_id, code),
                             lambda _state: None)

    def send_sms_code(self, key: str, phone: str) -> Result[str]:
        return self._bounded("send_sms_code", lambda: self._client.send_sms_code(platform_key(key), phone), str)

    def check_sms_code(self, challenge_id: str, code: str) -> Result[bool]:
        return self._bounded("check_sms_code", lambda: self._client.check_sms_code(challenge_id, code), bool)

    def submit_application(self, key: str, record: Mapping[str, Any]) -> Result[Submission]:
        body = codec.to_jsonable(dict(record))  # photos and templates as {"$b64": ...}
        return self._bounded("submit_application",
                             lambda: self._client.submit_application(platform_key(key), body),
                             lambda a: Submission(a.application_no, a.pickup_code))

    def registry_photo(self, id_number: str) -> Result[bytes]:
        return self._bounded("registry_photo", lambda: self._client.registry_photo(id_number), bytes)

    def fetch_pickup_key(self) -> Result[bytes]:
        """The platform's pickup public key (32 raw bytes). Pin it in the configuration; fetch it only over
        the pinned TLS connection, or in development."""
        return self._bounded("pickup_key", self._client.pickup_public_key, bytes)

    # ---- pickup records, pulled ahead of time -------------------------------------------------------------

    def refresh(self) -> Result[int]:
        """Pull this terminal's pickup records and keep them in memory (replacing the previous ones);
        Ok(how many the flows can use). On failure the records pulled before stay."""
        pulled = self._bounded("pickup_records", self._client.pickup_records,
                               lambda records: [r for r in map(flow_record, records) if r is not None])
        if not pulled.ok:
            self._on_event("platform.pickups_refresh_failed", code=pulled.code, kept=len(self._by_number))
            return pulled
        by_number: dict[str, PickupRecord] = {}
        by_digest: dict[str, PickupRecord] = {}
        for record in pulled.value:
            by_number.setdefault(record.application_no, record)
            by_digest.setdefault(record.id_digest, record)  # the one ready first, for a holder of two
        with self._lock:
            self._by_number, self._by_digest = by_number, by_digest
        self._on_event("platform.pickups_refreshed", records=len(by_number))
        return Ok(len(by_number))

    def pickup_record(self, application_no: str) -> PickupRecord | None:
        with self._lock:
            return self._by_number.get(application_no)

    def pickup_record_for(self, id_number: str) -> PickupRecord | None:
        digest = id_digest(id_number)
        with self._lock:
            return self._by_digest.get(digest)

    def forget(self) -> None:
        """Drop every record (and the photos in them) from memory, e.g. when the terminal is taken out of
        service."""
        with self._lock:
            self._by_number, self._by_digest = {}, {}
