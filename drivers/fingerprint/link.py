"""Commands, acknowledgements and multi-packet transfers over a SerialTransport, as results.

The link knows the packet layer only: it sends a command and returns the acknowledgement (whatever its
confirmation), reads the data packets that follow an Up command, and sends data packets after a Down
command. Transport exceptions become Failures with the transport's code; the driver decides what they
mean for the device's status.

A damaged packet (bad checksum, impossible header) is not at once the answer: garbage on the line can hide
a good acknowledgement right behind it, so the link reads on for `grace_s` before it reports the damage.
After a damaged data packet it reads on to the end of the transfer, so the next command starts clean.
"""

from __future__ import annotations

from drivers.errors import Failure, Ok, Result
from drivers.fingerprint import codec
from drivers.fingerprint.codec import ACK, DATA, END, Packet
from drivers.protocol import ProtocolError
from drivers.transport import DeviceTimeout, PortUnavailable, SerialTransport


class Link:
    def __init__(self, transport: SerialTransport, *, address: int = codec.DEFAULT_ADDRESS,
                 timeout_s: float = 2.0, grace_s: float = 0.2) -> None:
        self.transport = transport
        self.address = address
        self.timeout_s = timeout_s
        self.grace_s = grace_s

    def open(self) -> Result[None]:
        try:
            self.transport.open()
        except PortUnavailable as e:
            return Failure(e.code, str(e))
        return Ok(None)

    def close(self) -> None:
        self.transport.close()

    def exchange(self, payload: bytes, timeout_s: float | None = None) -> Result[Packet]:
        """Send one command; the acknowledgement that answers it (any confirmation)."""
        try:
            self.transport.discard_input()
            self.transport.write(codec.encode(codec.command(payload, self.address)))
        except PortUnavailable as e:
            return Failure(e.code, str(e))
        answer, damage = self._read(timeout_s or self.timeout_s, tolerate_damage=True)
        if not answer.ok:
            return answer
        packet = answer.value
        if packet.pid != ACK or packet.address != self.address or not packet.payload:
            if packet.pid == DATA:
                self._skip_to_end()
            if damage is not None:  # the acknowledgement itself was the damaged packet
                return Failure(damage.code, f"the answer was damaged ({type(damage).__name__})")
            return Failure("device.unexpected_reply",
                           f"expected an acknowledgement, got packet id {packet.pid:#04x}")
        return answer

    def receive_data(self) -> Result[bytes]:
        """The data packets that follow an Up command's acknowledgement, joined."""
        data = bytearray()
        while True:
            answer, _ = self._read(self.timeout_s, tolerate_damage=False)
            if not answer.ok:
                if answer.code in ("device.bad_checksum", "device.bad_frame"):
                    self._skip_to_end()
                return answer
            packet = answer.value
            if packet.pid not in (DATA, END) or packet.address != self.address:
                self._skip_to_end()
                return Failure("device.unexpected_reply", f"expected a data packet, got {packet.pid:#04x}")
            data += packet.payload
            if packet.pid == END:
                return Ok(bytes(data))

    def send_data(self, data: bytes, packet_size: int) -> Result[None]:
        """Data packets after a Down command's acknowledgement, at most `packet_size` bytes each."""
        try:
            for packet in codec.data_packets(data, packet_size, self.address):
                self.transport.write(codec.encode(packet))
        except PortUnavailable as e:
            return Failure(e.code, str(e))
        return Ok(None)

    def _read(self, timeout_s: float, *,
              tolerate_damage: bool) -> tuple[Result[Packet], ProtocolError | None]:
        """The next good packet, and the damage seen before it (tolerated only within `grace_s`)."""
        damage: ProtocolError | None = None
        wait = timeout_s
        while True:
            try:
                return Ok(self.transport.read_frame(codec.decode, wait)), damage
            except PortUnavailable as e:
                return Failure(e.code, str(e)), damage
            except DeviceTimeout as e:
                if damage is not None:
                    return Failure(damage.code, f"the answer was damaged ({type(damage).__name__})"), damage
                return Failure(e.code, str(e)), None
            except ProtocolError as e:
                if not tolerate_damage:
                    return Failure(e.code, f"a data packet was damaged ({type(e).__name__})"), e
                damage, wait = e, self.grace_s

    def _skip_to_end(self) -> None:
        """Read and drop packets until the end of a transfer, or until the line goes quiet."""
        while True:
            try:
                packet = self.transport.read_frame(codec.decode, self.grace_s)
            except ProtocolError:
                continue
            except (DeviceTimeout, PortUnavailable):
                return
            if packet.pid == END:
                return
