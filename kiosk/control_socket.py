"""A local control handle: a unix socket that takes one JSON request per connection and answers one JSON line.

Used by the simulators' handle (`kiosk sim`, kiosk/sim_hub.py) and the diagnostics handle (`kiosk diag`,
kiosk/diag/server.py). The socket file is made readable by its owner only: whoever can use it is the kiosk
user or root, like a technician on the terminal's console or over SSH.
"""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

Handler = Callable[[dict], dict]


class ControlSocket:
    def __init__(self, path: Path, handler: Handler, *, name: str) -> None:
        self.path = path
        self._handler = handler
        self._name = name
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.path.exists():  # left by a process that did not stop cleanly
            self.path.unlink()
        self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._server.bind(str(self.path))
        os.chmod(self.path, 0o600)
        self._server.listen()
        self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        self._thread.join()
        self._server = None
        if self.path.exists():
            self.path.unlink()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), name=f"{self._name}-request", daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                request = json.loads(read_line(conn))
                answer = self._handler(request) if isinstance(request, dict) else {
                    "ok": False, "error": "the request must be a JSON object"}
            except (ValueError, OSError) as e:
                answer = {"ok": False, "error": f"not a request ({type(e).__name__})"}
            try:
                conn.sendall(json.dumps(answer, ensure_ascii=False).encode() + b"\n")
            except OSError:
                pass


def read_line(conn: socket.socket, limit: int = 1 << 20) -> str:
    data = b""
    while not data.endswith(b"\n") and len(data) < limit:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data.decode("utf-8")


def request(socket_path: Path, payload: dict, timeout_s: float = 10.0) -> dict:
    """One request to a running kiosk's control handle. OSError when nothing answers there."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(timeout_s)
        s.connect(str(socket_path))
        s.sendall(json.dumps(payload, ensure_ascii=False).encode() + b"\n")
        return json.loads(read_line(s))
