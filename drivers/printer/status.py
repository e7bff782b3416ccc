"""What an ESC/POS printer says about itself, decoded and mapped to the common statuses.

Two kinds of one-byte replies come back (device-protocols.md 4.4; Epson TM-U220, Bixolon SRP-350/SPP-R210,
CBM and Citizen command manuals agree on the bits):

    DLE EOT n  (10 04 n, n = 1..4)  real-time status, answered at once even while printing.
                                    Pattern 0xx1xx10: bit 0 = 0, bit 1 = 1, bit 4 = 1, bit 7 = 0.
    GS r 1     (1D 72 01)           paper-sensor status, answered only once every byte before it has been
                                    processed (printed), and never while the printer is stopped by a paper
                                    end. Pattern 0xx0xxxx: bits 4 and 7 fixed at 0. The driver sends it after a
                                    job to learn that the job came out whole.

The fixed bits tell the two apart, and tell either from line noise: a byte that fits neither pattern is a
FrameError. Bits used (1 = condition true):

    n=1 printer     b3 offline
    n=2 offline     b2 cover open, b5 printing stopped by a paper end, b6 an error occurred
    n=3 error       b2 mechanical error, b3 autocutter error, b5 unrecoverable error, b6 auto-recoverable
                    error (head too hot; some printers also set it when the cover opens while printing)
    n=4 paper roll  b2+b3 near end, b5+b6 paper end
    GS r 1          b0+b1 near end, b2+b3 paper end

Mapping to the common states (drivers/status.py), most serious first:

    cover open                    MAINTENANCE     printer.cover_open    In a kiosk the printer sits in the
                                                                        locked cabinet: only a technician can
                                                                        shut it, so not USER_ACTION.
    paper end                     MAINTENANCE     printer.paper_out     A technician loads a roll.
    unrecoverable / mechanical /  HARDWARE_ERROR  printer.<fault>
    autocutter / head too hot
    error bit without a cause     HARDWARE_ERROR  printer.error
    offline without a cause       HARDWARE_ERROR  printer.offline
    paper near end                READY           printer.paper_near_end  Still prints; diagnostics show the
                                                                          code so the roll is changed in time.
    all clear                     READY
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import register
from drivers.protocol import FrameError
from drivers.status import State, Status

register({
    "printer.paper_out": "The receipt printer has no paper: a technician must load a new roll.",
    "printer.paper_near_end": "The receipt roll is nearly used up: change it soon.",
    "printer.cover_open": "The receipt printer's cover is open: a technician must shut it.",
    "printer.mechanical_error": "The receipt printer reports a mechanical fault.",
    "printer.cutter_error": "The receipt printer's cutter is jammed or failed.",
    "printer.unrecoverable_error": "The receipt printer reports a fault it cannot recover from: power-cycle or repair.",
    "printer.overheated": "The print head is too hot; printing resumes by itself when it cools.",
    "printer.error": "The receipt printer reports an error without saying which.",
    "printer.offline": "The receipt printer is offline without saying why.",
    "printer.not_answering": "The receipt printer does not answer status requests: powered off, hung or cable loose.",
})

PRINTER, OFFLINE_CAUSE, ERROR_CAUSE, PAPER_ROLL = 1, 2, 3, 4
TRANSMIT_PAPER_STATUS = b"\x1d\x72\x01"  # GS r 1


def status_request(n: int) -> bytes:
    """DLE EOT n."""
    if n not in (PRINTER, OFFLINE_CAUSE, ERROR_CAUSE, PAPER_ROLL):
        raise ValueError(f"DLE EOT takes n = 1..4, not {n}")
    return bytes([0x10, 0x04, n])


def real_time_byte(bits: int) -> int:
    """A real-time status byte with its fixed bits set (for the simulator)."""
    return 0x12 | (bits & 0x6C)


@dataclass(frozen=True)
class RealTimeStatus:
    """The answer to a DLE EOT n (which n is known to the one who asked)."""

    byte: int


@dataclass(frozen=True)
class PaperSensorStatus:
    """The answer to GS r 1: everything sent before it has been processed."""

    byte: int

    @property
    def near_end(self) -> bool:
        return bool(self.byte & 0x03)


def decode_reply(buffer: bytes) -> tuple[RealTimeStatus | PaperSensorStatus | None, bytes]:
    """The next reply byte; FrameError (dropping it) for a byte no status reply can be."""
    if not buffer:
        return None, buffer
    byte = buffer[0]
    if byte & 0x93 == 0x12:
        return RealTimeStatus(byte), buffer[1:]
    if byte & 0x90 == 0x00:
        return PaperSensorStatus(byte), buffer[1:]
    raise FrameError(f"status byte {byte:02X} is neither a real-time nor a paper-sensor reply", buffer[1:])


@dataclass(frozen=True)
class Condition:
    """The printer's condition from the DLE EOT 1, 2, 4 (and, after an error, 3) replies."""

    offline: bool = False
    cover_open: bool = False
    stopped_by_paper_end: bool = False
    error: bool = False
    paper_end: bool = False
    near_end: bool = False
    mechanical_error: bool = False
    cutter_error: bool = False
    unrecoverable_error: bool = False
    overheated: bool = False

    @classmethod
    def from_replies(cls, printer: int, offline: int, paper: int, error: int = 0x12) -> Condition:
        return cls(offline=bool(printer & 0x08), cover_open=bool(offline & 0x04),
                   stopped_by_paper_end=bool(offline & 0x20), error=bool(offline & 0x40),
                   paper_end=bool(paper & 0x60), near_end=bool(paper & 0x0C),
                   mechanical_error=bool(error & 0x04), cutter_error=bool(error & 0x08),
                   unrecoverable_error=bool(error & 0x20), overheated=bool(error & 0x40))

    @property
    def can_print(self) -> bool:
        return self.to_status().state is State.READY

    def to_status(self) -> Status:
        if self.cover_open:
            return Status(State.MAINTENANCE, "printer.cover_open", "the printer cover is open")
        if self.paper_end or self.stopped_by_paper_end:
            return Status(State.MAINTENANCE, "printer.paper_out", "the paper roll is empty")
        for fault, code, detail in (
                (self.unrecoverable_error, "printer.unrecoverable_error", "an unrecoverable fault"),
                (self.mechanical_error, "printer.mechanical_error", "a mechanical fault"),
                (self.cutter_error, "printer.cutter_error", "an autocutter fault"),
                (self.overheated, "printer.overheated", "the print head is too hot")):
            if fault:
                return Status(State.HARDWARE_ERROR, code, f"the printer reports {detail}")
        if self.error:
            return Status(State.HARDWARE_ERROR, "printer.error", "the printer reports an error")
        if self.offline:
            return Status(State.HARDWARE_ERROR, "printer.offline", "the printer is offline")
        if self.near_end:
            return Status(State.READY, "printer.paper_near_end", "the paper roll is nearly used up")
        return Status.ready()
