"""A simulated serial QR / barcode scanner: it sends each scanned code with its suffix, unasked.

The model answers nothing to the host (a scanner in continuous or presentation mode takes no commands).
Because a scan is unsolicited, the model needs a way onto the wire: `attach(send)`, usually
`attach(pty_device.send)`. Scans made before that wait and go out on attach.

Control handle:
    scan(text)        a code is scanned: its bytes and the suffix go to the host
    scan_raw(data)    exact bytes, as a damaged or odd scanner would send them
plus the wire faults of PtyDevice (unplug, replug, inject garbage, delay).

State: {"suffix": "CR" | "LF" | "CRLF", "encoding": "utf-8", "scans": count}. The scanned texts are not kept:
they may be personal data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from drivers.scanner.codec import ScanCodec, ScannedCode, Suffix

DEFAULT_BAUDRATE = 9600


class SerialScanner:
    def __init__(self, codec: ScanCodec | None = None) -> None:
        self.codec = codec or ScanCodec()
        self.scans = 0
        self._send: Callable[[bytes], None] | None = None
        self._waiting: list[bytes] = []
        self._mutex = threading.Lock()

    def attach(self, send: Callable[[bytes], None]) -> None:
        with self._mutex:
            self._send = send
            waiting, self._waiting = self._waiting, []
        for data in waiting:
            send(data)

    def scan(self, text: str) -> None:
        self.scan_raw(self.codec.encode(ScannedCode(text)))
        with self._mutex:
            self.scans += 1

    def scan_raw(self, data: bytes) -> None:
        with self._mutex:
            send = self._send
            if send is None:
                self._waiting.append(data)
                return
        send(data)

    def receive(self, data: bytes) -> bytes:
        return b""

    def snapshot(self) -> dict:
        with self._mutex:
            return {"suffix": self.codec.suffix.name, "encoding": self.codec.encoding, "scans": self.scans}


def create(state: dict | None = None) -> SerialScanner:
    state = dict(state or {})
    codec = ScanCodec(Suffix[state.get("suffix", "CR")], state.get("encoding", "utf-8"))
    model = SerialScanner(codec)
    model.scans = int(state.get("scans", 0))
    return model
