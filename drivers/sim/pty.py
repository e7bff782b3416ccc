"""A simulated device on a pseudo-terminal, so the real driver and real pyserial talk to it.

A simulator is a *device model* (pure: bytes from the host in, bytes to the host out, state kept the way the
device keeps it) served by PtyDevice on a pty. The host opens `link`, a stable path (a symlink to the pty's
current slave), like /dev/serial/by-id/... on a terminal. The control handle acts on the wire:

    unplug()        the link disappears and the pty closes: the host's reads fail, opening the link fails
    replug()        a new pty behind the same link: the host finds the device again by its path
    inject(data)    raw bytes to the host (garbage, a truncated frame, a frame with a bad checksum)
    delay_s         answer this much later (a slow device)
    mute            swallow commands and answer nothing (a device that hangs)
    send(data)      unsolicited bytes (door events, a scanned code)

With `baudrate`, the wire is paced at that speed (10 bits a byte): a command is taken in only once it would
have crossed a real UART, and answers are delivered no faster than one would.
"""

from __future__ import annotations

import os
import select
import termios
import threading
import time
import tty
from pathlib import Path
from typing import Protocol

#: bytes of the host's traffic a simulator keeps for inspection (the oldest are dropped beyond this)
RECEIVED_KEEP = 1 << 20

class DeviceModel(Protocol):
    def receive(self, data: bytes) -> bytes:
        """Bytes from the host; returns the bytes the device answers (b"" for none yet)."""


class PtyDevice:
    def __init__(self, model: DeviceModel, link: Path, *, baudrate: int | None = None) -> None:
        self.model = model
        self.link = Path(link)
        self.baudrate = baudrate
        self.delay_s = 0.0
        self.mute = False
        self.received = bytearray()  # what the host sent (the last RECEIVED_KEEP bytes), for tests of the wire
        self.sent = 0  # how many bytes the device has answered, for benchmarks
        self._master: int | None = None
        self._slave: int | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()

    # ---- life cycle -----------------------------------------------------------------------------

    def start(self) -> PtyDevice:
        self._plug()
        return self

    def stop(self) -> None:
        self._unplug()

    def __enter__(self) -> PtyDevice:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def plugged(self) -> bool:
        return self._master is not None

    @property
    def tty_path(self) -> str:
        """The pseudo-terminal behind the link right now (it changes on each replug)."""
        return os.ttyname(self._slave) if self._slave is not None else ""

    def _plug(self) -> None:
        master, slave = os.openpty()
        tty.setraw(slave)
        attrs = termios.tcgetattr(slave)
        attrs[3] &= ~termios.ECHO
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        self._master, self._slave = master, slave
        tmp = self.link.with_name(self.link.name + ".new")
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        tmp.symlink_to(os.ttyname(slave))
        tmp.replace(self.link)
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name=f"sim-{self.link.name}", daemon=True)
        self._thread.start()

    def _unplug(self) -> None:
        if self._master is None:
            return
        self._stop.set()
        self._thread.join()
        if self.link.is_symlink():
            self.link.unlink()
        for fd in (self._master, self._slave):
            os.close(fd)
        self._master = self._slave = None

    # ---- control handle ---------------------------------------------------------------------------

    def unplug(self) -> None:
        self._unplug()

    def replug(self) -> None:
        if self._master is None:
            self._plug()

    def inject(self, data: bytes) -> None:
        self._write(data)

    def send(self, data: bytes) -> None:
        self._write(data)

    # ---- the wire -------------------------------------------------------------------------------

    def _write(self, data: bytes) -> None:
        with self._lock:
            if self._master is None:
                return
            self.sent += len(data)
            if not self.baudrate:
                os.write(self._master, data)
                return
            per_byte = 10 / self.baudrate
            started = time.monotonic()
            for i in range(0, len(data), 64):
                os.write(self._master, data[i:i + 64])
                due = started + (i + 64) * per_byte
                pause = min(due, started + len(data) * per_byte) - time.monotonic()
                if pause > 0:
                    time.sleep(pause)

    def _serve(self) -> None:
        master = self._master
        while not self._stop.is_set():
            ready, _, _ = select.select([master], [], [], 0.05)
            if not ready:
                continue
            try:
                data = os.read(master, 4096)
            except OSError:  # the host closed its side; wait for it to open again
                data = b""
            if not data:
                continue
            self.received += data
            if len(self.received) > RECEIVED_KEEP:  # a simulator serving for days must not keep every receipt
                del self.received[:len(self.received) - RECEIVED_KEEP]
            if self.mute:
                continue
            if self.baudrate:  # the command itself took this long to cross a real UART
                self._stop.wait(len(data) * 10 / self.baudrate)
            answer = self.model.receive(data)
            if answer:
                if self.delay_s:
                    self._stop.wait(self.delay_s)
                self._write(answer)
