"""CardEmulator: our virtual card on vpcd's TCP port, with a control handle for tests and the dev panel.

With vpcd a card is in the reader exactly while an emulator is connected to the reader's port and answers
the ATR request (pcscd asks about every 0.4 s). So the control handle acts on the connection:

    insert(card)                connect and serve `card` (a simcard.VirtualCard): pcscd sees a card
    remove()                    hang up: pcscd sees the card go
    pull_out_on_next_apdu()     hang up instead of answering the next command (a card pulled mid-read)
    stop()                      remove, for good (the emulator is gone)

Debian's own emulator (vicc, from virtualsmartcard) does not run on Python 3.11, hence this one. The wire
format is vpcd.py's codec; one thread per inserted card reads the reader's messages and answers them.
"""

from __future__ import annotations

import socket
import threading
from typing import Self

from drivers.errors import Failure, Ok, Result
from drivers.pcsc import vpcd
from drivers.pcsc.simcard import VirtualCard
from drivers.protocol import ProtocolError


class CardEmulator:
    def __init__(self, host: str = "127.0.0.1", port: int = vpcd.DEFAULT_PORT) -> None:
        self.host = host
        self.port = port
        self.card: VirtualCard | None = None
        self.errors: list[str] = []  # protocol errors from the reader side (for tests and the dev panel)
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._pull_out = threading.Event()
        self._lock = threading.Lock()

    @property
    def inserted(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def insert(self, card: VirtualCard, timeout_s: float = 5.0) -> Result[None]:
        """Puts `card` into the reader (taking out any card there first)."""
        self.remove()
        try:
            sock = socket.create_connection((self.host, self.port), timeout=timeout_s)
        except OSError as e:
            return Failure("device.disconnected",
                           f"vpcd at {self.host}:{self.port}: {e.strerror or e}; is pcscd running with the "
                           "vsmartcard-vpcd reader?")
        sock.settimeout(None)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # answers go out at once, as on a card
        self._pull_out.clear()
        with self._lock:
            self.card, self._socket = card, sock
            self._thread = threading.Thread(target=self._serve, args=(sock, card), daemon=True,
                                            name=f"vicc-{self.port}")
            self._thread.start()
        return Ok(None)

    def remove(self, timeout_s: float = 5.0) -> None:
        with self._lock:
            sock, thread, self._socket, self._thread = self._socket, self._thread, None, None
        if sock is not None:
            _hang_up(sock)
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout_s)

    def stop(self) -> None:
        self.remove()
        self.card = None

    def pull_out_on_next_apdu(self) -> None:
        self._pull_out.set()

    def snapshot(self) -> dict[str, object]:
        return {"port": self.port, "inserted": self.inserted,
                "card": self.card.snapshot() if self.card and self.inserted else None}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _serve(self, sock: socket.socket, card: VirtualCard) -> None:
        buffer = b""
        try:
            while True:
                chunk = sock.recv(4096)
                if not chunk:
                    return  # pcscd hung up (stopped, or closed the reader)
                _ack_now(sock)
                buffer += chunk
                while True:
                    message, buffer = vpcd.decode(buffer)
                    if message is None:
                        break
                    if isinstance(message, vpcd.ApduMessage) and self._pull_out.is_set():
                        return
                    answer = card.receive(message)
                    if answer is not None:
                        sock.sendall(vpcd.frame(answer))
        except ProtocolError as e:
            self.errors.append(str(e))
        except OSError:
            pass  # remove() shut the socket down under us, or pcscd went away
        finally:
            _hang_up(sock)


def _ack_now(sock: socket.socket) -> None:
    """ACK at once (Linux re-arms delayed ACKs after each read). Without it every APDU reached us 44 ms
    late (measured with Debian 12's vpcd): Nagle on vpcd's side holding a write until our delayed ACK.
    With it an exchange takes about 0.1 ms."""
    if hasattr(socket, "TCP_QUICKACK"):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


def _hang_up(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
