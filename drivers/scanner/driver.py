"""ScannerDriver: codes from a serial (RS-232, TTL or USB CDC) QR / barcode scanner.

The scanner speaks when a code is scanned, never when asked. `read_code(timeout_s)` waits for the next
code; `poll()` checks the port with a very short read (a code found then is kept for the next
`read_code`), and reopens the port by its path after it came back. The scanned text never goes into a log,
a status or a Failure: a pickup QR code may carry personal data.

The USB keyboard-wedge (HID) mode is drivers/scanner/wedge.py (evdev, with an exclusive grab).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from drivers.device import Reconnect, StatusTracker
from drivers.errors import Failure, Ok, Result, register
from drivers.protocol import ProtocolError
from drivers.scanner.codec import ScanCodec
from drivers.status import Capabilities, State, Status
from drivers.transport import DeviceTimeout, PortUnavailable, SerialTransport

register({
    "scanner.no_code": "No code was scanned in the time given.",
})

PROBE_S = 0.001  # poll's read: one chunk of the transport's read time at most


class ScannerDriver:
    def __init__(self, transport: SerialTransport, *, clock: Callable[[], float] = time.monotonic,
                 codec: ScanCodec | None = None, retry_delay: Callable[[int], float] | None = None) -> None:
        self.transport = transport
        self.codec = codec or ScanCodec()
        self.tracker = StatusTracker(Capabilities(kind="qr_scanner", model="serial scanner",
                                                  port=transport.port))
        self.reconnect = Reconnect(clock, delay=retry_delay)
        self._pending: deque[Result[str]] = deque()

    def open(self) -> Result[None]:
        try:
            self.transport.open()
        except PortUnavailable as e:
            return self._port_lost(e)
        self.reconnect.succeeded()
        self.tracker.set(Status.ready())
        return Ok(None)

    def close(self) -> None:
        self.transport.close()
        self._pending.clear()
        self.tracker.set(Status(State.DISCONNECTED, "device.disconnected", "closed by the kiosk"))

    def poll(self) -> Status:
        if self.tracker.status.state is State.DISCONNECTED:
            if self.reconnect.due():
                result = self.open()
                if isinstance(result, Failure):
                    self.reconnect.failed()
            return self.tracker.status
        result = self._read(PROBE_S)
        if (result.ok or result.code != "scanner.no_code") and self.transport.is_open:
            self._pending.append(result)
        return self.tracker.status

    @property
    def pending(self) -> int:
        """Scans (or damaged scans) that poll() has read and the next read_code calls will return."""
        return len(self._pending)

    def read_code(self, timeout_s: float) -> Result[str]:
        """The next scanned code's text; Failure scanner.no_code when none came in time, device.bad_frame
        for a damaged scan (ask the citizen to scan again), or the port's failure."""
        if self._pending:
            return self._pending.popleft()
        return self._read(timeout_s)

    def discard(self) -> Result[None]:
        """Forget codes scanned before now (a scan made before the screen asked for one)."""
        self._pending.clear()
        try:
            self.transport.discard_input()
        except PortUnavailable as e:
            return self._port_lost(e)
        return Ok(None)

    def _read(self, timeout_s: float) -> Result[str]:
        try:
            code = self.transport.read_frame(self.codec.decode, timeout_s)
        except DeviceTimeout:
            self._seen()
            return Failure("scanner.no_code", f"no code scanned within {timeout_s:g} s")
        except ProtocolError as e:
            self._seen()
            return Failure(e.code, "the scanner sent a line that is not a whole code; scan again")
        except PortUnavailable as e:
            return self._port_lost(e)
        self._seen()
        return Ok(code.text)

    def _seen(self) -> None:
        self.reconnect.succeeded()
        self.tracker.set(Status.ready())

    def _port_lost(self, e: PortUnavailable) -> Failure:
        if self.tracker.status.state is not State.DISCONNECTED:
            self.reconnect.failed()
        self.tracker.set(Status(State.DISCONNECTED, e.code, str(e)))
        return Failure(e.code, str(e))
