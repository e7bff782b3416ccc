"""A TCP proxy between the agent and the central server that misbehaves on purpose, one fault per request.

Faults (chosen by a seeded random source, so a failing run can be replayed):
    pass      forward, answer faithfully
    drop      close the connection before forwarding (the platform never saw the request)
    error500  answer 500 without forwarding
    throttle  answer 429 with Retry-After: 1 without forwarding
    slow      forward, then hold the answer past the client's timeout
    lost      forward (the platform commits), then close without answering: the answer is lost
    garbage   forward (the platform commits), then answer 200 with bytes that are not the answer
One request per connection (Connection: close), so each fault hits exactly one request.
"""

from __future__ import annotations

import random
import socket
import socketserver
import threading
from collections import Counter

FAULTS = {"pass": 55, "drop": 8, "error500": 8, "throttle": 6, "slow": 3, "lost": 12, "garbage": 8}


def _read_request(sock: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    length = 0
    kept = [lines[0]]
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() != b"connection":
            kept.append(line)
    kept.append(b"Connection: close")
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return b"\r\n".join(kept) + b"\r\n\r\n" + body


def _canned(status: str, headers: str = "") -> bytes:
    body = b'{"code":"proxy.fault","message":"injected"}'
    return (f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"{headers}Connection: close\r\n\r\n").encode() + body


class FaultyProxy:
    def __init__(self, upstream: tuple[str, int], *, seed: int = 1, slow_s: float = 0.3,
                 faults: dict[str, int] = FAULTS) -> None:
        self.upstream, self.slow_s = upstream, slow_s
        self._rng = random.Random(seed)
        self._names, self._weights = list(faults), list(faults.values())
        self._lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self._hold = threading.Event()  # never set: `slow` waits on it with a timeout
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def start(self) -> FaultyProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _fault(self) -> str:
        with self._lock:
            fault = self._rng.choices(self._names, self._weights)[0]
            self.counts[fault] += 1
            return fault

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(self.upstream) as up:
            up.sendall(request)
            answer = b""
            while chunk := up.recv(65536):
                answer += chunk
        return answer

    def _handle(self, client: socket.socket) -> None:
        request = _read_request(client)
        if request is None:
            return
        fault = self._fault()
        if fault == "drop":
            return
        if fault == "error500":
            client.sendall(_canned("500 Internal Server Error"))
            return
        if fault == "throttle":
            client.sendall(_canned("429 Too Many Requests", "Retry-After: 1\r\n"))
            return
        answer = self._forward(request)
        if fault == "lost":
            return
        if fault == "garbage":
            client.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n"
                           b"Connection: close\r\n\r\n\x00\xffgarbage")
            return
        if fault == "slow":
            self._hold.wait(self.slow_s)
        try:
            client.sendall(answer)
        except OSError:
            pass  # the client gave up waiting: that is the point of `slow`
