"""What a citizen takes away on paper: the application receipt, a queue ticket, and the slip that sends them
to the staff counter. Each turns into the text fields its template (templates.py) fills in.

A receipt never carries a whole ID number: `mask_id_number` is the only way one reaches paper, and keeps the
first 6 digits (the region code) and the last 4. Reprs show no ID number either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from drivers.idcard.idnumber import mask

Language = Literal["zh", "en"]


def mask_id_number(id_number: str) -> str:
    """'110101199003071234' -> '110101********1234' (drivers.idcard.idnumber.mask: the first 6 digits, the
    region code, and the last 4). Anything of 10 characters or fewer is masked whole."""
    return mask(id_number.strip())


def format_fee(fee_cents: int, language: Language) -> str:
    """'25.00元' / 'CNY 25.00'; a free service says so. (Not '¥': in GB18030 the yen sign is a four-byte
    character many printers lack.)"""
    if fee_cents < 0:
        raise ValueError("a fee cannot be negative")
    if fee_cents == 0:
        return "免费" if language == "zh" else "Free of charge"
    amount = f"{fee_cents // 100}.{fee_cents % 100:02d}"
    return f"{amount}元" if language == "zh" else f"CNY {amount}"


def format_date(moment: datetime, language: Language) -> str:
    return moment.strftime("%Y年%m月%d日") if language == "zh" else moment.strftime("%Y-%m-%d")


def format_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


@dataclass(frozen=True, repr=False)
class ApplicationReceipt:
    hall_name: str
    service: str
    application_number: str
    id_number: str = field(repr=False)
    issued_at: datetime
    fee_cents: int
    next_steps: tuple[str, ...]
    qr_data: str
    kind = "application"

    def fields(self, language: Language) -> dict[str, str | tuple[str, ...]]:
        return {"hall_name": self.hall_name, "service": self.service,
                "application_number": self.application_number,
                "id_number_masked": mask_id_number(self.id_number),
                "date": format_date(self.issued_at, language), "time": format_time(self.issued_at),
                "fee": format_fee(self.fee_cents, language), "next_steps": tuple(self.next_steps),
                "qr_data": self.qr_data}

    def __repr__(self) -> str:
        return (f"ApplicationReceipt({self.application_number!r}, {self.service!r}, "
                f"id {mask_id_number(self.id_number)})")


@dataclass(frozen=True)
class QueueTicket:
    hall_name: str
    service: str
    ticket_number: str
    waiting: int
    issued_at: datetime
    kind = "queue_ticket"

    def fields(self, language: Language) -> dict[str, str | tuple[str, ...]]:
        return {"hall_name": self.hall_name, "service": self.service, "ticket_number": self.ticket_number,
                "waiting": str(self.waiting), "date": format_date(self.issued_at, language),
                "time": format_time(self.issued_at)}


@dataclass(frozen=True)
class StaffSlip:
    """Given when the kiosk cannot finish: the citizen takes it to the staff counter."""

    hall_name: str
    reason: str
    error_code: str
    terminal_id: str
    issued_at: datetime
    reference: str = ""
    kind = "staff_slip"
    extra: tuple[str, ...] = field(default=())

    def fields(self, language: Language) -> dict[str, str | tuple[str, ...]]:
        return {"hall_name": self.hall_name, "reason": self.reason, "error_code": self.error_code,
                "terminal_id": self.terminal_id, "reference": self.reference or "-",
                "date": format_date(self.issued_at, language), "time": format_time(self.issued_at),
                "extra": tuple(self.extra)}


#: the fields each kind of document offers its templates
FIELDS: dict[str, frozenset[str]] = {
    "application": frozenset({"hall_name", "service", "application_number", "id_number_masked", "date", "time",
                              "fee", "next_steps", "qr_data"}),
    "queue_ticket": frozenset({"hall_name", "service", "ticket_number", "waiting", "date", "time"}),
    "staff_slip": frozenset({"hall_name", "reason", "error_code", "terminal_id", "reference", "date", "time",
                             "extra"}),
}
LIST_FIELDS = frozenset({"next_steps", "extra"})
