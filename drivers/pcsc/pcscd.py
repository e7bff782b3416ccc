"""A private pcscd with vpcd virtual readers, for tests and simulated runs on machines without systemd.

On a terminal pcscd is started by systemd and the kiosk talks to it at /run/pcscd/pcscd.comm. Tests need
a daemon they own (they stop it to see the reader go DISCONNECTED, and two test runs on one machine must
not share readers), so PcscDaemon starts one of its own:

* its own reader configuration (`pcscd -c DIR`): two vpcd readers "<name> 00 00" / "<name> 00 01" whose
  card sides listen on two free TCP ports (vpcd takes CHANNELID and CHANNELID + 1);
* its own socket folder: pcscd's socket path is compiled in (/run/pcscd), so it runs in a private mount
  namespace (`unshare --mount`) with that folder bind-mounted from `workdir` (/run/pcscd is created when
  missing, as on a machine where pcscd never ran). A system pcscd, if any, is left alone. The client library reads
  PCSCLITE_CSOCK_NAME once, at its first call, so `client_environment()` must be in os.environ (or a child's
  environment) before the process first talks PC/SC.

Both need root, as pcscd itself does. Readiness is pcscd's "daemon ready" log line, then its socket taking a connection.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections import deque
from pathlib import Path
from typing import Self

VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
READY_LINE = "daemon ready"


class PcscdError(Exception):
    """pcscd could not be started or stopped; the message names what is missing and shows pcscd's log."""


def free_port_pair(host: str = "127.0.0.1") -> int:
    """A TCP port p such that p and p + 1 were both free a moment ago (vpcd uses both)."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind((host, 0))
            port = first.getsockname()[1]
            with socket.socket() as second:
                try:
                    second.bind((host, port + 1))
                except OSError:
                    continue
                return port
    raise PcscdError("found no two free consecutive TCP ports for vpcd")


class PcscDaemon:
    def __init__(self, workdir: Path, *, name: str = "Kiosk vpcd", port: int | None = None,
                 executable: str | None = None) -> None:
        self.workdir = Path(workdir)
        self.executable = executable or shutil.which("pcscd") or "/usr/sbin/pcscd"
        self.name = name
        self.port = port if port is not None else free_port_pair()
        self.socket_dir = self.workdir / "run"
        self.config_dir = self.workdir / "reader.conf.d"
        self.log: deque[str] = deque(maxlen=200)
        self._process: subprocess.Popen[str] | None = None
        self._ready = threading.Event()
        self._exited = threading.Event()

    @property
    def socket_path(self) -> Path:
        return self.socket_dir / "pcscd.comm"

    @property
    def readers(self) -> tuple[str, str]:
        """The two virtual readers' names, as PC/SC lists them; the first has its card side on `port`."""
        return f"{self.name} 00 00", f"{self.name} 00 01"

    def client_environment(self) -> dict[str, str]:
        return {"PCSCLITE_CSOCK_NAME": str(self.socket_path)}

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self, timeout_s: float = 10.0) -> Self:
        pcscd, unshare = self.executable, shutil.which("unshare")
        if not Path(pcscd).exists():
            raise PcscdError(f"pcscd is not installed: no {pcscd} (apt-get install pcscd)")
        if not VPCD_DRIVER.exists():
            raise PcscdError(f"{VPCD_DRIVER} is missing (apt-get install vsmartcard-vpcd)")
        if unshare is None:
            raise PcscdError("unshare is missing (util-linux)")
        try:
            self.socket_dir.mkdir(parents=True, exist_ok=True)
            self.config_dir.mkdir(parents=True, exist_ok=True)
            (self.config_dir / "vpcd").write_text(
                f'FRIENDLYNAME "{self.name}"\nDEVICENAME   /dev/null:0x{self.port:04X}\n'
                f"LIBPATH      {VPCD_DRIVER}\nCHANNELID    0x{self.port:04X}\n")
        except OSError as e:
            raise PcscdError(f"cannot prepare pcscd's folders in {self.workdir}: {e.strerror}: {e.filename}") from e
        script = 'mkdir -p /run/pcscd && mount --bind "$1" /run/pcscd && shift && exec "$@"'
        self._ready.clear()
        self._exited.clear()
        self._process = subprocess.Popen(
            [unshare, "--mount", "--propagation", "private", "sh", "-c", script, "sh", str(self.socket_dir),
             pcscd, "--foreground", "--info", "-c", str(self.config_dir)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._drain, args=(self._process,), name="pcscd-log", daemon=True).start()
        self._wait_ready(timeout_s)
        return self

    def stop(self, timeout_s: float = 10.0) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout_s)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout_s)
        self._exited.wait(timeout_s)
        if process.stdout is not None:
            process.stdout.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _wait_ready(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        deadline_hit = not self._ready.wait(timeout_s)
        # pcscd logs "daemon ready" a moment before it listens: wait until its socket takes a client
        while not deadline_hit and self.running:
            if self._answers():
                return
            if self._exited.wait(0.01):
                break
            deadline_hit = time.monotonic() > deadline
        self.stop()
        why = "did not say it was ready in time" if deadline_hit else "exited before it was ready"
        tail = "\n".join(list(self.log)[-15:])
        raise PcscdError(f"pcscd (config {self.config_dir}, socket {self.socket_path}) {why}; pcscd "
                         f"needs root, and unshare a mount namespace. Its last lines:\n{tail}")

    def _answers(self) -> bool:
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(str(self.socket_path))
            except OSError:
                return False
            return True

    def _drain(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        try:
            for line in process.stdout:
                self.log.append(line.rstrip("\n"))
                if READY_LINE in line:
                    self._ready.set()
        except ValueError:  # stdout closed by stop() while reading
            pass
        finally:
            self._exited.set()
            self._ready.set()  # wake a start() that waits: it then sees the process gone
