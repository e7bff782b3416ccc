"""What the fuzz targets share: the outcome checks, and fakes at the two boundaries bytes come in through.

* `decode_stream` drives a sans-I/O `decode` to the end of a buffer the way SerialTransport.read_frame does,
  and checks the codec contract of drivers/protocol.py: only ProtocolError, and progress at every step (a
  decoded frame is consumed, a bad one dropped), so no input can make a reader spin.
* `ScriptedSerial` stands in for pyserial under a real SerialTransport: each write (a command) makes the next
  scripted answer arrive; when the answer runs dry the port "goes away" (SerialException), which ends every
  wait at once and deterministically instead of by a real-time timeout.
* `ScriptedTransport` is a sync Transport (sync/transport.py, the client's network boundary) answering each
  request with the next scripted HttpResponse, then "offline".
* `split` cuts fuzz bytes into length-prefixed chunks, so one byte string can script several answers.

A target raises UnexpectedOutcome for anything the parser's contract does not allow; any other exception
escaping a target is a crash too. Both are what the hypothesis tests and the atheris runs report.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

import serial

from drivers.errors import ERROR_CODES, Failure, Ok
from drivers.protocol import ProtocolError
from sync.transport import HttpRequest, HttpResponse, TransportError

MAX_INPUT = 1 << 16  # every target reads at most this many bytes of its input


class UnexpectedOutcome(AssertionError):
    """The parser answered something its contract does not allow (neither a success nor the documented error)."""


def expect(condition: object, what: str) -> None:
    if not condition:
        raise UnexpectedOutcome(what)


def expect_result(result: object, codes: Iterable[str] | None = None) -> None:
    """`result` is an Ok, or a Failure with a registered code (one of `codes` when given)."""
    if isinstance(result, Ok):
        return
    expect(isinstance(result, Failure), f"neither Ok nor Failure: {type(result).__name__}")
    allowed = ERROR_CODES if codes is None else frozenset(codes)
    expect(result.code in allowed, f"Failure with an undocumented code {result.code!r}")


def decode_stream(decode: Callable[[bytes], tuple[Any, bytes]], buffer: bytes) -> list[Any]:
    """Every frame `decode` finds in `buffer`, as a transport reads them; enforces the codec contract."""
    frames = []
    for _ in range(len(buffer) + 2):
        try:
            frame, rest = decode(buffer)
        except ProtocolError as e:
            expect(isinstance(e.rest, bytes) and len(e.rest) < len(buffer), "a bad frame was not dropped")
            expect(e.code in ERROR_CODES, f"ProtocolError with an unregistered code {e.code!r}")
            buffer = e.rest
            continue
        expect(isinstance(rest, bytes) and len(rest) <= len(buffer), "decode grew the buffer")
        if frame is None:
            return frames
        expect(len(rest) < len(buffer), "a decoded frame was not consumed")
        frames.append(frame)
        buffer = rest
    raise UnexpectedOutcome("decode made no progress")


def split(data: bytes, limit: int = 8) -> list[bytes]:
    """`data` as up to `limit` chunks, each a 2-byte big-endian length (mod 4096) and that many bytes."""
    chunks = []
    while data and len(chunks) < limit:
        size = int.from_bytes(data[:2], "big") % 4096
        chunks.append(data[2:2 + size])
        data = data[2 + size:]
    return chunks


def join(chunks: Iterable[bytes]) -> bytes:
    """The inverse of `split` (for seeds and structured tests)."""
    return b"".join(len(c).to_bytes(2, "big") + c for c in chunks)


class ScriptedSerial:
    """pyserial's Serial as SerialTransport uses it. Answers arrive one per write; dry means unplugged."""

    def __init__(self, answers: Iterable[bytes], chunk: int = 64) -> None:
        self._answers = deque(answers)
        self._pending = b""
        self._chunk = max(1, chunk)
        self.is_open = True
        self.writes = 0

    def __call__(self, *args: Any, **kwargs: Any) -> ScriptedSerial:  # the transport's serial_factory
        self.is_open = True
        return self

    @property
    def in_waiting(self) -> int:
        return min(len(self._pending), self._chunk)

    def write(self, data: bytes) -> int:
        self.writes += 1
        if self._answers:
            self._pending += self._answers.popleft()
        return len(data)

    def flush(self) -> None:
        pass

    def reset_input_buffer(self) -> None:
        pass  # the scripted answer to the next command arrives only once it is written

    def read(self, size: int = 1) -> bytes:
        if not self._pending:
            raise serial.SerialException("the scripted line ran dry")
        out, self._pending = self._pending[:size], self._pending[size:]
        return out

    def close(self) -> None:
        self.is_open = False


class ScriptedTransport:
    """The sync client's Transport, answering with the scripted responses in turn. After the last one
    every request fails as offline; more than `max_requests` requests means the client loops (a hang)."""

    def __init__(self, responses: Iterable[HttpResponse], *, max_requests: int = 200) -> None:
        self._responses = deque(responses)
        self.requests: list[HttpRequest] = []
        self._max = max_requests

    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse:
        self.requests.append(request)
        expect(len(self.requests) <= self._max, f"more than {self._max} requests for one call: a loop")
        if not self._responses:
            raise TransportError("sync.offline", "the scripted platform has no more answers")
        return self._responses.popleft()


def http_response(data: bytes) -> HttpResponse:
    """An HttpResponse from fuzz bytes: status from the first byte, headers from the next chunk, the rest body."""
    statuses = (200, 201, 304, 400, 401, 404, 409, 422, 429, 500, 503)
    status = statuses[data[0] % len(statuses)] if data else 200
    head, _, body = data[1:].partition(b"\n\n")
    headers: dict[str, str] = {}
    for line in head.split(b"\n")[:8]:
        name, _, value = line.partition(b":")
        # requests decodes header values as latin-1: any byte may arrive
        headers[name.decode("latin-1").strip().lower()] = value.decode("latin-1").strip()
    return HttpResponse(status, headers, body)

