"""What one citizen's session holds, and the wipe that forgets it.

Everything a screen learns about the citizen goes into `Session.data`; when the session ends (finished,
cancelled or timed out) `wipe()` clears it, and the shell drops its reference, so nothing the
application keeps refers to the citizen any more.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any


def new_session_id() -> str:
    return secrets.token_hex(8)


@dataclass
class Session:
    id: str = field(default_factory=new_session_id)
    service_id: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def wipe(self) -> None:
        for key in list(self.data):
            value = self.data.pop(key)
            if isinstance(value, bytearray):
                value[:] = bytes(len(value))
        self.service_id = None
