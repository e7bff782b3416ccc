"""The closed set of states every device reports, and the status value that carries one.

    READY            works, nothing to do
    BUSY             working on a request
    USER_ACTION      waits for the citizen: no card on the reader, finger lifted, door left open
    DISCONNECTED     cannot be reached (unplugged, port gone); retried with backoff until it comes back
    HARDWARE_ERROR   answered, but reports a fault; `code` says which
    MAINTENANCE      works only after a technician acts (paper out, SAM needs replacing, full library)

A Status is a value: two equal statuses mean "nothing changed", so a status change is reported once.
`code` is a stable error code from drivers.errors; `detail` is a short English sentence for technicians
and logs, never personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class State(Enum):
    READY = "ready"
    BUSY = "busy"
    USER_ACTION = "user_action"
    DISCONNECTED = "disconnected"
    HARDWARE_ERROR = "hardware_error"
    MAINTENANCE = "maintenance"


@dataclass(frozen=True)
class Status:
    state: State
    code: str | None = None
    detail: str = ""

    @classmethod
    def ready(cls) -> Status:
        return cls(State.READY)


@dataclass(frozen=True)
class Capabilities:
    """What a device says about itself (and where it is)."""

    kind: str
    model: str = ""
    firmware: str = ""
    serial_number: str = ""
    port: str = ""
