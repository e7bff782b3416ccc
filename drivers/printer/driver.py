"""PrinterDriver: an ESC/POS receipt printer on any link (links.py), its status, and print jobs that never
come out twice.

Status: `poll()` asks DLE EOT 1, 2 and 4 (and 3 after an error) and maps the answers (status.py). A printer
that does not answer goes DISCONNECTED (printer.not_answering), a port that fails goes DISCONNECTED with the
port's code; either is retried with backoff on later polls and comes back by itself.

Printing: `print_job(key, data)` with an idempotency key per job (the flow's journal key). The driver keeps,
in memory, what became of each key it was given (the last 1,000 keys):

    printed     the printer confirmed the job: asking again returns Ok(already_printed=True), sends nothing
    incomplete  the printer stopped mid-job (paper out, cover opened, a fault): asking again, once the
                printer is fixed, prints the whole job anew (the first copy was torn off unfinished)
    unknown     the job went out but the printer went silent before confirming it: asking again returns
                printer.outcome_unknown and sends nothing; the flow decides (a reprint is a new key)

A job is checked before it is sent (a printer out of paper gets nothing), then followed by GS r 1, which
the printer answers only once everything before it is printed: that answer is the confirmation. While
waiting, DLE EOT 2 (answered at once even mid-job) tells a printer that stopped from one still printing.
For printers that do not answer GS r (profile.confirm_jobs = False), a job is taken as printed when the
real-time status stays clear `settle_s` after sending.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from drivers.device import Reconnect, StatusTracker
from drivers.errors import Failure, Ok, Result, register
from drivers.printer.compose import PrinterProfile, compose
from drivers.printer.layout import Document
from drivers.printer.links import Link
from drivers.printer.status import (
    ERROR_CAUSE,
    OFFLINE_CAUSE,
    PAPER_ROLL,
    PRINTER,
    TRANSMIT_PAPER_STATUS,
    Condition,
    PaperSensorStatus,
    RealTimeStatus,
    decode_reply,
    status_request,
)
from drivers.protocol import ProtocolError
from drivers.status import Capabilities, State, Status
from drivers.transport import DeviceTimeout, PortUnavailable

register({
    "printer.paper_out_mid_print": "The paper ran out while a receipt printed: it is incomplete. Load paper "
                                   "and retry the job to print it whole.",
    "printer.stopped_mid_print": "The printer stopped while a receipt printed (cover opened or a fault): it is "
                                 "incomplete. Fix the printer and retry the job to print it whole.",
    "printer.outcome_unknown": "A receipt was sent but the printer went silent before confirming it: it may "
                               "or may not have printed, so it is not sent again under the same key.",
})

NOT_ANSWERING = "printer.not_answering"


class JobOutcome(Enum):
    PRINTED = "printed"
    INCOMPLETE = "incomplete"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Printed:
    key: str
    already_printed: bool = False  # True: printed before, nothing sent now
    bytes_sent: int = 0


class JobJournal(OrderedDict):
    """What became of each job key, kept for the last KEPT_JOBS keys given: a key is asked about again only
    while its session retries (seconds to minutes later), and a terminal that prints for months must not keep
    every key it was ever given."""

    KEPT_JOBS = 1000

    def __setitem__(self, key: str, outcome: JobOutcome) -> None:
        super().__setitem__(key, outcome)
        self.move_to_end(key)
        while len(self) > self.KEPT_JOBS:
            self.popitem(last=False)


class PrinterDriver:
    def __init__(self, link: Link, profile: PrinterProfile | None = None, *,
                 clock: Callable[[], float] = time.monotonic, timeout_s: float = 0.5,
                 print_timeout_s: float = 60.0, check_every_s: float = 0.25, settle_s: float = 1.0,
                 retry_delay: Callable[[int], float] | None = None, model: str = "ESC/POS printer") -> None:
        self.link = link
        self.profile = profile or PrinterProfile()
        self.timeout_s, self.print_timeout_s = timeout_s, print_timeout_s
        self.check_every_s, self.settle_s = check_every_s, settle_s
        self._clock = clock
        self.tracker = StatusTracker(Capabilities(kind="printer", model=model, port=link.port))
        self.reconnect = Reconnect(clock, delay=retry_delay)
        self.journal = JobJournal()
        self._confirmed = False  # a GS r reply seen while asking real-time status

    # ---- life cycle -----------------------------------------------------------------------------

    def open(self) -> Result[Status]:
        try:
            self.link.open()
        except PortUnavailable as e:
            return self._port_lost(e)
        return self.read_status()

    def close(self) -> None:
        self.link.close()
        self.tracker.set(Status(State.DISCONNECTED, "device.disconnected", "closed by the kiosk"))

    def poll(self) -> Status:
        if self.tracker.status.state is State.DISCONNECTED:
            if self.reconnect.due() and isinstance(self.open(), Failure):
                self.reconnect.failed()
            return self.tracker.status
        self.read_status()
        return self.tracker.status

    # ---- status ---------------------------------------------------------------------------------

    def read_status(self) -> Result[Status]:
        condition = self._condition()
        if isinstance(condition, Failure):
            return condition
        status = condition.to_status()
        self.reconnect.succeeded()
        self.tracker.set(status)
        return Ok(status)

    def _condition(self, *, discard: bool = True) -> Condition | Failure:
        """The printer's condition; `discard=False` while a job's confirmation may still be on its way."""
        try:
            if discard:
                self.link.discard_input()
            printer = self._ask(PRINTER)
            offline = self._ask(OFFLINE_CAUSE)
            paper = self._ask(PAPER_ROLL)
            error = self._ask(ERROR_CAUSE) if offline & 0x40 else 0x12
        except PortUnavailable as e:
            return self._port_lost(e)
        except DeviceTimeout:
            return self._silent(f"the printer on {self.link.port} does not answer status requests")
        except ProtocolError:
            return self._garbled()
        return Condition.from_replies(printer, offline, paper, error)

    def _ask(self, n: int) -> int:
        """One real-time status byte. A garbled reply is asked for once more; a GS r reply met on the way
        (a job's confirmation) is noted."""
        for attempt in range(2):
            self.link.write(status_request(n))
            try:
                while True:
                    reply = self.link.read_frame(decode_reply, self.timeout_s)
                    if isinstance(reply, RealTimeStatus):
                        return reply.byte
                    self._confirmed = True
            except ProtocolError:
                if attempt:
                    raise
                self.link.discard_input()
        raise AssertionError("unreachable")

    # ---- printing -------------------------------------------------------------------------------

    def print_document(self, key: str, document: Document) -> Result[Printed]:
        return self.print_job(key, compose(document, self.profile))

    def print_job(self, key: str, data: bytes) -> Result[Printed]:
        outcome = self.journal.get(key)
        if outcome is JobOutcome.PRINTED:
            return Ok(Printed(key, already_printed=True))
        if outcome is JobOutcome.UNKNOWN:
            return Failure("printer.outcome_unknown", f"job {key} was sent before and never confirmed")
        before = self._condition()
        if isinstance(before, Failure):
            return before
        status = before.to_status()
        self.tracker.set(status)
        if status.state is not State.READY:
            return Failure(status.code, f"job {key} not sent: {status.detail}")
        self.tracker.set(Status(State.BUSY, detail=f"printing job {key}"))
        self._confirmed = False
        try:
            self.link.write(data + (TRANSMIT_PAPER_STATUS if self.profile.confirm_jobs else b""))
        except PortUnavailable as e:
            self.journal[key] = JobOutcome.UNKNOWN
            return self._port_lost(e)
        return self._follow(key, len(data))

    def _follow(self, key: str, sent: int) -> Result[Printed]:
        """Wait for the job's confirmation, checking between waits that the printer has not stopped."""
        deadline = self._clock() + (self.print_timeout_s if self.profile.confirm_jobs else self.settle_s)
        while True:
            if self._wait_confirmation(self.check_every_s) and self.profile.confirm_jobs:
                return self._printed(key, sent)
            condition = self._condition(discard=False)
            if isinstance(condition, Failure):
                self.journal[key] = JobOutcome.UNKNOWN
                return Failure("printer.outcome_unknown", f"job {key}: {condition.detail}")
            status = condition.to_status()
            if status.state is not State.READY:
                self.journal[key] = JobOutcome.INCOMPLETE
                self.tracker.set(status)
                code = ("printer.paper_out_mid_print" if status.code == "printer.paper_out"
                        else "printer.stopped_mid_print")
                return Failure(code, f"job {key} stopped: {status.detail}")
            if self._confirmed and self.profile.confirm_jobs:
                return self._printed(key, sent)
            if self._clock() >= deadline:
                if not self.profile.confirm_jobs:
                    return self._printed(key, sent)
                self.journal[key] = JobOutcome.UNKNOWN
                self.tracker.set(status)
                return Failure("printer.outcome_unknown",
                               f"job {key} not confirmed within {self.print_timeout_s:g} s")

    def _wait_confirmation(self, wait_s: float) -> bool:
        """True when the GS r reply comes within `wait_s` (without GS r, this is just the pause between
        status checks)."""
        try:
            while True:
                reply = self.link.read_frame(decode_reply, wait_s)
                if isinstance(reply, PaperSensorStatus):
                    return True
        except (DeviceTimeout, ProtocolError):
            return False
        except PortUnavailable:
            return False  # the status check that follows reports it

    def _printed(self, key: str, sent: int) -> Ok[Printed]:
        self.journal[key] = JobOutcome.PRINTED
        self.read_status()
        return Ok(Printed(key, bytes_sent=sent))

    # ---- trouble --------------------------------------------------------------------------------

    def _silent(self, detail: str) -> Failure:
        if self.tracker.status.state is not State.DISCONNECTED:
            self.reconnect.failed()
        self.tracker.set(Status(State.DISCONNECTED, NOT_ANSWERING, detail))
        return Failure(NOT_ANSWERING, detail)

    def _garbled(self) -> Failure:
        detail = (f"the printer on {self.link.port} answers with bytes that are no status "
                  "(a wrong baud rate, or line noise)")
        self.tracker.set(Status(State.HARDWARE_ERROR, "device.bad_frame", detail))
        return Failure("device.bad_frame", detail)

    def _port_lost(self, e: PortUnavailable) -> Failure:
        if self.tracker.status.state is not State.DISCONNECTED:
            self.reconnect.failed()
        self.tracker.set(Status(State.DISCONNECTED, e.code, str(e)))
        return Failure(e.code, str(e))
