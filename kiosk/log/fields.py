"""Field kinds: how each declared field of a log event is written. Redaction happens by construction.

A value of the wrong type for its kind is written as "[invalid]" rather than raising: it is found in tests and
in the log, and a log call never takes the kiosk down. None is written as null (except `personal`).
"""

from __future__ import annotations

import math
import re
from os import PathLike
from typing import Any, Literal, get_args
from urllib.parse import urlsplit, urlunsplit

from kiosk.log.redact import scrub

FieldKind = Literal["code", "int", "float", "bool", "path", "url", "text", "masked_id", "personal"]
FIELD_KINDS: tuple[str, ...] = get_args(FieldKind)

INVALID = "[invalid]"
REDACTED = "[redacted]"
TEXT_LIMIT = 200  # characters kept of a `text` value

_CODE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


def render(kind: FieldKind, value: Any) -> Any:
    """The JSON value written for `value` as a field of `kind`."""
    if kind == "personal":
        return REDACTED
    if value is None:
        return None
    return _RENDERERS[kind](value)


def _code(value: Any) -> str:
    """An identifier-like token (error code, screen name, session id). Anything else, or PII, is invalid."""
    if isinstance(value, str) and _CODE.fullmatch(value) and scrub(value) == value:
        return value
    return INVALID


def _int(value: Any) -> Any:
    return value if isinstance(value, int) and not isinstance(value, bool) else INVALID


def _float(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return INVALID
    return float(value) if math.isfinite(value) else None


def _bool(value: Any) -> Any:
    return value if isinstance(value, bool) else INVALID


def _path(value: Any) -> str:
    return scrub(str(value)) if isinstance(value, (str, PathLike)) else INVALID


def _url(value: Any) -> str:
    """Scheme, host, port and path only: user, password, query and fragment are dropped."""
    if not isinstance(value, str):
        return INVALID
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        netloc = f"[{host}]" if ":" in host else host
        if parts.port is not None:
            netloc += f":{parts.port}"
    except ValueError:
        return INVALID
    return scrub(urlunsplit((parts.scheme, netloc, parts.path, "", "")))


def _text(value: Any) -> str:
    """Short text from our own code. An exception is written as its class name, never its message."""
    if isinstance(value, BaseException):
        return type(value).__name__
    if not isinstance(value, str):
        return INVALID
    text = scrub(value)
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def _masked_id(value: Any) -> str:
    """An ID number with all but its last 4 characters masked: 110101199003071234 -> **************1234.

    Only letters and digits are ever shown; anything else (or a value of 4 characters or fewer) is all stars.
    """
    if not isinstance(value, str):
        return INVALID
    compact = re.sub(r"[\s-]", "", value)
    if len(compact) <= 4 or not compact.isascii() or not compact.isalnum():
        return "*" * len(compact)
    return "*" * (len(compact) - 4) + compact[-4:]


_RENDERERS = {
    "code": _code, "int": _int, "float": _float, "bool": _bool, "path": _path, "url": _url, "text": _text,
    "masked_id": _masked_id,
}
