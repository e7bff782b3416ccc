"""Checks every byte codec must pass (the codec contract in drivers/protocol.py)."""

from drivers.protocol import ProtocolError


def decode_all(decode, buffer: bytes) -> list:
    """Decode `buffer` to its end, as a transport would: only ProtocolError may be raised, and every step
    must make progress (a bad frame is dropped, a decoded frame is consumed), so no input can hang a reader.
    Returns the frames found."""
    frames = []
    for _ in range(len(buffer) + 1):
        try:
            frame, rest = decode(buffer)
        except ProtocolError as e:
            assert len(e.rest) < len(buffer), "a bad frame must be dropped"
            buffer = e.rest
            continue
        assert len(rest) <= len(buffer)
        if frame is None:
            return frames
        assert len(rest) < len(buffer), "a decoded frame must be consumed"
        frames.append(frame)
        buffer = rest
    raise AssertionError("decode made no progress")
