"""The store's exceptions. str() of each is a full sentence naming the file, fit for a technician's log.

    StoreError                  the store cannot be used (cannot open, a migration failed)
    ├── StoreIntegrityError     the file was damaged and has been moved to quarantine
    └── StoreVersionError       the file was written by newer software; left untouched
"""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The store cannot be used."""


class StoreIntegrityError(StoreError):
    """The store failed its integrity check; `quarantined_to` is where the damaged file now is."""

    def __init__(self, message: str, quarantined_to: Path) -> None:
        super().__init__(message)
        self.quarantined_to = quarantined_to


class StoreVersionError(StoreError):
    """The store's schema version is newer than this software knows."""
