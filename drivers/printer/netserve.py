"""A simulated network printer: a device model served on a loopback TCP port, as a printer serves port 9100.

One connection at a time, as JetDirect ports take. The control handle matches PtyDevice's:

    unplug()   the listening socket and the connection close: the host's reads fail, connecting is refused
    replug()   listening again on the same port
    mute       take bytes and answer nothing
    inject(b)  bytes to the connected host
"""

from __future__ import annotations

import select
import socket
import threading

from drivers.sim.pty import RECEIVED_KEEP, DeviceModel


class TcpPrinterServer:
    def __init__(self, model: DeviceModel, host: str = "127.0.0.1", port: int = 0) -> None:
        self.model = model
        self.host, self.port = host, port
        self.mute = False
        self.received = bytearray()
        self._listener: socket.socket | None = None
        self._client: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def plugged(self) -> bool:
        return self._listener is not None

    def start(self) -> TcpPrinterServer:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(1)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._stop.clear()
        self._thread = threading.Thread(target=self._serve, name=f"sim-printer-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._listener is None:
            return
        self._stop.set()
        self._thread.join()
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None
        self._listener.close()
        self._listener = None

    def __enter__(self) -> TcpPrinterServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def unplug(self) -> None:
        self.stop()

    def replug(self) -> None:
        if self._listener is None:
            self.start()

    def inject(self, data: bytes) -> None:
        with self._lock:
            if self._client is not None:
                self._client.sendall(data)

    def _serve(self) -> None:
        while not self._stop.is_set():
            watched = [self._listener] + ([self._client] if self._client is not None else [])
            ready, _, _ = select.select(watched, [], [], 0.05)
            for sock in ready:
                if sock is self._listener:
                    self._accept()
                else:
                    self._read()

    def _accept(self) -> None:
        conn, _ = self._listener.accept()
        with self._lock:
            if self._client is not None:  # one host at a time: the newer connection wins
                self._client.close()
            self._client = conn

    def _read(self) -> None:
        try:
            data = self._client.recv(65536)
        except OSError:
            data = b""
        if not data:
            with self._lock:
                self._client.close()
                self._client = None
            return
        self.received += data
        if len(self.received) > RECEIVED_KEEP:  # serving for days must not keep every receipt
            del self.received[:len(self.received) - RECEIVED_KEEP]
        if self.mute:
            return
        answer = self.model.receive(data)
        if answer:
            self.inject(answer)
