"""A simulated AS608 / R30x fingerprint module: the EF01 protocol, as the datasheet describes it.

State, as the module keeps it: a template library (page id -> char file) with a capacity, two char buffers,
an image buffer, the password (and whether it was verified since power-up), the address, the security
level and the data-packet size. Packets for another address are ignored; a packet with a bad checksum is
answered with confirmation 01. While a password other than 0 is unverified every command but VfyPwd gets
21. Up commands answer an ack, then data packets of the packet size, the last one PID 08; after DownChar
the module takes data packets until an 08 one and answers nothing.

Control handle (tests, `kiosk sim`, the developer panel):
    place_finger(identity, quality=80)   a finger on the glass; quality 0..100 (under 20 too messy for
                                          Img2Tz, under 35 too few feature points)
    lift_finger(during_capture=False)     the finger leaves; with during_capture it leaves while the next
                                          GenImg is imaging, which then fails with 03
    power_cycle()                         buffers and the password verification are lost; flash stays
Match, RegModel and Search accept scores of at least 20 + 10 * security level (see synthetic.score).
"""

from __future__ import annotations

import threading

from drivers.fingerprint import codec, synthetic
from drivers.fingerprint import commands as cmd
from drivers.fingerprint.codec import COMMAND, DATA, END, Packet
from drivers.fingerprint.commands import PACKET_SIZES
from drivers.fingerprint.simcommands import HANDLERS
from drivers.protocol import ChecksumError, FrameError

DEFAULT_BAUDRATE = 57600


class FingerprintModule:
    def __init__(self, *, address: int = codec.DEFAULT_ADDRESS, password: int = 0, capacity: int = 300,
                 security_level: int = 3, packet_size_code: int = 2, baud_n: int = 6,
                 template_size: int = synthetic.TEMPLATE_SIZE, library: dict[int, bytes] | None = None,
                 finger: tuple[str, int] | None = None) -> None:
        if not 0 <= packet_size_code < len(PACKET_SIZES) or not 1 <= security_level <= 5:
            raise ValueError("packet-size code is 0..3 and security level 1..5")
        if not 0 < capacity <= 1024 or any(not 0 <= page < capacity for page in library or {}):
            raise ValueError("capacity is 1..1024 and every library page below it")
        self.address, self.password, self.capacity = address, password, capacity
        self.security_level, self.packet_size_code, self.baud_n = security_level, packet_size_code, baud_n
        self.template_size = template_size
        self.library: dict[int, bytes] = dict(library or {})
        self.finger = finger
        self.buffers: dict[int, bytes | None] = {1: None, 2: None}
        self.image: tuple[str, int] | None = None  # the finger and quality the image buffer shows
        self.verified = password == 0
        self.slipping = False
        self._inbox = b""
        self._download: tuple[int, bytearray, bool] | None = None  # buffer, data so far, all packets fit
        self._lock = threading.Lock()

    # ---- control handle ----------------------------------------------------------------------------------

    def place_finger(self, identity: str, quality: int = 80) -> None:
        with self._lock:
            self.finger, self.slipping = (identity, max(0, min(100, quality))), False

    def lift_finger(self, *, during_capture: bool = False) -> None:
        with self._lock:
            if during_capture and self.finger is not None:
                self.slipping = True
            else:
                self.finger, self.slipping = None, False

    def power_cycle(self) -> None:
        with self._lock:
            self.buffers, self.image, self._download = {1: None, 2: None}, None, None
            self.verified = self.password == 0

    @property
    def threshold(self) -> int:
        return 20 + 10 * self.security_level

    @property
    def packet_size(self) -> int:
        return PACKET_SIZES[self.packet_size_code]

    # ---- the wire ----------------------------------------------------------------------------------------

    def receive(self, data: bytes) -> bytes:
        with self._lock:
            self._inbox += data
            out = bytearray()
            while True:
                try:
                    packet, self._inbox = codec.decode(self._inbox)
                except ChecksumError as e:
                    self._inbox = e.rest
                    out += self.ack(0x01)
                    continue
                except FrameError as e:
                    self._inbox = e.rest
                    continue
                if packet is None:
                    return bytes(out)
                if packet.address == self.address:
                    out += self._handle(packet)

    def ack(self, confirmation: int, rest: bytes = b"") -> bytes:
        return codec.encode(codec.ack(bytes([confirmation]) + rest, self.address))

    def _handle(self, packet: Packet) -> bytes:
        if packet.pid in (DATA, END):
            self._take_data(packet)
            return b""
        if packet.pid != COMMAND or not packet.payload:
            return b""
        self._download = None
        code, params = packet.payload[0], packet.payload[1:]
        if not self.verified and code != cmd.VFY_PWD:
            return self.ack(0x21)
        handler = HANDLERS.get(code)
        if handler is None:
            return self.ack(0x01)
        try:
            return handler(self, params)
        except (IndexError, ValueError):  # parameters missing or out of range
            return self.ack(0x01)

    def _take_data(self, packet: Packet) -> None:
        if self._download is None:
            return
        buffer, data, fits = self._download
        data += packet.payload
        fits = fits and len(packet.payload) <= self.packet_size
        self._download = (buffer, data, fits)
        if packet.pid == END:
            good = fits and len(data) == self.template_size
            self.buffers[buffer] = bytes(data) if good else None
            self._download = None

    def send_data(self, data: bytes) -> bytes:
        packets = codec.data_packets(data, self.packet_size, self.address)
        return self.ack(0x00) + b"".join(codec.encode(p) for p in packets)

    # ---- state file --------------------------------------------------------------------------------------

    def snapshot(self) -> dict:
        with self._lock:
            return {"address": self.address, "password": self.password, "capacity": self.capacity,
                    "security_level": self.security_level, "packet_size_code": self.packet_size_code,
                    "baud_n": self.baud_n, "template_size": self.template_size,
                    "library": {str(page): t.hex() for page, t in sorted(self.library.items())},
                    "finger": None if self.finger is None else {"identity": self.finger[0],
                                                                "quality": self.finger[1]}}


def create(state: dict | None = None) -> FingerprintModule:
    """A module from a snapshot (unknown keys are a TypeError, bad values a ValueError)."""
    state = dict(state or {})
    library = {int(page): bytes.fromhex(t) for page, t in state.pop("library", {}).items()}
    finger = state.pop("finger", None)
    if finger is not None:
        finger = (str(finger["identity"]), int(finger["quality"]))
    return FingerprintModule(**state, library=library, finger=finger)
