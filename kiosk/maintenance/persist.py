"""Where maintenance state outlives the process: the store's `settings` table (key, value as JSON text).

    maintenance.lockout         the PIN lockout (kiosk/maintenance/lockout.py), so a power cycle does not
                                give a guesser five fresh attempts
    maintenance.out_of_service  true while a technician has taken the terminal out of service

Without a store (screenshots, some tests) the values live in memory for the life of the process.
"""

from __future__ import annotations

import json
from typing import Any

LOCKOUT_KEY = "maintenance.lockout"
OUT_OF_SERVICE_KEY = "maintenance.out_of_service"


class Settings:
    def __init__(self, store=None) -> None:
        self._db = store.db if store is not None else None
        self._memory: dict[str, str] = {}

    def get(self, key: str, default: Any = None) -> Any:
        if self._db is None:
            text = self._memory.get(key)
        else:
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
            text = row[0] if row else None
        if text is None:
            return default
        try:
            return json.loads(text)
        except ValueError:
            return default

    def set(self, key: str, value: Any) -> None:
        """Durable before it returns (the store runs with synchronous=FULL)."""
        text = json.dumps(value, sort_keys=True)
        if self._db is None:
            self._memory[key] = text
            return
        with self._db.atomic():
            self._db.execute("INSERT INTO settings (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, text])
