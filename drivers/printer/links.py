"""How the kiosk reaches a receipt printer, by the driver name in the device config:

    escpos-serial   RS-232 or USB-serial, through drivers.transport.SerialTransport (pyserial)
    escpos-network  raw TCP, port 9100 unless the port says otherwise ("10.0.0.9", "10.0.0.9:9100")
    escpos-usb      a USB printer-class device through the kernel's usblp driver: a character device such
                    as /dev/usb/lp0 (a udev rule gives it a stable name). Bidirectional printers answer
                    status requests on it; no libusb, no detaching the kernel driver.
    sim             the simulator's pty link, as escpos-serial

All three offer SerialTransport's interface (open, close, is_open, write, discard_input, read_frame with a
sans-I/O decode), and raise its PortUnavailable (naming the device and the port, with a stable code) and
DeviceTimeout, so the driver does not know which it has.
"""

from __future__ import annotations

import errno
import os
import select
import socket
import time
from collections.abc import Callable
from typing import Any, Protocol

from drivers.protocol import ProtocolError
from drivers.transport import DeviceTimeout, PortUnavailable, SerialTransport

Decode = Callable[[bytes], tuple[Any, bytes]]
NETWORK_PORT = 9100
DEFAULT_SERIAL_BAUD = 9600  # python-escpos' default too; most printers are set to 9600 or 115200


class Link(Protocol):
    port: str
    device: str

    @property
    def is_open(self) -> bool: ...
    def open(self) -> None: ...
    def close(self) -> None: ...
    def write(self, data: bytes) -> None: ...
    def discard_input(self) -> None: ...
    def read_frame(self, decode: Decode, timeout_s: float): ...


class StreamLink:
    """Buffering and frame reading shared by the TCP and character-device links."""

    def __init__(self, port: str, device: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.port, self.device = port, device
        self._clock = clock
        self._buffer = b""
        self._fd: int | None = None

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    def open(self) -> None:
        if self._fd is None:
            self._fd = self._connect()
            self._buffer = b""

    def close(self) -> None:
        if self._fd is not None:
            self._disconnect()
        self._fd = None
        self._buffer = b""

    def _lost(self, exc: Exception | None, why: str) -> PortUnavailable:
        self.close()
        reason = f"{why} ({type(exc).__name__})" if exc else why
        return PortUnavailable(self.device, self.port, "device.disconnected", reason)

    def write(self, data: bytes) -> None:
        self.open()
        view = memoryview(data)
        while view:
            try:
                _, writable, _ = select.select([], [self._fd], [], 5.0)
                if not writable:
                    raise self._lost(None, "the printer takes no more data")
                view = view[self._send(view):]
            except OSError as e:
                raise self._lost(e, "the connection failed") from e

    def discard_input(self) -> None:
        self._buffer = b""
        while self._fd is not None and self._receive(0.0):
            pass

    def read_frame(self, decode: Decode, timeout_s: float):
        self.open()
        deadline = self._clock() + timeout_s
        while True:
            if self._buffer:
                try:
                    frame, self._buffer = decode(self._buffer)
                except ProtocolError as e:
                    self._buffer = e.rest
                    raise
                if frame is not None:
                    return frame
            left = deadline - self._clock()
            if left <= 0:
                raise DeviceTimeout(self.device, self.port, timeout_s)
            self._buffer += self._receive(min(left, 0.05))

    def _receive(self, wait_s: float) -> bytes:
        try:
            readable, _, _ = select.select([self._fd], [], [], wait_s)
            if not readable:
                return b""
            data = self._recv()
        except BlockingIOError:
            return b""
        except OSError as e:
            raise self._lost(e, "the connection failed") from e
        if not data:
            raise self._lost(None, "the printer closed the connection")
        return data

    # subclasses: open a descriptor, send some bytes, receive some bytes, close
    def _connect(self) -> int: raise NotImplementedError
    def _send(self, data: memoryview) -> int: raise NotImplementedError
    def _recv(self) -> bytes: raise NotImplementedError
    def _disconnect(self) -> None: raise NotImplementedError


class TcpTransport(StreamLink):
    """A network printer's raw port (JetDirect / port 9100)."""

    def __init__(self, address: str, *, device: str = "printer", connect_timeout_s: float = 3.0) -> None:
        super().__init__(address, device)
        self.host, self.tcp_port = parse_address(address)
        self._connect_timeout_s = connect_timeout_s
        self._socket: socket.socket | None = None

    def _connect(self) -> int:
        try:
            self._socket = socket.create_connection((self.host, self.tcp_port), self._connect_timeout_s)
        except OSError as e:
            code = "device.port_missing" if isinstance(e, socket.gaierror) else "device.disconnected"
            why = ("the host name is unknown; check the address in the configuration" if code != "device.disconnected"
                   else f"no connection to port {self.tcp_port} ({type(e).__name__}); is the printer on?")
            raise PortUnavailable(self.device, self.port, code, why) from e
        self._socket.setblocking(False)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self._socket.fileno()

    def _send(self, data: memoryview) -> int:
        return self._socket.send(data)

    def _recv(self) -> bytes:
        return self._socket.recv(4096)

    def _disconnect(self) -> None:
        self._socket.close()
        self._socket = None


class CharDeviceTransport(StreamLink):
    """A character device: the usblp node of a USB printer (also works on a pty, which the tests use)."""

    def _connect(self) -> int:
        try:
            return os.open(self.port, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
        except OSError as e:
            raise _device_problem(self.device, self.port, e) from e

    def _send(self, data: memoryview) -> int:
        try:
            return os.write(self._fd, data)
        except BlockingIOError:
            return 0

    def _recv(self) -> bytes:
        return os.read(self._fd, 4096)

    def _disconnect(self) -> None:
        try:
            os.close(self._fd)
        except OSError:
            pass


def _device_problem(device: str, port: str, e: OSError) -> PortUnavailable:
    if e.errno == errno.ENOENT:
        return PortUnavailable(device, port, "device.port_missing",
                               "the device does not exist; check the cable and the port in the configuration")
    if e.errno in (errno.EACCES, errno.EPERM):
        return PortUnavailable(device, port, "device.port_denied",
                               "permission denied; the kiosk user must be in the device's group (lp)")
    if e.errno == errno.EBUSY:
        return PortUnavailable(device, port, "device.port_busy", "another program holds the device")
    return PortUnavailable(device, port, "device.disconnected", f"the device failed ({type(e).__name__})")


def parse_address(address: str) -> tuple[str, int]:
    """'10.0.0.9' -> ('10.0.0.9', 9100); '10.0.0.9:9101', 'tcp://host:9100', '[::1]:9100' as written."""
    rest = address.removeprefix("tcp://")
    if rest.startswith("["):
        host, _, port = rest[1:].partition("]")
        port = port.removeprefix(":")
    elif rest.count(":") == 1:
        host, port = rest.split(":")
    else:
        host, port = rest, ""
    if not host:
        raise ValueError(f"{address!r} names no host")
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        raise ValueError(f"{address!r}: the port must be a number from 1 to 65535")
    return host, int(port) if port else NETWORK_PORT


def make_link(driver: str, port: str, *, speed: int | None = None, device: str = "printer",
              sim_baudrate: int = 115200) -> Link:
    """The link a configured printer's driver name asks for; ValueError for another driver name."""
    if driver == "escpos-serial":
        return SerialTransport(port, speed or DEFAULT_SERIAL_BAUD, device=device)
    if driver == "sim":
        return SerialTransport(port, speed or sim_baudrate, device=device)
    if driver == "escpos-network":
        return TcpTransport(port, device=device)
    if driver == "escpos-usb":
        return CharDeviceTransport(port, device)
    raise ValueError(f'a printer has no driver "{driver}"; known: escpos-serial, escpos-network, escpos-usb, sim')
