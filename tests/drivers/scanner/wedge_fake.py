"""A keyboard-wedge scanner at the evdev boundary: the only part of the wedge driver's world we fake.

This machine has no /dev/input, so FakeInput stands in for evdev.InputDevice: the kernel's 24-byte
`struct input_event` records go through a real pipe, so the driver's select() on `fd` and its reads behave
as on the real device (readable when keys wait, BlockingIOError when none, ENODEV once unplugged).
`Socket` is the input_factory: it opens what is plugged in, or fails as the kernel does.
"""

from __future__ import annotations

import errno
import os
import struct

from evdev import InputEvent
from evdev import ecodes as e

from drivers.scanner.keymap import keys_for

EVENT = struct.Struct("llHHi")  # struct input_event on 64-bit Linux: timeval, type, code, value
ALL_KEYS = sorted(set(e.keys) & set(range(1, 249)))  # what a USB keyboard interface reports
PATH = "/dev/input/by-id/usb-Acme_QR_Scanner_2D_0001-event-kbd"


class FakeInput:
    def __init__(self, keys: list[int] = ALL_KEYS) -> None:
        self.fd, self._writer = os.pipe()
        os.set_blocking(self.fd, False)
        self.keys = keys
        self.grabbed = False
        self.grab_error: int | None = None  # an errno grab() fails with (EBUSY: another program holds it)
        self.held: list[int] = []
        self._rest = b""
        self._time = 0.0

    # evdev.InputDevice, as the driver uses it
    def capabilities(self) -> dict[int, list[int]]:
        return {e.EV_SYN: [e.SYN_REPORT], e.EV_KEY: list(self.keys), e.EV_MSC: [e.MSC_SCAN]}

    def active_keys(self) -> list[int]:
        return list(self.held)

    def grab(self) -> None:
        if self.grab_error is not None:
            raise OSError(self.grab_error, os.strerror(self.grab_error))
        self.grabbed = True

    def ungrab(self) -> None:
        self.grabbed = False

    def read(self) -> list[InputEvent]:
        data = os.read(self.fd, EVENT.size * 64)  # BlockingIOError when nothing waits, as evdev raises
        if not data:
            raise OSError(errno.ENODEV, os.strerror(errno.ENODEV))
        data, whole = self._rest + data, (len(self._rest) + len(data)) // EVENT.size * EVENT.size
        self._rest = data[whole:]
        return [InputEvent(*EVENT.unpack_from(data, i)) for i in range(0, whole, EVENT.size)]

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
        self.fd = -1
        self.unplug()

    # the test's side: a scanner pressing keys
    def send(self, *events: tuple[int, int, int]) -> None:
        """Raw (type, code, value) events, each written as the kernel writes them."""
        records = []
        for type_, code, value in events:
            self._time += 0.001
            records.append(EVENT.pack(int(self._time), int(self._time % 1 * 1e6), type_, code, value))
        os.write(self._writer, b"".join(records))

    def press(self, *presses: tuple[int, int]) -> None:
        """Key (code, value) presses as a USB keyboard reports them: MSC_SCAN, EV_KEY, SYN_REPORT."""
        events = []
        for code, value in presses:
            events += [(e.EV_MSC, e.MSC_SCAN, 0x70000 + code), (e.EV_KEY, code, value),
                       (e.EV_SYN, e.SYN_REPORT, 0)]
        self.send(*events)

    def scan(self, text: str, suffix: int = e.KEY_ENTER) -> None:
        """The scanner types `text` and its suffix key."""
        self.press(*keys_for(text), (suffix, 1), (suffix, 0))

    def unplug(self) -> None:
        if self._writer >= 0:
            os.close(self._writer)
        self._writer = -1


class Socket:
    """The USB socket the scanner is in: `input_factory` for WedgeScanner."""

    def __init__(self, device: FakeInput | None = None) -> None:
        self.device = device
        self.opened: list[str] = []

    def __call__(self, path: str) -> FakeInput:
        if self.device is None:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), path)
        self.opened.append(path)
        return self.device

    def unplug(self) -> None:
        if self.device is not None:
            self.device.unplug()
        self.device = None

    def plug(self, device: FakeInput) -> FakeInput:
        self.device = device
        return device


def make_scanner(socket: Socket, **options):
    """The real WedgeScanner on `socket`, retrying at once unless the test says otherwise."""
    from drivers.scanner.wedge import WedgeScanner

    options.setdefault("retry_delay", lambda attempt: 0.0)
    return WedgeScanner(PATH, input_factory=socket, **options)
