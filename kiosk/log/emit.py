"""Writing events: log_event() checks an event against the catalogue, configure_logging() sets up JSON lines.

Built on the stdlib `logging` module: events go to the "kiosk" logger, so pytest's caplog and any other
handler still see them (record.kiosk_event holds the line's dictionary). Records from other code logging to
"kiosk.*" are written as "log.message" lines, with the message scrubbed of personal data.
"""

from __future__ import annotations

import json
import logging
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from kiosk.log.catalogue import EVENTS, UndeclaredFieldError, UnknownEventError
from kiosk.log.fields import render
from kiosk.log.redact import scrub

LOGGER_NAME = "kiosk"
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}
_logger = logging.getLogger(LOGGER_NAME)


def log_event(name: str, /, **fields: Any) -> None:
    """Write the catalogue event `name` with `fields`, each rendered by its declared kind."""
    spec = EVENTS.get(name)
    if spec is None:
        raise UnknownEventError(f"{name!r} is not in the log catalogue (kiosk/log/catalogue.py)")
    undeclared = sorted(set(fields) - set(spec.fields))
    if undeclared:
        raise UndeclaredFieldError(f"event {name!r} does not declare the field(s) {', '.join(undeclared)}")
    level = LEVELS[spec.level]
    if not _logger.isEnabledFor(level):
        return
    line = {"event": name, "type": spec.type, "disposition": spec.disposition, "level": spec.level}
    line.update((key, render(spec.fields[key], value)) for key, value in fields.items())
    _logger.log(level, "%s", name, extra={"kiosk_event": line})


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: ts (UTC, milliseconds) first, then the event's keys."""

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self._clock = clock

    def format(self, record: logging.LogRecord) -> str:
        when = self._clock() if self._clock else datetime.fromtimestamp(record.created, UTC)
        ts = when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        event = getattr(record, "kiosk_event", None)
        if event is None:
            event = {"event": "log.message", "type": "application", "disposition": "na",
                     "level": record.levelname.lower(), "logger": record.name,
                     "message": scrub(record.getMessage())}
            if record.exc_info and record.exc_info[0] is not None:
                event["exception"] = scrub("".join(traceback.format_exception(*record.exc_info)))
        return json.dumps({"ts": ts, **event}, ensure_ascii=False, separators=(",", ":"))


class _KioskHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Marks the handlers configure_logging installed, so a second call replaces exactly those."""


class _KioskFileHandler(logging.FileHandler):
    pass


def configure_logging(level: str = "info", file: Path | None = None, stream: TextIO | None = None, *,
                      clock: Callable[[], datetime] | None = None) -> None:
    """Write events at `level` and above as JSON lines to `stream` (default stderr) and, if given, `file`."""
    if level not in LEVELS:
        raise ValueError(f"log level {level!r} is not one of {', '.join(LEVELS)}")
    for old in [h for h in _logger.handlers if isinstance(h, (_KioskHandler, _KioskFileHandler))]:
        _logger.removeHandler(old)
        if isinstance(old, _KioskFileHandler):
            old.close()
    formatter = JsonLinesFormatter(clock)
    handlers: list[logging.Handler] = [_KioskHandler(stream if stream is not None else sys.stderr)]
    if file is not None:
        Path(file).parent.mkdir(parents=True, exist_ok=True)
        handlers.append(_KioskFileHandler(file, encoding="utf-8"))
    for handler in handlers:
        handler.setFormatter(formatter)
        _logger.addHandler(handler)
    _logger.setLevel(LEVELS[level])
