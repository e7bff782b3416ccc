"""A simulated card's data, built from the datasheet's layout (device-protocols.md 1.6), independently of the
driver's decoder, so a layout mistake in either one shows up in tests instead of cancelling out.

An identity is a dict with the IdentityCard's field names. Values may be strings or the driver's enums and
dates: `sex` "1"/"2"/"0"/"9" or MALE/FEMALE/..., `card_type` "resident" or "foreign_permanent", dates
"YYYY-MM-DD", "YYYYMMDD" or datetime.date, `valid_to` None for a long-term card. `fingerprints` (0, 1 or 2,
simulator only) says how many templates the card holds.
"""

from __future__ import annotations

from typing import Any

SAMPLE_IDENTITY: dict[str, Any] = {  # synthetic: a valid number that belongs to no one
    "card_type": "resident", "name": "张三", "sex": "1", "nation_code": "01", "birth_date": "1990-01-01",
    "address": "北京市东城区示例路1号", "id_number": "110101199001010015", "issuing_authority": "北京市公安局东城分局",
    "valid_from": "2020-01-01", "valid_to": "2040-01-01", "fingerprints": 0,
}

_SEX = {"0": "0", "unknown": "0", "1": "1", "male": "1", "2": "2", "female": "2", "9": "9", "unspecified": "9"}
_TYPES = {"resident": "resident", " ": "resident", "foreign_permanent": "foreign_permanent", "i": "foreign_permanent"}
_TEXT_FIELDS = ("name", "address", "id_number", "issuing_authority", "english_name", "nationality",
                "card_version", "nation_code")


def _token(value: Any) -> str:
    return str(getattr(value, "name", value)).strip().lower()


def _iso(value: Any) -> str:
    day = (value.isoformat() if hasattr(value, "isoformat") else str(value)).replace("-", "")
    if len(day) != 8 or not day.isdigit():
        raise ValueError("dates are YYYY-MM-DD, YYYYMMDD or datetime.date")
    return f"{day[:4]}-{day[4:6]}-{day[6:]}"


def normalise(identity: dict[str, Any]) -> dict[str, Any]:
    """A JSON-able copy: strings only, dates as YYYY-MM-DD, valid_to None for long-term."""
    unknown = set(identity) - {*_TEXT_FIELDS, "card_type", "sex", "birth_date", "valid_from", "valid_to",
                               "fingerprints"}
    if unknown:
        raise ValueError(f"unknown identity fields: {sorted(unknown)}")
    out: dict[str, Any] = {name: str(identity.get(name, "")) for name in _TEXT_FIELDS}
    out["card_type"] = _TYPES[_token(identity.get("card_type", "resident"))]
    out["sex"] = _SEX[_token(identity.get("sex", "1"))]
    out["birth_date"], out["valid_from"] = _iso(identity["birth_date"]), _iso(identity["valid_from"])
    valid_to = identity.get("valid_to")
    out["valid_to"] = None if valid_to in (None, "长期") else _iso(valid_to)
    out["fingerprints"] = int(identity.get("fingerprints", 0))
    if not 0 <= out["fingerprints"] <= 2:
        raise ValueError("a card holds 0, 1 or 2 fingerprint templates")
    return out


def _ucs2(text: str, size: int) -> bytes:
    raw = text.encode("utf-16-le")
    if len(raw) > size:
        raise ValueError(f"text does not fit a {size}-byte field")
    return raw + b"\x20\x00" * ((size - len(raw)) // 2)


def text_block(card: dict[str, Any]) -> bytes:
    """The 256-byte UCS-2 text block a real card with this (normalised) identity holds."""
    def day(name: str) -> str:
        return card[name].replace("-", "")

    valid_to = "长期" if card["valid_to"] is None else day("valid_to")
    if card["card_type"] == "foreign_permanent":
        fields = [(card["english_name"], 120), (card["sex"], 2), (card["id_number"], 30),
                  (card["nationality"], 6), (card["name"], 30), (day("valid_from"), 16), (valid_to, 16),
                  (day("birth_date"), 16), (card["card_version"], 4), (card["issuing_authority"], 8),
                  ("I", 2), ("", 6)]
    else:
        fields = [(card["name"], 30), (card["sex"], 2), (card["nation_code"], 4), (day("birth_date"), 16),
                  (card["address"], 70), (card["id_number"], 36), (card["issuing_authority"], 30),
                  (day("valid_from"), 16), (valid_to, 16), ("", 36)]
    block = b"".join(_ucs2(text, size) for text, size in fields)
    assert len(block) == 256
    return block


def photo_wlt(card: dict[str, Any]) -> bytes:
    """A stand-in for the encrypted photo (a simulator cannot make a real WLT): 1024 recognisable bytes."""
    seed = card["id_number"].encode("ascii", "replace")[-4:] or b"0000"
    return (b"WLT" + seed * 256)[:1024]


def fingerprint_templates(card: dict[str, Any]) -> bytes:
    """Opaque stand-ins for the card's minutiae templates, 512 bytes each."""
    return b"".join((bytes([0x43, i]) + bytes(range(256)) * 2)[:512] for i in range(card["fingerprints"]))
