"""What every sans-I/O codec shares: its typed errors and the shape of `decode`.

A codec turns frames (frozen dataclasses) into bytes and bytes into frames, with no I/O:

    encode(frame) -> bytes
    decode(buffer: bytes) -> (frame | None, rest: bytes)

`decode` returns (None, buffer) when the buffer holds only the start of a frame, skips garbage before a
frame header (resynchronisation), and raises a ProtocolError subclass for a frame it can prove is bad, with
`rest` set to the bytes after it, so the caller can go on with the next frame.
"""

from __future__ import annotations


class ProtocolError(Exception):
    """The peer sent bytes that break the protocol. `rest` is what follows the bad frame."""

    code = "device.bad_frame"

    def __init__(self, message: str, rest: bytes = b"") -> None:
        super().__init__(message)
        self.rest = rest


class ChecksumError(ProtocolError):
    code = "device.bad_checksum"


class FrameError(ProtocolError):
    code = "device.bad_frame"
