"""Session values to JSON bytes and back: bytes become {"$b64": ...}, so photos and templates fit."""

from __future__ import annotations

import base64
import json
from typing import Any


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b64": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$b64"}:
            return base64.b64decode(value["$b64"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def dumps(values: Any) -> bytes:
    return json.dumps(_encode(values), ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def loads(data: bytes) -> Any:
    return _decode(json.loads(data))


def to_jsonable(values: Any) -> Any:
    """For payloads handed to ports (the outbox): same encoding, as plain Python objects."""
    return _encode(values)
