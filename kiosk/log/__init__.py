"""Logging as JSON lines from a catalogue of named events (see catalogue.py), with personal data kept out.

    configure_logging(level="info", file=None, stream=None, *, clock=None) -> None
    log_event(name, /, **fields) -> None
    EVENTS: Mapping[str, EventSpec]
    UnknownEventError, UndeclaredFieldError  - programming errors, raised, never written

Every line: {"ts", "event", "type", "disposition", "level", **fields}. A field is written according to its
declared kind (fields.py); free text goes through the PII scrubber (redact.py).
"""

from kiosk.log.catalogue import EVENTS, EventSpec, UndeclaredFieldError, UnknownEventError
from kiosk.log.emit import JsonLinesFormatter, configure_logging, log_event
from kiosk.log.redact import scrub

__all__ = [
    "EVENTS",
    "EventSpec",
    "JsonLinesFormatter",
    "UndeclaredFieldError",
    "UnknownEventError",
    "configure_logging",
    "log_event",
    "scrub",
]
