"""The boundaries the flows reach through: devices, the central platform, the outbox, the clock, sealing.

Each port is a narrow typing.Protocol; expected failures are drivers.errors Failures, never exceptions.
Some drivers fit a port as they are: IdCardReader is an IdCardPort, LockerDriver a LockerPort, ScannerDriver
a CodeReaderPort. The others are wired by the kiosk (thin adapters over the fingerprint driver, the camera
and face pipeline, the printer, the sync agent). flows/fakes.py has in-memory versions of every port.

Promises the flows rely on:
* PlatformPort.create_payment is idempotent on `key`: asked again with the same key it returns the same
  payment (that is how a payment survives a crash between asking and journaling). submit_application and
  send_sms_code are idempotent on `key` too; OutboxPort.enqueue is idempotent on `record_id`.
* pickup_record / pickup_record_for answer from records pulled from the platform ahead of time: offline.
* Nothing a port returns about a citizen is logged by the flows; reference photos are held in memory only.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from drivers.errors import Result
from drivers.idcard.driver import CardRead
from drivers.locker.driver import DoorState, WallState

# ---- values the ports return -------------------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class FingerScan:
    template: bytes
    quality: int  # 0..100, drivers.fingerprint.quality

    def __repr__(self) -> str:
        return f"FingerScan(quality={self.quality}, template={len(self.template)} bytes)"


@dataclass(frozen=True, repr=False)
class PhotoShot:
    """A compliant photo, or (photo None) the one instruction the citizen should follow now."""

    photo: bytes | None
    instruction: str | None = None  # e.g. "move_closer", "look_straight", "too_dark"

    def __repr__(self) -> str:
        return f"PhotoShot(photo={'yes' if self.photo else None}, instruction={self.instruction!r})"


@dataclass(frozen=True)
class FaceCheck:
    same_person: bool
    live: bool
    distance: float = 0.0


@dataclass(frozen=True)
class Payment:
    id: str
    qr_text: str  # what the citizen scans with a payment app


PAYMENT_STATES = ("pending", "paid", "declined", "expired")


@dataclass(frozen=True)
class Submission:
    application_no: str
    pickup_code: str  # signed by the platform (flows.pickup), printed as the receipt's QR code


@dataclass(frozen=True, repr=False)
class PickupRecord:
    """A document waiting in this terminal's locker wall, as pulled from the platform and signed by it."""

    application_no: str
    door: int
    id_digest: str          # flows.pickup.id_digest(id number): finds the record from an ID card
    signature: bytes        # Ed25519 by the platform over flows.pickup.record_bytes(...)
    photo: bytes | None = None  # the application photo, for the face check (memory only)

    def __repr__(self) -> str:
        return f"PickupRecord(application_no={self.application_no!r}, door={self.door})"


@dataclass(frozen=True)
class Ticket:
    number: str
    waiting: int


@dataclass(frozen=True)
class Document:
    """What to print: a template name (receipt, ticket, slip, form), masked fields, an optional QR code."""

    template: str
    fields: tuple[tuple[str, str], ...]  # (label translation id, value already masked)
    qr: str | None = None
    key: str = ""                          # the idempotency key, for printers that can tell


# ---- the ports ---------------------------------------------------------------------------------------


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def utc_now(self) -> datetime: ...
    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Wait until `event` is set or `seconds` pass; True when it was set."""


class Sealer(Protocol):
    """sync.sealing.Sealer's shape: personal data sealed at rest, bound to where it is kept."""

    def seal(self, plaintext: bytes, *, context: bytes) -> bytes: ...
    def open(self, token: bytes, *, context: bytes) -> bytes: ...


class IdCardPort(Protocol):
    def read_card(self) -> Result[CardRead]:
        """Failure idcard.no_card while no card is on the reader."""


class FingerprintPort(Protocol):
    def scan(self, timeout_s: float) -> Result[FingerScan]:
        """Wait for a finger, capture it, score it, make its template. Failure fingerprint.no_finger."""

    def wait_lift(self, timeout_s: float) -> Result[None]: ...


class FacePort(Protocol):
    """The camera and the offline face pipeline."""

    def capture_photo(self, purpose: str) -> Result[PhotoShot]:
        """One look through the camera: a standard photo (purpose "id_card" or "id_photo") or an instruction."""

    def verify(self, reference: bytes) -> Result[FaceCheck]:
        """The live face (with its liveness challenge) against a reference photo."""


class PrinterPort(Protocol):
    def print_document(self, document: Document) -> Result[None]: ...


class LockerPort(Protocol):
    def open_door(self, number: int) -> Result[DoorState]: ...
    def door_states(self) -> Result[WallState]: ...


class CodeReaderPort(Protocol):
    def read_code(self, timeout_s: float) -> Result[str]:
        """The next scanned code; Failure scanner.no_code when none came in time."""


class QueuePort(Protocol):
    def take_ticket(self, key: str, department: str, matter: str) -> Result[Ticket]: ...


class PlatformPort(Protocol):
    def create_payment(self, key: str, amount_fen: int, service_id: str) -> Result[Payment]: ...
    def payment_state(self, payment_id: str) -> Result[str]: ...       # one of PAYMENT_STATES
    def pay_with_code(self, payment_id: str, code: str) -> Result[None]: ...  # the citizen's scanned code
    def send_sms_code(self, key: str, phone: str) -> Result[str]: ...  # -> challenge id
    def check_sms_code(self, challenge_id: str, code: str) -> Result[bool]: ...
    def submit_application(self, key: str, record: Mapping[str, Any]) -> Result[Submission]: ...
    def registry_photo(self, id_number: str) -> Result[bytes]: ...    # memory only, never stored
    def pickup_record(self, application_no: str) -> PickupRecord | None: ...
    def pickup_record_for(self, id_number: str) -> PickupRecord | None: ...


class OutboxPort(Protocol):
    def enqueue(self, record_id: str, stream: str, payload: Mapping[str, Any]) -> None:
        """Durable once it returns; the same record_id twice keeps the first. Seals personal data itself.
        Payload values are JSON types, nested, or bytes (photos, fingerprint templates)."""


@dataclass(frozen=True)
class Ports:
    """The collaborators of one engine. A port left None makes the steps that need it fail with
    flow.device_unavailable (a terminal without a fingerprint module, say)."""

    clock: Clock
    outbox: OutboxPort
    platform: PlatformPort | None = None
    id_card: IdCardPort | None = None
    fingerprint: FingerprintPort | None = None
    face: FacePort | None = None
    printer: PrinterPort | None = None
    lockers: LockerPort | None = None
    scanner: CodeReaderPort | None = None
    queue: QueuePort | None = None
    pickup_public_key: bytes = b""  # the platform's Ed25519 public key (32 bytes raw)
    extra: Mapping[str, Any] = field(default_factory=dict)


class SystemClock:
    """The real clock: monotonic seconds, UTC wall time, Event.wait."""

    def monotonic(self) -> float:
        return time.monotonic()

    def utc_now(self) -> datetime:
        return datetime.now(UTC)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        return event.wait(seconds)
