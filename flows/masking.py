"""Masks for personal data on screens and receipts: enough to recognise, not enough to misuse.

ID number: first 6 and last 4 (drivers.idcard.idnumber.mask). Name: the first character kept (the surname
of a Chinese name, the initial of a Latin one), the rest starred. Phone: first 3 and last 4. Address: the
first 6 characters. Anything else personal (photos, fingerprints) is never shown, only said to be there.
"""

from __future__ import annotations

from typing import Any

from drivers.idcard.idnumber import mask as mask_id_number


def mask_name(name: str) -> str:
    name = name.strip()
    if len(name) <= 1:
        return "*" * len(name)
    return name[0] + "*" * (len(name) - 1)


def mask_phone(phone: str) -> str:
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:] if len(phone) > 7 else "*" * len(phone)


def mask_address(address: str) -> str:
    return address[:6] + ("***" if len(address) > 6 else "")


MASKS = {"id_number": mask_id_number, "name": mask_name, "phone": mask_phone, "address": mask_address}
PERSONAL_BINARY = frozenset({"photo", "card_photo", "fingerprints", "reference_photo"})


def masked(key: str, value: Any) -> str:
    """The value of session value `key` as a screen or receipt may show it."""
    if key in MASKS and isinstance(value, str):
        return MASKS[key](value)
    if key in PERSONAL_BINARY:
        return "✓" if value else ""
    return str(value)
