"""Serial transport: pyserial, timeouts, and frames read through a sans-I/O codec's `decode`.

The transport knows nothing of any protocol: it writes bytes, and reads until the codec's `decode` finds a
frame, keeping what follows for the next read. A port that cannot be opened, or that disappears, raises
PortUnavailable naming the device and the port, with a stable code from drivers.errors.
"""

from __future__ import annotations

import errno
import os
import termios
import time
from collections.abc import Callable
from typing import Any

import serial

from drivers.protocol import ProtocolError

Decode = Callable[[bytes], tuple[Any, bytes]]

# What a port that went away raises, depending on where pyserial notices: its own error, the OS's, termios's.
_PORT_ERRORS = (serial.SerialException, OSError, termios.error)


class PortUnavailable(Exception):
    def __init__(self, device: str, port: str, code: str, reason: str) -> None:
        super().__init__(f"{device} on {port}: {reason}")
        self.device, self.port, self.code = device, port, code


class DeviceTimeout(Exception):
    code = "device.timeout"

    def __init__(self, device: str, port: str, timeout_s: float) -> None:
        super().__init__(f"{device} on {port} did not answer within {timeout_s:g} s")
        self.device, self.port = device, port


def _port_problem(device: str, port: str, exc: Exception) -> PortUnavailable:
    err = getattr(exc, "errno", None)
    if err == errno.ENOENT or (not os.path.exists(port) and "://" not in port):
        return PortUnavailable(device, port, "device.port_missing",
                               "the port does not exist; check the cable and the port in the configuration")
    if err in (errno.EACCES, errno.EPERM):
        return PortUnavailable(device, port, "device.port_denied",
                               "permission denied; the kiosk user must be in the port's group (dialout)")
    if err == errno.EBUSY:
        return PortUnavailable(device, port, "device.port_busy", "another program holds the port")
    return PortUnavailable(device, port, "device.disconnected", f"the port failed ({type(exc).__name__})")


class SerialTransport:
    def __init__(self, port: str, baudrate: int, *, device: str = "device", read_chunk_s: float = 0.05,
                 serial_factory: Callable[..., serial.Serial] = serial.serial_for_url) -> None:
        self.port, self.baudrate, self.device = port, baudrate, device
        self._read_chunk_s = read_chunk_s
        self._factory = serial_factory
        self._serial: serial.Serial | None = None
        self._buffer = b""

    @property
    def is_open(self) -> bool:
        return self._serial is not None and self._serial.is_open

    def open(self) -> None:
        if self.is_open:
            return
        try:
            self._serial = self._factory(self.port, baudrate=self.baudrate, bytesize=8, parity="N",
                                         stopbits=1, timeout=self._read_chunk_s, exclusive=True)
        except _PORT_ERRORS as e:
            self._serial = None
            raise _port_problem(self.device, self.port, e) from e
        self._buffer = b""

    def close(self) -> None:
        if self._serial is not None:
            try:
                self._serial.close()
            except _PORT_ERRORS:
                pass
        self._serial = None
        self._buffer = b""

    def _lost(self, exc: Exception) -> PortUnavailable:
        self.close()
        return PortUnavailable(self.device, self.port, "device.disconnected",
                               f"the device went away ({type(exc).__name__})")

    def write(self, data: bytes) -> None:
        if not self.is_open:
            self.open()
        try:
            self._serial.write(data)
            self._serial.flush()
        except _PORT_ERRORS as e:
            raise self._lost(e) from e

    def discard_input(self) -> None:
        """Forget unread bytes: before a command, so a late answer to an old one cannot be taken for it."""
        self._buffer = b""
        if self.is_open:
            try:
                self._serial.reset_input_buffer()
            except _PORT_ERRORS as e:
                raise self._lost(e) from e

    def read_frame(self, decode: Decode, timeout_s: float, *, clock: Callable[[], float] = time.monotonic):
        """The next frame `decode` finds within `timeout_s`. ProtocolError from `decode` passes up, with the
        bad frame dropped; DeviceTimeout if none arrives; PortUnavailable if the port goes away."""
        if not self.is_open:
            self.open()
        deadline = clock() + timeout_s
        while True:
            if self._buffer:
                try:
                    frame, self._buffer = decode(self._buffer)
                except ProtocolError as e:
                    self._buffer = e.rest
                    raise
                if frame is not None:
                    return frame
            if clock() >= deadline:
                raise DeviceTimeout(self.device, self.port, timeout_s)
            try:
                waiting = self._serial.in_waiting
                chunk = self._serial.read(max(1, waiting))
            except _PORT_ERRORS as e:
                raise self._lost(e) from e
            self._buffer += chunk

    def request(self, data: bytes, decode: Decode, timeout_s: float):
        """Write a command and return the frame that answers it."""
        self.discard_input()
        self.write(data)
        return self.read_frame(decode, timeout_s)
