"""Does speech-dispatcher answer? Asked before Qt's speechd engine is made.

Qt's engine connects to speech-dispatcher inside its constructor and waits for it with Python's global
lock held; a speech-dispatcher that accepts the connection but never answers (no sound device, a stuck audio
server) would then freeze the whole kiosk. This asks the same question over SSIP with a timeout first, from
plain Python, which waits without holding anything.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path


def socket_path(env: dict[str, str] | None = None) -> Path:
    env = os.environ if env is None else env
    address = env.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime:
        return Path(runtime) / "speech-dispatcher" / "speechd.sock"
    return Path(env.get("HOME", "/")) / ".cache" / "speech-dispatcher" / "speechd.sock"


def _spawn(path: Path, timeout_s: float) -> str | None:
    daemon = shutil.which("speech-dispatcher")
    if daemon is None:
        return "speech-dispatcher is not installed"
    try:
        subprocess.run([daemon, "--spawn", "--communication-method", "unix_socket", "--socket-path", str(path)],
                       timeout=timeout_s, capture_output=True, check=False)
    except subprocess.TimeoutExpired:
        return "speech-dispatcher did not start in time"
    return None


def speechd_problem(timeout_s: float = 3.0, path: Path | None = None) -> str | None:
    """None when speech-dispatcher answers within the timeout, else why not, in a short sentence."""
    path = path or socket_path()
    if not path.exists():
        problem = _spawn(path, timeout_s)
        if problem:
            return problem
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout_s)
            s.connect(str(path))
            s.sendall(b"SET SELF CLIENT_NAME kiosk:kiosk:probe\r\n")
            reply = s.recv(256)
            s.sendall(b"QUIT\r\n")
    except TimeoutError:
        return "speech-dispatcher does not answer"
    except OSError as e:
        return f"speech-dispatcher cannot be reached ({e.strerror or type(e).__name__})"
    if not reply.startswith(b"2"):
        return "speech-dispatcher refused the connection"
    return None
