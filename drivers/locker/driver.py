"""LockerDriver: the doors of a locker wall, opened and read through lock boards on one RS-485 bus.

One command at a time (the bus is half-duplex): write, wait for the addressed board's reply or a timeout.
Each board has its own status: a board that does not answer (wrong address, no power) is DISCONNECTED while
the doors of the other boards keep working; the wall as a whole is then HARDWARE_ERROR, or DISCONNECTED
when no board answers or the port itself is gone.

Opening a door is never sent twice by the driver (a lock fired twice is a side effect a journal must own).
After the unlock command, the driver checks that the door really opened: the unlock reply (or up to
`confirm_queries` status queries) must show the door open, else `locker.door_jammed`. An unlock reply that
is late or garbled is checked the same way: the door open is a success (the lock did fire). Status queries
have no side effect and are retried once after a timeout or a garbled reply. The boards send no reports
unasked, so `poll()` queries every board (a silent one only when its retry is due).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from drivers.device import Reconnect, StatusTracker
from drivers.errors import Failure, Ok, Result, register
from drivers.locker.board import BoardProtocol, BoardReply
from drivers.locker.kerong import KerongCU16
from drivers.locker.wall import Door, LockerWall
from drivers.protocol import ProtocolError
from drivers.status import Capabilities, State, Status
from drivers.transport import DeviceTimeout, PortUnavailable, SerialTransport

register({
    "locker.unknown_door": "The kiosk asked for a door number the locker wall does not have (configuration).",
    "locker.board_unreachable": "A lock board does not answer: wrong address, no power or a loose bus cable.",
    "locker.door_jammed": "The lock fired but the door still reports shut: it is jammed or blocked.",
})

UNREACHABLE = "locker.board_unreachable"


@dataclass(frozen=True)
class DoorState:
    door: int
    open: bool
    locked: bool
    item_present: bool | None = None  # None: the board family has no item sensor


@dataclass(frozen=True)
class WallState:
    doors: Mapping[int, DoorState]       # every door on a board that answered
    unread_boards: tuple[int, ...] = ()  # boards that did not answer (their doors are missing above)


class LockerDriver:
    def __init__(self, transport: SerialTransport, wall: LockerWall, protocol: BoardProtocol | None = None, *,
                 clock: Callable[[], float] = time.monotonic, timeout_s: float = 0.5,
                 confirm_queries: int = 3, retry_delay: Callable[[int], float] | None = None) -> None:
        self.transport, self.wall = transport, wall
        self.protocol = protocol or KerongCU16()
        wall.check_family(self.protocol)
        self.timeout_s, self.confirm_queries = timeout_s, confirm_queries
        family, port = self.protocol.family, transport.port
        self.tracker = StatusTracker(Capabilities(kind="locker", model=family, port=port))
        self.reconnect = Reconnect(clock, delay=retry_delay)
        self.boards = {b: StatusTracker(Capabilities("lock_board", model=f"{family} board {b}", port=port))
                       for b in wall.boards}
        self._board_retry = {b: Reconnect(clock, delay=retry_delay) for b in wall.boards}

    # ---- life cycle -----------------------------------------------------------------------------

    def open(self) -> Result[None]:
        """Open the port and read every board; a Failure when the port fails or no board answers."""
        try:
            self.transport.open()
        except PortUnavailable as e:
            return self._port_lost(e)
        states = self.door_states()
        return states if isinstance(states, Failure) else Ok(None)

    def close(self) -> None:
        self.transport.close()
        closed = Status(State.DISCONNECTED, "device.disconnected", "closed by the kiosk")
        for tracker in (*self.boards.values(), self.tracker):
            tracker.set(closed)

    def poll(self) -> Status:
        if self.tracker.status.state is State.DISCONNECTED:
            if self.reconnect.due():
                result = self.open()
                (self.reconnect.failed if isinstance(result, Failure) else self.reconnect.succeeded)()
            return self.tracker.status
        for board, tracker in self.boards.items():
            if tracker.status.state is not State.READY and not self._board_retry[board].due():
                continue  # a silent board is asked again only when its retry is due
            self._ask(board, self.protocol.encode_query(board), retries=0)
            if not self.transport.is_open:
                break
        self._refresh()
        return self.tracker.status

    def board_status(self, board: int) -> Status:
        return self.boards[board].status

    # ---- operations -----------------------------------------------------------------------------

    def open_door(self, number: int) -> Result[DoorState]:
        door = self.wall.door(number)
        if door is None:
            return Failure("locker.unknown_door", f"door {number} is not in the locker wall")
        self.tracker.set(Status(State.BUSY))
        try:
            return self._open(door)
        finally:
            self._refresh()

    def door_states(self) -> Result[WallState]:
        """Every door of the wall, board by board; doors of silent boards are left out and named."""
        states: dict[int, DoorState] = {}
        unread: list[int] = []
        failure: Failure | None = None
        for board in self.boards:
            reply = self._ask(board, self.protocol.encode_query(board), retries=1)
            if isinstance(reply, Failure):
                if not self.transport.is_open:
                    return reply
                unread.append(board)
                failure = reply
                continue
            for door in self.wall.doors_on(board):
                states[door.number] = _door_state(door, reply)
        self._refresh()
        if not states and failure is not None:
            return failure
        return Ok(WallState(states, tuple(unread)))

    # ---- inside ---------------------------------------------------------------------------------

    def _open(self, door: Door) -> Result[DoorState]:
        where = f"door {door.number} (board {door.board}, channel {door.channel})"
        reply = self._ask(door.board, self.protocol.encode_open(door.board, door.channel), retries=0)
        if isinstance(reply, Failure):
            if not self.transport.is_open:
                return reply
        elif door.channel in reply.reported and door.channel not in reply.closed:
            return Ok(_door_state(door, reply))
        for _ in range(self.confirm_queries):
            status = self._ask(door.board, self.protocol.encode_query(door.board), retries=1)
            if isinstance(status, Failure):
                return status
            if door.channel not in status.closed:
                return Ok(_door_state(door, status))
        if isinstance(reply, Failure):  # unlock reply lost or garbled and the door shut: not proven jammed
            return reply
        return Failure("locker.door_jammed", f"{where} still reports shut after its lock fired")

    def _decoder(self, board: int):
        """The protocol's decode, passing over replies of other boards (late answers to older commands)."""
        def decode(buffer: bytes) -> tuple[BoardReply | None, bytes]:
            while True:
                reply, buffer = self.protocol.decode(buffer)
                if reply is None or reply.board == board:
                    return reply, buffer
        return decode

    def _ask(self, board: int, command: bytes, *, retries: int) -> BoardReply | Failure:
        failure = Failure(UNREACHABLE, f"lock board {board} was not asked")
        for _ in range(1 + retries):
            try:
                reply = self.transport.request(command, self._decoder(board), self.timeout_s)
            except PortUnavailable as e:
                return self._port_lost(e)
            except DeviceTimeout:
                failure = Failure(UNREACHABLE,
                                  f"lock board {board} did not answer within {self.timeout_s:g} s")
                timed_out = True
            except ProtocolError as e:
                failure = Failure(e.code, f"lock board {board}: {e}")
                timed_out = False
            else:
                self.boards[board].set(Status.ready())
                self._board_retry[board].succeeded()
                return reply
        if timed_out:
            self.boards[board].set(Status(State.DISCONNECTED, UNREACHABLE, failure.detail))
            self._board_retry[board].failed()
        return failure

    def _port_lost(self, e: PortUnavailable) -> Failure:
        status = Status(State.DISCONNECTED, e.code, str(e))
        for tracker in self.boards.values():
            tracker.set(status)
        if self.tracker.status.state is not State.DISCONNECTED:
            self.reconnect.failed()
        self.tracker.set(status)
        return Failure(e.code, str(e))

    def _refresh(self) -> None:
        """The wall's status from the boards' (the port's own trouble is set where it is met)."""
        if not self.transport.is_open:
            return
        silent = [b for b, t in self.boards.items() if t.status.state is not State.READY]
        if not silent:
            self.reconnect.succeeded()
            self.tracker.set(Status.ready())
        elif len(silent) == len(self.boards):
            self.tracker.set(Status(State.DISCONNECTED, UNREACHABLE, "no lock board answers"))
        else:
            names = ", ".join(map(str, silent))
            self.tracker.set(Status(State.HARDWARE_ERROR, UNREACHABLE,
                                    f"lock board {names} does not answer; doors on the other boards work"))


def _door_state(door: Door, reply: BoardReply) -> DoorState:
    closed = door.channel in reply.closed
    item = None if reply.items is None else door.channel in reply.items
    return DoorState(door.number, open=not closed, locked=closed, item_present=item)
