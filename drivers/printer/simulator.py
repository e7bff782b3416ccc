"""A simulated ESC/POS receipt printer: it interprets the bytes it receives and keeps each receipt as a PNG.

Served on a pty (drivers/sim/pty.py, the serial and USB-printer paths) or on loopback TCP (netserve.py, the
network path). It answers DLE EOT 1..4 at once, and GS r 1 only once the bytes before it are printed, as a
real printer does; while it is stopped (paper out, cover open, cutter fault) it answers only DLE EOT and
drops what it is sent. (A real printer keeps up to its receive buffer and may print it after the fault is
cleared; the simulator shows the simpler, worse case: the rest of the receipt is lost.)

Control handle (`kiosk sim do printer ACTION`):
    paper_out(after_lines=0)  the roll runs out now, or after that many more lines (paper out mid-print)
    paper_near_end()          the near-end sensor trips; printing goes on
    cover_open()              the cover opens: the printer stops
    cutter_error()            the autocutter jams: the printer stops with an error
    offline()                 the printer stops answering anything (power lost, firmware hung)
    clear()                   a technician fixed it all: paper loaded, cover shut, back online
    export(folder)            write the kept receipts as PNGs into `folder`; returns the paths
plus the wire faults of PtyDevice / TcpPrinterServer (unplug, replug, mute, inject).

`receipts` holds the last KEEP receipts (render.PrintedReceipt: png, lines, qr_codes, complete, cut). With
state {"folder": ...} each receipt is also written there as receipt-NNNN.png when it is cut.

State (`create(state)`, `snapshot()`): {"paper_mm": 58 | 80, "native_qr", "chinese", "paper": "ok" |
"near_end" | "out", "cover_open", "cutter_error", "offline", "printed", "folder"}.
"""

from __future__ import annotations

import threading
from collections import deque
from pathlib import Path

from drivers.printer import commands as c
from drivers.printer.fonts import load_fonts
from drivers.printer.interpreter import Interpreter
from drivers.printer.layout import paper
from drivers.printer.render import DEFAULT_SPACING, PaperRenderer, PrintedReceipt
from drivers.printer.status import real_time_byte
from drivers.protocol import FrameError

DEFAULT_BAUDRATE = 115200
KEEP = 20
_QR_COMMANDS = (c.QrSetting, c.QrStore, c.QrPrint)


class SimulatedPrinter:
    def __init__(self, *, paper_mm: int = 80, native_qr: bool = True, chinese: bool = True,
                 folder: str | None = None) -> None:
        self.paper_mm, self.native_qr, self.chinese = paper_mm, native_qr, chinese
        self.folder = Path(folder) if folder else None
        self.receipts: deque[PrintedReceipt] = deque(maxlen=KEEP)
        self.printed = 0           # receipts cut since the simulator started
        self.bad_commands = 0      # byte sequences that were no command (line noise, a wrong baud rate)
        self.paper = "ok"
        self.covered_open = False
        self.cutter_jammed = False
        self.silent = False
        self._paper_left: int | None = None  # dots of paper before the roll runs out, when set
        self._interpreter = Interpreter(chinese=chinese)
        self._renderer = PaperRenderer(paper(paper_mm), load_fonts())
        self._buffer = b""
        self._mutex = threading.RLock()

    # ---- control handle ---------------------------------------------------------------------------

    def paper_out(self, after_lines: int = 0) -> None:
        with self._mutex:
            if after_lines > 0:
                self._paper_left = self._renderer.fed + after_lines * DEFAULT_SPACING
            else:
                self._run_out()

    def paper_near_end(self) -> None:
        with self._mutex:
            self.paper = "near_end"

    def cover_open(self) -> None:
        with self._mutex:
            self.covered_open = True
            self._tear()

    def cutter_error(self) -> None:
        with self._mutex:
            self.cutter_jammed = True

    def offline(self) -> None:
        with self._mutex:
            self.silent = True

    def clear(self) -> None:
        with self._mutex:
            self.paper, self._paper_left = "ok", None
            self.covered_open = self.cutter_jammed = self.silent = False

    def export(self, folder: str) -> list[str]:
        with self._mutex:
            kept = list(self.receipts)
            first = self.printed - len(kept) + 1
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        paths = []
        for number, receipt in enumerate(kept, first):
            path = target / f"receipt-{number:04d}.png"
            path.write_bytes(receipt.png)
            paths.append(str(path))
        return paths

    def snapshot(self) -> dict:
        with self._mutex:
            return {"paper_mm": self.paper_mm, "native_qr": self.native_qr, "chinese": self.chinese,
                    "paper": self.paper, "cover_open": self.covered_open, "cutter_error": self.cutter_jammed,
                    "offline": self.silent, "printed": self.printed,
                    "folder": str(self.folder) if self.folder else None}

    # ---- the wire -----------------------------------------------------------------------------------

    @property
    def stopped(self) -> bool:
        return self.paper == "out" or self.covered_open or self.cutter_jammed

    def receive(self, data: bytes) -> bytes:
        with self._mutex:
            if self.silent:
                return b""
            self._buffer += data
            answer = bytearray()
            while True:
                try:
                    command, self._buffer = self._interpreter.decode(self._buffer)
                except FrameError as e:
                    self.bad_commands += 1
                    self._buffer = e.rest
                    continue
                if command is None:
                    return bytes(answer)
                if isinstance(command, c.StatusRequest):
                    answer.append(self._status_byte(command.n))
                elif self.stopped:
                    continue  # dropped, GS r included: a stopped printer processes nothing
                elif isinstance(command, c.TransmitStatus):
                    answer.append((0x03 if self.paper == "near_end" else 0x00) if command.n == 1 else 0x00)
                else:
                    self._print(command)

    def _status_byte(self, n: int) -> int:
        paper_end, stopped = self.paper == "out", self.stopped
        bits = {1: 0x08 if stopped else 0,
                2: (0x04 if self.covered_open else 0) | (0x20 if paper_end else 0)
                | (0x40 if self.cutter_jammed else 0),
                3: 0x08 if self.cutter_jammed else 0,
                4: (0x60 if paper_end else 0) | (0x0C if self.paper == "near_end" or paper_end else 0)}[n]
        return real_time_byte(bits)

    def _print(self, command: c.Command) -> None:
        if isinstance(command, _QR_COMMANDS) and not self.native_qr:
            return  # a printer without native QR ignores GS ( k
        if isinstance(command, c.Cut):
            self._renderer.apply(command)
            self._keep(self._renderer.finish("partial" if command.partial else "full"))
            return
        self._renderer.apply(command)
        if self._paper_left is not None and self._renderer.fed >= self._paper_left:
            self._run_out()

    def _run_out(self) -> None:
        self.paper, self._paper_left = "out", None
        self._tear()

    def _tear(self) -> None:
        """Whatever was printed of the current receipt is kept, torn off, as incomplete."""
        if not self._renderer.blank:
            self._keep(self._renderer.finish("torn"))

    def _keep(self, receipt: PrintedReceipt) -> None:
        self.printed += 1
        self.receipts.append(receipt)
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"receipt-{self.printed:04d}.png").write_bytes(receipt.png)


def create(state: dict | None = None) -> SimulatedPrinter:
    state = dict(state or {})
    model = SimulatedPrinter(paper_mm=int(state.get("paper_mm", 80)), native_qr=bool(state.get("native_qr", True)),
                             chinese=bool(state.get("chinese", True)), folder=state.get("folder"))
    model.paper = state.get("paper", "ok")
    if model.paper not in ("ok", "near_end", "out"):
        raise ValueError(f'paper must be "ok", "near_end" or "out", not {model.paper!r}')
    model.covered_open = bool(state.get("cover_open", False))
    model.cutter_jammed = bool(state.get("cutter_error", False))
    model.silent = bool(state.get("offline", False))
    model.printed = int(state.get("printed", 0))
    return model
