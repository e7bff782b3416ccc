"""In-memory ports for tests and scripted demos, steered by a World of named conditions.

    world = World(private_key)            # the platform's signing key, for pickup codes and records
    ports = world.ports()                  # every port, fake, sharing one FakeClock
    world.set(["payment_declined"])        # conditions in force (flows.demo.CONDITIONS says what each does)

Every side effect the fakes perform is written to `world.ledger` (and, with `path`, to a JSON file after
each change, so a test can kill the process and count what really happened). The platform is idempotent
on keys as the real one promises. The kiosk's own demo uses the real drivers and simulators instead, and
sets the same conditions through their control handles.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from drivers.errors import Failure, Ok, Result
from drivers.idcard.driver import CardRead
from drivers.idcard.textblock import CardType, IdentityCard, Sex
from drivers.locker.driver import DoorState, WallState
from drivers.scanner import driver as _scanner_codes  # noqa: F401 - registers scanner.no_code
from flows import codec
from flows.pickup import PickupClaim, id_digest, make_code, sign_record
from flows.ports import (
    Document,
    FaceCheck,
    FingerScan,
    Payment,
    PhotoShot,
    PickupRecord,
    Ports,
    Submission,
    Ticket,
)

SAMPLE_ID_NUMBER = "110101199001010015"  # drivers.idcard.simcard.SAMPLE_IDENTITY: valid, belongs to no one
SAMPLE_NAME = "张三"
SMS_CODE = "123456"
READY_APPLICATION = "A20240001"           # a document waiting in door READY_DOOR for the sample citizen
READY_DOOR = 3
PHOTO = b"\xff\xd8fake-jpeg-photo"
DOWN = "device.disconnected"


class FakeClock:
    """Time that moves only when something waits: wait() returns at once, having moved the time on."""

    def __init__(self) -> None:
        self.now = 1000.0
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        return self.now

    def utc_now(self) -> datetime:
        return datetime(2024, 5, 1, 3, 0, tzinfo=UTC) + timedelta(seconds=self.now - 1000.0)

    def wait(self, event: threading.Event, seconds: float) -> bool:
        if event.is_set():
            return True
        with self._lock:
            self.now += max(seconds, 0.001)
        return event.is_set()

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


class World:
    def __init__(self, private_key: Ed25519PrivateKey | None = None, *, path: Path | None = None) -> None:
        self.key = private_key or Ed25519PrivateKey.generate()
        self.public_key = self.key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.clock = FakeClock()
        self.conditions: frozenset[str] = frozenset()
        self.path = path
        self.state: dict[str, Any] = {"ledger": [], "payments": {}, "submissions": {}, "tickets": {},
                                      "outbox": {}}
        if path is not None and path.exists():
            self.state = json.loads(path.read_text(encoding="utf-8"))
        self.ready_application = READY_APPLICATION  # the card waiting in a locker (a soak gives each one its own)
        self.scanned: list[str] = []   # codes waiting at the scanner
        self.doors_open: set[int] = set()
        self.door_polls = 0
        self.photo_looks = 0
        self.printed: list[Document] = []
        self.lock = threading.RLock()
        self.on_note: Any = None  # called with each ledger entry once it is saved (crash tests stop here)
        self.platform = FakePlatform(self)
        self.outbox = FakeOutbox(self)

    # ---- conditions and the ledger ----------------------------------------------------------------------

    def set(self, conditions: Iterable[str]) -> None:
        """Put these conditions in force (replacing the previous ones); scan_* ones are scanned at once."""
        conditions = frozenset(conditions)
        self.conditions = frozenset(c for c in conditions if not c.startswith("scan_"))
        for event in sorted(c for c in conditions if c.startswith("scan_")):
            self.scanned.append(self.scan_text(event))

    def has(self, condition: str) -> bool:
        return condition in self.conditions

    @property
    def ledger(self) -> list[list[Any]]:
        return self.state["ledger"]

    def note(self, *entry: Any) -> None:
        with self.lock:
            self.state["ledger"].append(list(entry))
            self.save()
        if self.on_note is not None:
            self.on_note(list(entry))

    def save(self) -> None:
        if self.path is None:
            return
        temp = self.path.with_name(self.path.name + ".tmp")
        with open(temp, "w", encoding="utf-8") as f:
            json.dump(self.state, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, self.path)

    def count(self, kind: str) -> int:
        return sum(1 for e in self.ledger if e[0] == kind)

    def number(self, kind: str) -> int:
        """The next serial number for a payment, submission or ticket: counted apart from the entries kept,
        so numbers are never given twice after forget_history()."""
        issued = self.state.setdefault("issued", {})
        issued[kind] = issued.get(kind, len(self.state[kind])) + 1
        return issued[kind]

    def forget_history(self) -> None:
        """Drop the ledger and the finished payments, submissions, tickets and printouts. A long run (the
        soak) calls this between sessions: the world stands for the central platform and the hall's queue,
        which keep their history elsewhere, not in the terminal's memory."""
        with self.lock:
            issued = self.state.setdefault("issued", {})
            for kind in ("payments", "submissions", "tickets"):
                issued.setdefault(kind, len(self.state[kind]))  # (a state saved before numbers were counted)
                self.state[kind].clear()
            self.state["ledger"].clear()
            self.state["outbox"].clear()
            self.printed.clear()
            self.save()

    # ---- pickup codes -----------------------------------------------------------------------------------

    def pickup_code(self, application_no: str | None = None, id_number: str = SAMPLE_ID_NUMBER,
                    key: Ed25519PrivateKey | None = None) -> str:
        return make_code(key or self.key, PickupClaim(application_no or self.ready_application,
                                                      id_digest(id_number), "2024-04-20"))

    def scan_text(self, event: str) -> str:
        if event == "scan_valid":
            return self.pickup_code()
        if event == "scan_forged":
            return self.pickup_code(key=Ed25519PrivateKey.generate())
        if event == "scan_altered":
            head, body, sig = self.pickup_code().split(".")
            return f"{head}.{body[:-2]}{'A' if body[-2] != 'A' else 'B'}{body[-1]}.{sig}"
        if event == "scan_unknown":
            return self.pickup_code(application_no="A20249999")
        if event == "scan_payment_code":
            return "284912345678901234"
        raise ValueError(f"unknown scan event {event!r}")

    def pickup_records(self) -> dict[str, PickupRecord]:
        record = sign_record(self.key, self.ready_application, READY_DOOR, id_digest(SAMPLE_ID_NUMBER), PHOTO)
        return {record.application_no: record}

    # ---- the ports --------------------------------------------------------------------------------------

    def ports(self, **overrides: Any) -> Ports:
        parts: dict[str, Any] = {"clock": self.clock, "outbox": self.outbox, "platform": self.platform,
                                     "id_card": FakeIdCard(self), "fingerprint": FakeFingerprint(self),
                                     "face": FakeFace(self), "printer": FakePrinter(self), "lockers": FakeLockers(self),
                                     "scanner": FakeScanner(self), "queue": FakeQueue(self),
                                     "pickup_public_key": self.public_key}
        parts.update(overrides)
        return Ports(**parts)


def sample_card() -> CardRead:
    identity = IdentityCard(CardType.RESIDENT, SAMPLE_NAME, Sex.MALE, "01", date(1990, 1, 1), "北京市东城区示例路1号",
                            SAMPLE_ID_NUMBER, "北京市公安局东城分局", date(2020, 1, 1), date(2040, 1, 1))
    return CardRead(identity, b"wlt", PHOTO)


class FakeIdCard:
    def __init__(self, world: World) -> None:
        self.world = world

    def read_card(self) -> Result[CardRead]:
        if self.world.has("no_card"):
            return Failure("idcard.no_card", "no card")
        if self.world.has("card_unreadable"):
            return Failure("device.bad_frame", "damaged card")
        return Ok(sample_card())


class FakeFingerprint:
    def __init__(self, world: World) -> None:
        self.world = world

    def scan(self, timeout_s: float) -> Result[FingerScan]:
        quality = 20 if self.world.has("fingerprint_poor") else 82
        return Ok(FingerScan(b"T" * 512, quality))

    def wait_lift(self, timeout_s: float) -> Result[None]:
        return Ok(None)


class FakeFace:
    def __init__(self, world: World) -> None:
        self.world = world

    def capture_photo(self, purpose: str) -> Result[PhotoShot]:
        if self.world.has("camera_broken"):
            return Failure(DOWN, "camera gone")
        self.world.photo_looks += 1
        if self.world.has("photo_instructions") and self.world.photo_looks <= 2:
            return Ok(PhotoShot(None, "move_closer"))
        return Ok(PhotoShot(PHOTO))

    def verify(self, reference: bytes) -> Result[FaceCheck]:
        return Ok(FaceCheck(same_person=not self.world.has("face_mismatch"),
                            live=not self.world.has("face_not_live"), distance=0.3))


class FakePrinter:
    def __init__(self, world: World) -> None:
        self.world = world

    def print_document(self, document: Document) -> Result[None]:
        if self.world.has("printer_out_of_paper"):
            return Failure("device.unexpected_reply", "paper out")
        self.world.printed.append(document)
        self.world.note("printed", document.key, document.template)
        return Ok(None)


class FakeLockers:
    """A door opens; the citizen shuts it after two looks (unless door_left_open)."""

    def __init__(self, world: World) -> None:
        self.world = world

    def open_door(self, number: int) -> Result[DoorState]:
        if self.world.has("locker_jammed"):
            return Failure("locker.door_jammed", f"door {number} did not open")
        if self.world.has("locker_down"):
            return Failure(DOWN, "bus gone")
        self.world.doors_open.add(number)
        self.world.door_polls = 0
        self.world.note("door_opened", number)
        return Ok(DoorState(number, open=True, locked=False))

    def door_states(self) -> Result[WallState]:
        self.world.door_polls += 1
        if self.world.door_polls >= 2 and not self.world.has("door_left_open"):
            self.world.doors_open.clear()
        doors = {n: DoorState(n, open=n in self.world.doors_open, locked=n not in self.world.doors_open)
                 for n in range(1, 13)}
        return Ok(WallState(doors))


class FakeScanner:
    def __init__(self, world: World) -> None:
        self.world = world

    def read_code(self, timeout_s: float) -> Result[str]:
        if self.world.scanned:
            return Ok(self.world.scanned.pop(0))
        self.world.clock.advance(timeout_s)
        return Failure("scanner.no_code", "nothing scanned")


class FakeQueue:
    def __init__(self, world: World) -> None:
        self.world = world

    def take_ticket(self, key: str, department: str, matter: str) -> Result[Ticket]:
        if self.world.has("queue_down") or self.world.has("network_lost"):
            return Failure(DOWN, "queue system unreachable")
        tickets = self.world.state["tickets"]
        if key not in tickets:
            tickets[key] = f"A{self.world.number('tickets') + 100:03d}"
            self.world.note("ticket", key)
        return Ok(Ticket(tickets[key], waiting=4))


class FakePlatform:
    """The central platform: payments pay on the second look (unless a condition says otherwise)."""

    def __init__(self, world: World) -> None:
        self.world = world

    def _down(self) -> Failure | None:
        return Failure(DOWN, "platform unreachable") if self.world.has("network_lost") else None

    def create_payment(self, key: str, amount_fen: int, service_id: str) -> Result[Payment]:
        if down := self._down():
            return down
        with self.world.lock:
            payments = self.world.state["payments"]
            if key not in payments:
                payments[key] = {"id": f"pay-{self.world.number('payments')}", "state": "pending", "looks": 0,
                                 "amount_fen": amount_fen}
                self.world.note("payment_created", key)
            return Ok(Payment(payments[key]["id"], f"https://pay.example/{payments[key]['id']}"))

    def _payment(self, payment_id: str) -> dict[str, Any]:
        return next(p for p in self.world.state["payments"].values() if p["id"] == payment_id)

    def payment_state(self, payment_id: str) -> Result[str]:
        if down := self._down():
            return down
        with self.world.lock:
            p = self._payment(payment_id)
            p["looks"] += 1
            if p["state"] == "pending":
                for condition in ("declined", "expired"):
                    if self.world.has(f"payment_{condition}"):
                        p["state"] = condition
                if p["looks"] >= 2 and not self.world.has("payment_never") and not self.world.has("pay_with_code"):
                    p["state"] = "paid" if p["state"] == "pending" else p["state"]
                if p["state"] == "paid":
                    self.world.note("paid", payment_id)
                self.world.save()
            return Ok(p["state"])

    def pay_with_code(self, payment_id: str, code: str) -> Result[None]:
        with self.world.lock:
            p = self._payment(payment_id)
            if p["state"] == "pending":
                p["state"] = "paid"
                self.world.note("paid", payment_id)
        return Ok(None)

    def send_sms_code(self, key: str, phone: str) -> Result[str]:
        if down := self._down():
            return down
        self.world.note("sms", key)
        return Ok(f"challenge-{key}")

    def check_sms_code(self, challenge_id: str, code: str) -> Result[bool]:
        if down := self._down():
            return down
        return Ok(code == SMS_CODE)

    def submit_application(self, key: str, record: Mapping[str, Any]) -> Result[Submission]:
        if down := self._down():
            return down
        with self.world.lock:
            subs = self.world.state["submissions"]
            if key not in subs:
                subs[key] = f"A2024{self.world.number('submissions') + 1000:04d}"
                self.world.note("submitted", key)
            number = subs[key]
        return Ok(Submission(number, self.world.pickup_code(number, str(record.get("id_number", "")))))

    def registry_photo(self, id_number: str) -> Result[bytes]:
        if down := self._down():
            return down
        return Ok(PHOTO)

    def pickup_record(self, application_no: str) -> PickupRecord | None:
        return self.world.pickup_records().get(application_no)

    def pickup_record_for(self, id_number: str) -> PickupRecord | None:
        digest = id_digest(id_number)
        return next((r for r in self.world.pickup_records().values() if r.id_digest == digest), None)


class FakeOutbox:
    def __init__(self, world: World) -> None:
        self.world = world

    @property
    def records(self) -> dict[str, Any]:
        return self.world.state["outbox"]

    def enqueue(self, record_id: str, stream: str, payload: Mapping[str, Any]) -> None:
        with self.world.lock:
            if record_id not in self.records:
                self.records[record_id] = {"stream": stream, "payload": codec.to_jsonable(dict(payload))}
                self.world.note("outbox", record_id, stream)
