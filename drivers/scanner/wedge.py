"""WedgeScanner: codes from a USB QR / barcode scanner in keyboard-wedge (HID keyboard) mode, via evdev.

Such a scanner is a keyboard to the computer: it types each code and presses Enter. Left alone, those keys
go wherever the focus is, so a scan could land in a text field or press a button. The kiosk therefore
opens the scanner's input device itself and grabs it exclusively (EVIOCGRAB): from then on its keys reach
the kiosk only, never the compositor, X or the console. The keys are read into codes by keystrokes.py.
Same interface as ScannerDriver: open / close / poll / read_code(timeout_s) / discard / pending.

Finding the device (installer)
    Plug the scanner in and run `ls -l /dev/input/by-id/`. A scanner in keyboard mode shows as
    `usb-<maker>_<model>_<serial>-event-kbd -> ../../event5`. Put that by-id path in the configuration
    (port = "/dev/input/by-id/usb-...-event-kbd", driver = "evdev"), never /dev/input/eventN: the number
    changes with plug order. Two scanners alike without serial numbers: use /dev/input/by-path/...-event-kbd
    (named by the USB socket). Some scanners also list an `-if01-event-kbd` or an `-event-mouse`; the right
    one is the one that types: `evtest /dev/input/by-id/...` (Debian package evtest) prints key events when
    a code is scanned. A device without an Enter key is refused (scanner.not_keyboard). Program the
    scanner for the US keyboard layout and the Enter (or Tab) suffix.

Permissions
    /dev/input/event* belong to root:input, mode 0660: the kiosk's user must be in the `input` group
    (the Debian package's postinst adds it; by hand: `adduser kiosk input`, then restart the kiosk).
    Otherwise opening fails with device.port_denied. While the kiosk runs, nothing else can read the
    scanner: a second program's grab makes opening fail with device.port_busy naming device and path.

The device vanishing (unplugged: reads fail with ENODEV) sets DISCONNECTED; poll() reopens it by its path
with Reconnect's backoff. The scanned text never goes into a log, a status or a Failure.
"""

from __future__ import annotations

import errno
import select
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from evdev import InputDevice
from evdev import ecodes as e

from drivers.device import Reconnect, StatusTracker
from drivers.errors import Failure, Ok, Result, register
from drivers.scanner.codec import ScannedCode
from drivers.scanner.keystrokes import BadScan, KeystrokeDecoder
from drivers.status import Capabilities, State, Status

register({
    "scanner.no_code": "No code was scanned in the time given.",
    "scanner.not_keyboard": "The configured path is not the scanner's keyboard input device "
                            "(/dev/input/by-id/...-event-kbd).",
})

MODEL = "keyboard-wedge scanner"
_WAKE_S = 0.001  # wake this long after a scan's pause deadline, so the deadline has surely passed


class InputLike(Protocol):
    """What WedgeScanner uses of evdev.InputDevice: the boundary a test replaces."""

    fd: int

    def read(self) -> Iterable[Any]: ...  # events with .type .code .value; BlockingIOError when none
    def grab(self) -> None: ...
    def ungrab(self) -> None: ...
    def close(self) -> None: ...
    def capabilities(self) -> dict[int, list[Any]]: ...
    def active_keys(self) -> list[int]: ...


class WedgeScanner:
    """`path` is the input device (/dev/input/by-id/...-event-kbd); `device` the configured name that
    failures carry. `clock` drives Reconnect's backoff; `read_clock` times reads and the decoder's pauses;
    `input_factory` opens the device (evdev.InputDevice; a fake in tests)."""

    def __init__(self, path: str, *, device: str = "qr_scanner", decoder: KeystrokeDecoder | None = None,
                 clock: Callable[[], float] = time.monotonic, retry_delay: Callable[[int], float] | None = None,
                 input_factory: Callable[[str], InputLike] = InputDevice,
                 read_clock: Callable[[], float] = time.monotonic) -> None:
        self.path, self.device = path, device
        self.decoder = decoder or KeystrokeDecoder()
        self.tracker = StatusTracker(Capabilities(kind="qr_scanner", model=MODEL, port=path))
        self.reconnect = Reconnect(clock, delay=retry_delay)
        self._factory, self._now = input_factory, read_clock
        self._input: InputLike | None = None
        self._pending: deque[Result[str]] = deque()

    @property
    def is_open(self) -> bool:
        return self._input is not None

    def open(self) -> Result[None]:
        """Open the input device and grab it, so its keys reach the kiosk alone."""
        if self._input is not None:
            return Ok(None)
        try:
            device = self._factory(self.path)
        except OSError as exc:
            return self._lost(self._problem(exc))
        try:
            if not set(self.decoder.suffix.value) & set(device.capabilities().get(e.EV_KEY, [])):
                _close_quietly(device)
                return self._lost(self._failure(
                    "scanner.not_keyboard", f"the device has no {self.decoder.suffix.name} key; it is not the "
                    "scanner's keyboard interface (choose the /dev/input/by-id/...-event-kbd entry)"))
            device.grab()
            under_way = bool(device.active_keys())  # keys held: a scan began before the grab
        except OSError as exc:
            _close_quietly(device)
            return self._lost(self._problem(exc))
        self._input = device
        self.decoder.discard(self._now(), under_way=under_way)
        self._seen()
        return Ok(None)

    def close(self) -> None:
        if self._input is not None:
            try:
                self._input.ungrab()
            except OSError:
                pass  # already gone
            _close_quietly(self._input)
        self._input = None
        self._pending.clear()
        self.decoder.discard(self._now(), under_way=False)
        self.tracker.set(Status(State.DISCONNECTED, "device.disconnected", "closed by the kiosk"))

    def poll(self) -> Status:
        if self.tracker.status.state is State.DISCONNECTED:
            if self.reconnect.due() and isinstance(self.open(), Failure):
                self.reconnect.failed()
            return self.tracker.status
        self._fill(0.0)
        return self.tracker.status

    @property
    def pending(self) -> int:
        """Scans (or refused scans) that poll() has read and the next read_code calls will return."""
        return len(self._pending)

    def read_code(self, timeout_s: float) -> Result[str]:
        """The next scanned code's text; Failure scanner.no_code when none came in time, device.bad_frame
        for a refused scan (ask the citizen to scan again), or the device's failure."""
        if not self._pending:
            failure = self._fill(timeout_s)
            if failure is not None:
                return failure
        return self._pending.popleft()

    def discard(self) -> Result[None]:
        """Forget codes scanned before now; the rest of a scan being typed right now is dropped too."""
        self._pending.clear()
        if self._input is None:
            return Ok(None)
        while True:
            events = self._events(0.0)
            if isinstance(events, Failure):
                return events
            if not events:
                break
            for event in events:  # fed, so Shift and Caps Lock stay right; what they make is dropped
                self.decoder.feed(event.type, event.code, event.value, self._now())
        self.decoder.discard(self._now())
        return Ok(None)

    def _fill(self, timeout_s: float) -> Failure | None:
        """Read until a result is pending (None) or `timeout_s` passes (scanner.no_code), or the device is lost."""
        if self._input is None:
            opened = self.open()
            if isinstance(opened, Failure):
                return opened
        deadline = self._now() + timeout_s
        while True:
            now = self._now()
            wait = deadline - now
            scan_ends = self.decoder.deadline()
            if scan_ends is not None:  # wake when a scan under way must have ended, to refuse it
                wait = min(wait, scan_ends - now + _WAKE_S)
            events = self._events(max(0.0, wait))
            if isinstance(events, Failure):
                return events
            at = self._now()
            for event in events:
                self._keep(self.decoder.feed(event.type, event.code, event.value, at))
            self._keep(self.decoder.expire(at))
            if self._pending:
                return None
            if at >= deadline:
                return Failure("scanner.no_code", f"no code scanned within {timeout_s:g} s")

    def _events(self, wait_s: float) -> list[Any] | Failure:
        """The events ready within `wait_s` (select on the device's descriptor), or the device's loss."""
        device = self._input
        assert device is not None
        try:
            ready, _, _ = select.select([device.fd], [], [], wait_s)
            if not ready:
                return []
            events = list(device.read())
        except BlockingIOError:
            return []
        except (OSError, ValueError) as exc:  # ENODEV once unplugged; ValueError for a closed descriptor
            return self._gone(exc)
        self._seen()
        return events

    def _keep(self, scan: ScannedCode | BadScan | None) -> None:
        if isinstance(scan, ScannedCode):
            self._pending.append(Ok(scan.text))
        elif isinstance(scan, BadScan):
            self._pending.append(self._failure("device.bad_frame", f"{scan.describe()}; scan again"))

    def _gone(self, exc: Exception) -> Failure:
        if self._input is not None:
            _close_quietly(self._input)
        self._input = None
        self.decoder.discard(self._now(), under_way=False)
        if isinstance(exc, OSError) and exc.errno not in (errno.ENODEV, None):
            return self._lost(self._problem(exc))
        return self._lost(self._failure("device.disconnected", "the scanner went away (unplugged?)"))

    def _problem(self, exc: OSError) -> Failure:
        err = exc.errno
        if err == errno.ENOENT:
            return self._failure("device.port_missing", "no such input device; is the scanner plugged in? "
                                 "Its path is under /dev/input/by-id/ (...-event-kbd)")
        if err in (errno.EACCES, errno.EPERM):
            return self._failure("device.port_denied",
                                 "permission denied; the kiosk user must be in the `input` group")
        if err == errno.EBUSY:
            return self._failure("device.port_busy", "another program holds the scanner's exclusive grab "
                                 "(a second kiosk, or evtest --grab); stop it")
        if err in (errno.ENOTTY, errno.EINVAL):
            return self._failure("scanner.not_keyboard", "not an input event device; use the scanner's "
                                 "/dev/input/by-id/...-event-kbd path")
        name = errno.errorcode.get(err, type(exc).__name__) if err is not None else type(exc).__name__
        return self._failure("device.disconnected", f"the scanner cannot be read ({name})")

    def _failure(self, code: str, reason: str) -> Failure:
        return Failure(code, f"{self.device} on {self.path}: {reason}")

    def _seen(self) -> None:
        self.reconnect.succeeded()
        self.tracker.set(Status.ready())

    def _lost(self, failure: Failure) -> Failure:
        if self.tracker.status.state is not State.DISCONNECTED:
            self.reconnect.failed()
        self.tracker.set(Status(State.DISCONNECTED, failure.code, failure.detail))
        return failure


def _close_quietly(device: InputLike) -> None:
    try:
        device.close()
    except OSError:
        pass
