"""Simulated lock boards: several boards on one bus (one pty), answering by the family's datasheet.

Each lock is `{closed, jammed, item}`. An unlock command fires the lock: the door springs open and stays open
until someone shuts it (`shut_door`); a jammed door (`jam`) stays shut although its lock fired. Boards not on
the bus stay silent, as a wrong address on RS-485 does. Bad frames from the host are ignored, as a board does.

Control handle (door numbers are the wall's):
    shut_door(door)          a citizen pushes the door shut (it latches)
    open_door_by_hand(door)  the door is opened without a command (a technician's key, a forced door)
    jam(door) / unjam(door)  the lock fires but the door stays shut
    set_item(door, present)  the item sensor (KR-CU16 infrared)
    corrupt_next_reply(n)    the next n replies carry a wrong checksum
    noise                    bytes sent before every reply (line garbage)
plus the wire faults of PtyDevice (unplug, replug, mute, delay_s, inject).

State (`create(state)`, `snapshot()`): {"family", "settings", "wall", "boards", "locks": {"B:C": {...}}}.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass

from drivers.locker import kerong, xor8a
from drivers.locker.board import BoardReply, board_protocol
from drivers.locker.wall import LockerWall
from drivers.protocol import ProtocolError

DEFAULT_BAUDRATE = kerong.KerongCU16.baudrate

#: 24 doors: board 0 channels 1-16 and board 1 channels 1-8; small at the bottom rows, large at the top
DEFAULT_WALL = {"doors": [{"door": n, "size": "S" if n <= 12 else "M" if n <= 20 else "L",
                           "board": 0 if n <= 16 else 1, "channel": n if n <= 16 else n - 16}
                          for n in range(1, 25)]}


@dataclass
class Lock:
    closed: bool = True
    jammed: bool = False
    item: bool = False


class LockerBus:
    def __init__(self, wall: LockerWall, *, family: str = "kerong_cu16", settings: dict | None = None,
                 boards: list[int] | None = None, locks: dict[str, dict] | None = None) -> None:
        self.family, self.settings = family, dict(settings or {})
        self.protocol = board_protocol(family, **self.settings)
        self.wall = wall
        self.on_bus = sorted(wall.boards if boards is None else boards)
        self.locks = {(b, c): Lock() for b in self.on_bus for c in self.protocol.channel_range()}
        for key, lock in (locks or {}).items():
            board, channel = map(int, key.split(":"))
            self.locks[(board, channel)] = Lock(**lock)
        self.fired: list[tuple[int, int]] = []  # (board, channel) of every lock fired, in order
        self.noise = b""
        self._corrupt = 0
        self._buffer = b""
        self._mutex = threading.Lock()

    # ---- control handle -------------------------------------------------------------------------

    def _lock(self, door: int) -> Lock:
        where = self.wall.location(door)
        if where is None or where not in self.locks:
            raise KeyError(f"door {door} is not on a simulated board")
        return self.locks[where]

    def shut_door(self, door: int) -> None:
        with self._mutex:
            self._lock(door).closed = True

    def open_door_by_hand(self, door: int) -> None:
        with self._mutex:
            self._lock(door).closed = False

    def jam(self, door: int) -> None:
        with self._mutex:
            self._lock(door).jammed = True

    def unjam(self, door: int) -> None:
        with self._mutex:
            self._lock(door).jammed = False

    def set_item(self, door: int, present: bool) -> None:
        with self._mutex:
            self._lock(door).item = present

    def door_is_open(self, door: int) -> bool:
        with self._mutex:
            return not self._lock(door).closed

    def corrupt_next_reply(self, count: int = 1) -> None:
        with self._mutex:
            self._corrupt += count

    def snapshot(self) -> dict:
        with self._mutex:
            return {"family": self.family, "settings": dict(self.settings), "wall": self.wall.to_dict(),
                    "boards": list(self.on_bus),
                    "locks": {f"{b}:{c}": asdict(lock) for (b, c), lock in sorted(self.locks.items())}}

    # ---- the wire -------------------------------------------------------------------------------

    def receive(self, data: bytes) -> bytes:
        with self._mutex:
            self._buffer += data
            answer = b""
            while True:
                try:
                    reply, self._buffer = self._next(self._buffer)
                except ProtocolError as e:  # a board ignores a bad frame
                    self._buffer = e.rest
                    continue
                if reply is None:
                    return answer
                if reply:
                    if self._corrupt:
                        self._corrupt -= 1
                        reply = reply[:-1] + bytes([reply[-1] ^ 0xFF])
                    answer += self.noise + reply

    def _next(self, buffer: bytes) -> tuple[bytes | None, bytes]:
        """The next command's answer (b"" for a command no board answers), or None when none is complete."""
        decode = kerong.decode_command if self.family == "kerong_cu16" else xor8a.decode_command
        command, rest = decode(buffer)
        if command is None:
            return None, rest
        if self.family == "kerong_cu16":
            return self._kerong(command), rest
        return self._xor8a(command), rest

    def _fire(self, board: int, channel: int) -> None:
        self.fired.append((board, channel))
        lock = self.locks[(board, channel)]
        if not lock.jammed:
            lock.closed = False

    def _reply(self, board: int) -> BoardReply:
        channels = self.protocol.channel_range()
        return BoardReply(board, frozenset(channels),
                          frozenset(c for c in channels if self.locks[(board, c)].closed),
                          frozenset(c for c in channels if self.locks[(board, c)].item))

    def _kerong(self, command: kerong.Command) -> bytes:
        if command.board not in self.on_bus or command.cmd == kerong.QUERY_BUS:
            return b""  # the bus-wide reply's layout is undocumented: not simulated
        base = self.protocol.channel_base
        if command.cmd == kerong.UNLOCK:
            self._fire(command.board, base + command.lock)
        elif command.cmd == kerong.UNLOCK_ALL:
            for channel in self.protocol.channel_range():
                self._fire(command.board, channel)
        data = self.protocol.board_data(self._reply(command.board))
        return kerong.encode(kerong.BoardData(command.address, data.hooks, data.sensors))

    def _xor8a(self, frame: xor8a.Frame) -> bytes:
        board, lock = frame.body[0], frame.body[1]
        channels = self.protocol.channel_range()
        if board not in self.on_bus or (lock and not 1 <= lock <= len(channels)):
            return b""
        channel = lock - 1 + self.protocol.channel_base
        if frame.head == xor8a.OPEN_HEAD:
            if lock == 0:
                for c in channels:
                    self._fire(board, c)
                return xor8a.encode(frame)  # "all done": the command echoed
            self._fire(board, channel)
            return self.protocol.open_reply(board, channel, self.locks[(board, channel)].closed)
        if lock == 0:
            return self.protocol.query_reply(board, self._reply(board).closed)
        state = xor8a.SS_CLOSED if self.locks[(board, channel)].closed else xor8a.SS_OPEN
        return xor8a.encode(xor8a.Frame(xor8a.QUERY_HEAD, bytes([board, lock, state])))


def create(state: dict | None = None) -> LockerBus:
    state = dict(state or {})
    wall = LockerWall.from_dict(state.get("wall", DEFAULT_WALL))
    return LockerBus(wall, family=state.get("family", "kerong_cu16"), settings=state.get("settings"),
                     boards=state.get("boards"), locks=state.get("locks"))
