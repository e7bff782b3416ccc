"""A simulated SAM ID card reader that speaks the datasheet's protocol (device-protocols.md 1.2-1.5, 1.9).

State: the SAM's health (SW3 90, or a fault such as 60 "self-test failed" that it answers to every command),
the card on the reader (an identity dict, see simcard.py) and how far the host got with it:

    no card           find -> 80
    card present      find -> 9F (phase "found")
    found             select -> 90 (phase "selected"); select before find -> 81
    selected          read 30 01 / 30 10 -> 90 + data; read before select, or without a card -> 41
    card removed      back to no card

Bad command frames are answered as the SAM does: SW3 10 for a checksum error, 11 for a length error, 21
for an unknown command. Control handle: put_card(identity), remove_card(), take_card_during_next_read(),
sam_fault(sw3), clear_sam_fault(), corrupt_next_answer(kind); wire faults (unplug, mute, delay, inject) are
PtyDevice's. Whether `find` answers 9F again for a card already read differs between real readers; this one
does.
"""

from __future__ import annotations

from functools import reduce
from operator import xor
from typing import Any

from drivers.idcard.simcard import fingerprint_templates, normalise, photo_wlt, text_block

DEFAULT_BAUDRATE = 115200
_PREAMBLE = bytes.fromhex("AAAAAA9669")
_MAX_LEN = 0x0C00
_BAUDS = {0x00: 115200, 0x01: 57600, 0x02: 38400, 0x03: 19200, 0x04: 9600}
#: 16 bytes, printed by readers as "05.01-20240101-000000001-000000042"
_SAM_ID = bytes([5, 0, 1, 0]) + (20240101).to_bytes(4, "little") + (1).to_bytes(4, "little") + (
    42).to_bytes(4, "little")
WIRE_FAULTS = ("bad_checksum", "garbage", "truncated")


def frame(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    """A response frame: preamble, Len (SW1..CHK), SW1 SW2 SW3, data, XOR of Len..data."""
    body = bytes([sw1, sw2, sw3]) + data
    length = (len(body) + 1).to_bytes(2, "big")
    return _PREAMBLE + length + body + bytes([reduce(xor, length + body, 0)])


class SamReader:
    def __init__(self, state: dict[str, Any] | None = None) -> None:
        state = state or {}
        self.sam_status: int = state.get("sam_status", 0x90)
        self.card: dict[str, Any] | None = normalise(state["card"]) if state.get("card") else None
        self.phase: str = state.get("phase", "idle") if self.card else "idle"
        self.baudrate: int = state.get("baudrate", DEFAULT_BAUDRATE)
        self.sam_id = bytes.fromhex(state["sam_id"]) if "sam_id" in state else _SAM_ID
        self._buffer = b""
        self._take_on_read = False
        self._wire_faults: list[str] = []

    # ---- control handle -------------------------------------------------------------------------

    def put_card(self, identity: dict[str, Any]) -> None:
        self.card, self.phase = normalise(identity), "idle"

    def remove_card(self) -> None:
        self.card, self.phase = None, "idle"

    def take_card_during_next_read(self) -> None:
        """The citizen takes the card away while the SAM reads it: that read fails (41), the card is gone."""
        self._take_on_read = True

    def sam_fault(self, sw3: int = 0x60) -> None:
        """The SAM answers every command with this status (60 self-test failed, 66 not authorised)."""
        self.sam_status = sw3

    def clear_sam_fault(self) -> None:
        self.sam_status = 0x90

    def corrupt_next_answer(self, kind: str) -> None:
        """The next answer on the wire: `bad_checksum`, `garbage` before it, or `truncated` (half of it)."""
        if kind not in WIRE_FAULTS:
            raise ValueError(f"wire fault is one of {WIRE_FAULTS}")
        self._wire_faults.append(kind)

    def snapshot(self) -> dict[str, Any]:
        return {"sam_status": self.sam_status, "card": dict(self.card) if self.card else None,
                "phase": self.phase, "baudrate": self.baudrate, "sam_id": self.sam_id.hex()}

    # ---- the wire -------------------------------------------------------------------------------

    def receive(self, data: bytes) -> bytes:
        self._buffer += data
        out = b""
        while True:
            answer = self._next_answer()
            if answer is None:
                return out
            out += self._wire(answer)

    def _next_answer(self) -> bytes | None:
        start = self._buffer.find(_PREAMBLE)
        if start < 0:
            self._buffer = self._buffer[-(len(_PREAMBLE) - 1):]
            return None
        buf = self._buffer = self._buffer[start:]
        if len(buf) < 7:
            return None
        length = int.from_bytes(buf[5:7], "big")
        if not 3 <= length <= _MAX_LEN:
            self._buffer = buf[len(_PREAMBLE):]
            return frame(0x11)
        if len(buf) < 7 + length:
            return None
        self._buffer = buf[7 + length:]
        if reduce(xor, buf[5:6 + length], 0) != buf[6 + length]:
            return frame(0x10)
        return self._command(buf[7], buf[8], buf[9:6 + length])

    def _wire(self, answer: bytes) -> bytes:
        if not self._wire_faults:
            return answer
        kind = self._wire_faults.pop(0)
        if kind == "bad_checksum":
            return answer[:-1] + bytes([answer[-1] ^ 0x5A])
        if kind == "garbage":
            return b"\x00\xff\xaa\xaa\x13\x96" + answer
        return answer[:len(answer) // 2]

    def _command(self, cmd: int, para: int, data: bytes) -> bytes:
        if self.sam_status != 0x90:
            return frame(self.sam_status)
        if (cmd, para) == (0x10, 0xFF):
            self.phase = "idle"
            return frame(0x90)
        if (cmd, para) == (0x11, 0xFF):
            return frame(0x90)
        if (cmd, para) == (0x12, 0xFF):
            return frame(0x90, self.sam_id)
        if (cmd, para) == (0x20, 0x01):
            if self.card is None:
                return frame(0x80)
            self.phase = "found"
            return frame(0x9F, bytes(4))
        if (cmd, para) == (0x20, 0x02):
            if self.card is None or self.phase == "idle":
                return frame(0x81)
            self.phase = "selected"
            return frame(0x90, bytes(8))
        if cmd == 0x30 and para in (0x01, 0x10):
            return self._read(with_fingerprint=para == 0x10)
        if cmd == 0x60 and para in _BAUDS:
            self.baudrate = _BAUDS[para]  # recorded; the pty has no line speed to change
            return frame(0x90)
        if (cmd, para) == (0x61, 0xFF) and len(data) == 1:
            return frame(0x90)
        return frame(0x21)

    def _read(self, *, with_fingerprint: bool) -> bytes:
        if self._take_on_read:
            self._take_on_read = False
            self.remove_card()
        if self.card is None or self.phase != "selected":
            return frame(0x41)
        text, photo = text_block(self.card), photo_wlt(self.card)
        if not with_fingerprint:
            return frame(0x90, b"\x01\x00\x04\x00" + text + photo)
        prints = fingerprint_templates(self.card)
        return frame(0x90, b"\x01\x00\x04\x00" + len(prints).to_bytes(2, "big") + text + photo + prints)


def create(state: dict[str, Any] | None = None) -> SamReader:
    return SamReader(state)
