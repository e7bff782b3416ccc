"""Telling systemd how the kiosk is doing: READY=1, WATCHDOG=1 and STOPPING=1 over $NOTIFY_SOCKET.

The kiosk runs under `kiosk.service` (Type=notify, WatchdogSec=). systemd waits for READY=1 before it calls
the service started, and kills and restarts it when WATCHDOG=1 stops arriving for WatchdogSec, so a hung user
interface heals itself. The protocol is one datagram of `KEY=VALUE` lines on the AF_UNIX socket named by
$NOTIFY_SOCKET (a path, or an abstract socket when it starts with "@"); see sd_notify(3). It is small enough
to speak here without python-systemd.

Outside systemd (a developer's `kiosk run`, the tests) NOTIFY_SOCKET is unset and every call does nothing.

The application runs as a child of the `cage` compositor, which is the service's main process, so systemd's
WATCHDOG_PID names cage, not us. The unit sets NotifyAccess=all so that our messages count; that is why
`ping_interval_s` reads WATCHDOG_USEC and deliberately ignores WATCHDOG_PID.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass

from drivers.errors import Failure, Ok, Result, register

register({
    "watchdog.notify_socket_bad": "NOTIFY_SOCKET is set but is not a socket path or an @abstract name.",
    "watchdog.notify_failed": "The message to systemd's notify socket could not be sent.",
})


@dataclass(frozen=True)
class Notifier:
    """Sends state changes to systemd; `address` None means "not under systemd": every send is a no-op."""

    address: str | None = None

    @classmethod
    def from_environment(cls, env: Mapping[str, str] | None = None) -> Notifier:
        """The notifier for $NOTIFY_SOCKET of `env` (default os.environ)."""
        env = os.environ if env is None else env
        return cls(env.get("NOTIFY_SOCKET") or None)

    @property
    def enabled(self) -> bool:
        return self.address is not None

    def ready(self) -> Result[bool]:
        """The first frame is on screen: the service has started."""
        return self.send("READY=1")

    def ping(self) -> Result[bool]:
        """The main loop is alive; send at least every `ping_interval_s` seconds."""
        return self.send("WATCHDOG=1")

    def stopping(self) -> Result[bool]:
        """Shutting down on purpose (SIGTERM): a slow stop is not a hang."""
        return self.send("STOPPING=1")

    def send(self, state: str) -> Result[bool]:
        """Send `state` (newline-separated KEY=VALUE). Ok(True) sent, Ok(False) no-op, else a Failure."""
        if self.address is None:
            return Ok(False)
        target = _socket_address(self.address)
        if target is None:
            return Failure("watchdog.notify_socket_bad", f"NOTIFY_SOCKET={self.address!r}")
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
                sock.sendto(state.encode(), target)
        except OSError as e:
            return Failure("watchdog.notify_failed", f"{self.address}: {e.strerror or e}")
        return Ok(True)


def _socket_address(address: str) -> str | bytes | None:
    """A filesystem path as is; "@name" as the abstract address b"\\0name"; anything else None."""
    if address.startswith("/"):
        return address
    if address.startswith("@") and len(address) > 1:
        return b"\0" + address[1:].encode()
    return None


def ping_interval_s(env: Mapping[str, str] | None = None) -> float | None:
    """How often to ping: half of WatchdogSec (as sd_watchdog_enabled(3) advises), or None without one."""
    env = os.environ if env is None else env
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return usec / 2_000_000 if usec > 0 else None
