"""The last log events, in memory, for the maintenance screen's log viewer.

A logging handler on the "kiosk" logger keeps the newest RECENT_MAX catalogued events as log_event wrote
them: every field already rendered by its declared kind (kiosk/log/fields.py), so a personal field is
"[redacted]", an ID number masked, free text scrubbed. Nothing here can show more than the log file does.
Lines that are not catalogued events (records of other libraries) are not kept.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from datetime import UTC, datetime
from typing import Any

from kiosk.log.emit import LOGGER_NAME

RECENT_MAX = 500
#: The line's own keys; the rest are the event's fields.
_HEAD = ("ts", "event", "type", "disposition", "level")


class RecentEvents(logging.Handler):
    def __init__(self, capacity: int = RECENT_MAX) -> None:
        super().__init__(logging.NOTSET)
        self._events: deque[dict[str, Any]] = deque(maxlen=capacity)
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        event = getattr(record, "kiosk_event", None)
        if event is None:
            return
        ts = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        with self._guard:
            self._events.append({"ts": ts, **event})

    def events(self, device: str = "", limit: int = 100) -> list[dict[str, Any]]:
        """The newest `limit` events, newest first; with `device`, only the events about that device."""
        with self._guard:
            kept = list(self._events)
        if device:
            kept = [e for e in kept if e.get("device") == device]
        return kept[::-1][:limit]

    def clear(self) -> None:
        with self._guard:
            self._events.clear()


def install(logger_name: str = LOGGER_NAME) -> RecentEvents:
    """The kiosk logger's RecentEvents handler, added on first use (one per process)."""
    logger = logging.getLogger(logger_name)
    for handler in logger.handlers:
        if isinstance(handler, RecentEvents):
            return handler
    handler = RecentEvents()
    logger.addHandler(handler)
    return handler


def fields_text(event: dict[str, Any]) -> str:
    """An event's fields as 'key=value' pairs, for one line of the viewer."""
    return "  ".join(f"{k}={'-' if v is None else v}" for k, v in event.items() if k not in _HEAD)
