"""vpcd's socket protocol, sans-I/O: what pcscd's virtual reader driver and a card emulator say on TCP.

Debian's `vsmartcard-vpcd` is a pcscd reader driver (libifdvpcd) that listens on a TCP port per virtual
reader (/etc/reader.conf.d/vpcd: CHANNELID 0x8C7B = 35963 for "Virtual PCD 00 00", 35964 for "... 00 01").
A card emulator connects to that port; while it is connected and answers the ATR request, pcscd sees a
card in the reader. Every message, both ways, is a 2-byte big-endian length followed by that many bytes:

    reader -> card, length 1     control: 00 power off, 01 power on, 02 reset, 04 send your ATR
    reader -> card, length > 1   a command APDU; the card answers with one response APDU
    card -> reader               the ATR (after 04) or the response APDU; nothing after 00, 01, 02

(vsmartcard's vpcd.c, `sendToVICC`/`recvFromVICC`/`vicc_getatr`; the Osmocom VPCD_Types module states the
same layout.) An answer of length 0 makes vpcd close the connection: the card is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from drivers.protocol import FrameError

MAX_MESSAGE = 0xFFFF

#: the port Debian's /etc/reader.conf.d/vpcd gives the first virtual reader ("Virtual PCD 00 00")
DEFAULT_PORT = 0x8C7B


class Control(IntEnum):
    POWER_OFF = 0x00
    POWER_ON = 0x01
    RESET = 0x02
    GET_ATR = 0x04


@dataclass(frozen=True)
class ControlMessage:
    control: Control


@dataclass(frozen=True, repr=False)
class ApduMessage:
    apdu: bytes

    def __repr__(self) -> str:  # an APDU may carry personal data (a PIN, a number): its size only
        return f"ApduMessage({len(self.apdu)} bytes)"


Message = ControlMessage | ApduMessage


def frame(payload: bytes) -> bytes:
    """One message on the wire: length (2 bytes, big endian) + payload."""
    if len(payload) > MAX_MESSAGE:
        raise ValueError(f"a vpcd message holds at most {MAX_MESSAGE} bytes, not {len(payload)}")
    return len(payload).to_bytes(2, "big") + payload


def encode(message: Message) -> bytes:
    if isinstance(message, ControlMessage):
        return frame(bytes((message.control,)))
    if len(message.apdu) < 2:
        raise ValueError("an APDU message has at least 2 bytes (1 byte would read as a control message)")
    return frame(message.apdu)


def decode(buffer: bytes) -> tuple[Message | None, bytes]:
    """The first message from the reader side, and the bytes after it. (None, buffer) while incomplete.

    A stream without framing marks cannot resynchronise: a bad message (length 0, an unknown control byte)
    raises FrameError with the bytes after it, and the emulator hangs up as a real card would go mute.
    """
    if len(buffer) < 2:
        return None, buffer
    length = int.from_bytes(buffer[:2], "big")
    end = 2 + length
    if len(buffer) < end:
        return None, buffer
    payload, rest = bytes(buffer[2:end]), bytes(buffer[end:])
    if length == 0:
        raise FrameError("vpcd message of length 0", rest)
    if length == 1:
        try:
            return ControlMessage(Control(payload[0])), rest
        except ValueError:
            raise FrameError(f"unknown vpcd control byte {payload[0]:02X}", rest) from None
    return ApduMessage(payload), rest


def decode_reply(buffer: bytes) -> tuple[bytes | None, bytes]:
    """The first card -> reader message (an ATR or a response APDU), for a reader-side peer in tests."""
    if len(buffer) < 2:
        return None, buffer
    end = 2 + int.from_bytes(buffer[:2], "big")
    if len(buffer) < end:
        return None, buffer
    return bytes(buffer[2:end]), bytes(buffer[end:])
