"""Stable error codes. Expected failures are results carrying one of these, not exceptions.

Each code is a dotted token (`idcard.no_card`, `device.timeout`). The kiosk maps codes to translated
sentences in exactly one place; drivers and logs use the code and the English description here. A driver
module registers its own codes with `register(...)` at import; a code is never reused for another meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")

#: code -> one-line English description, for technicians and logs
ERROR_CODES: dict[str, str] = {}


def register(codes: dict[str, str]) -> None:
    for code, description in codes.items():
        if not _CODE.match(code):
            raise ValueError(f"error code {code!r} is not a dotted lower-case token")
        if ERROR_CODES.get(code, description) != description:
            raise ValueError(f"error code {code!r} is already registered with another meaning")
        ERROR_CODES[code] = description


register({
    "device.disconnected": "The device cannot be reached: unplugged, powered off or its port is gone.",
    "device.port_missing": "The configured port does not exist.",
    "device.port_denied": "The kiosk may not open the configured port (permissions).",
    "device.port_busy": "Another program holds the configured port.",
    "device.timeout": "The device did not answer in time.",
    "device.bad_frame": "The device answered with bytes that are not a valid frame.",
    "device.bad_checksum": "The device answered with a frame whose checksum is wrong.",
    "device.unexpected_reply": "The device answered, but not what the command asks for.",
})

T = TypeVar("T")


@dataclass(frozen=True)
class Ok(Generic[T]):
    value: T
    ok: bool = True


@dataclass(frozen=True)
class Failure:
    code: str
    detail: str = ""
    ok: bool = False

    def __post_init__(self) -> None:
        if self.code not in ERROR_CODES:
            raise ValueError(f"unregistered error code {self.code!r}")


Result = Ok[T] | Failure
