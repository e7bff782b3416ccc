"""The status of an AS608 / R30x module as its answers come in: open, poll, and one command at a time.

ModuleSession is the part of the driver that every operation goes through. `_call` sends one command and
turns the acknowledgement into Ok(the bytes after the confirmation) or Failure(code), and the status
follows what the module said: "no finger", "lift the finger", a poor scan -> USER_ACTION; wrong password
or a full library -> MAINTENANCE; a flash fault -> HARDWARE_ERROR; port gone or no answer -> DISCONNECTED,
after which `poll()` reopens the port (with backoff) until the module answers the handshake again.
Answers about one request only ("no match", "not found") leave the device READY (or MAINTENANCE while the
library is full).

Open handshake: VfyPwd (the configured password), ReadSysPara (capacity, security level, packet size,
baud), TemplateNum (is the library full?). A module that was reset forgets the verified password and
answers 21; the session verifies again once and repeats the command.

A module that does not answer within `timeout_s` counts as unreachable (DISCONNECTED, device.timeout),
like one whose port is gone. A damaged answer (bad checksum, bad frame) fails that command only and leaves
the status alone. Not thread-safe: one caller (the kiosk's device thread) at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from drivers.device import Reconnect, StatusTracker
from drivers.errors import ERROR_CODES, Failure, Ok, Result
from drivers.fingerprint import commands as cmd
from drivers.fingerprint.codec import DEFAULT_ADDRESS
from drivers.fingerprint.commands import SystemParameters
from drivers.fingerprint.confirmations import OK, PASSWORD_REQUIRED, describe
from drivers.fingerprint.link import Link
from drivers.status import Capabilities, State, Status
from drivers.transport import SerialTransport

_LOST = frozenset({"device.disconnected", "device.port_missing", "device.port_denied", "device.port_busy",
                   "device.timeout"})
# MAINTENANCE codes that a fresh handshake may clear (a technician fixed the module or the configuration)
_REOPEN = frozenset({"fingerprint.wrong_password", "fingerprint.password_required",
                     "fingerprint.address_error"})


def status_for(state: State, code: str, detail: str = "") -> Status:
    return Status(state, code, detail or ERROR_CODES[code])


class ModuleSession:
    def __init__(self, transport: SerialTransport, *, clock: Callable[[], float] = time.monotonic,
                 address: int = DEFAULT_ADDRESS, password: int = 0, model: str = "AS608",
                 timeout_s: float = 2.0, template_size: int = 512,
                 reconnect: Reconnect | None = None) -> None:
        self._link = Link(transport, address=address, timeout_s=timeout_s)
        self._clock = clock
        self._password = password
        self.template_size = template_size
        self.tracker = StatusTracker(Capabilities("fingerprint", model=model, port=transport.port))
        self.reconnect = reconnect or Reconnect(clock)
        self.parameters: SystemParameters | None = None
        self._library_full = False

    # ---- life cycle ------------------------------------------------------------------------------------

    def open(self) -> Result[SystemParameters]:
        steps = (self._link.open, self.verify_password, self.read_system_parameters, self.template_count)
        for step in steps:
            result = step()
            if not result.ok:
                if result.code.startswith("device.") and result.code not in _LOST:
                    self.tracker.set(status_for(State.HARDWARE_ERROR, result.code))  # it answers nonsense
                elif result.code in _LOST:
                    self._lost(result)
                self.reconnect.failed()
                return result
        self.reconnect.succeeded()
        self._settle()
        return Ok(self.parameters)

    def close(self) -> None:
        self._link.close()
        self.tracker.set(Status(State.DISCONNECTED, "device.disconnected", "closed by the kiosk"))

    def poll(self) -> Status:
        """Reopen a lost (or misconfigured) module when due; otherwise one cheap round trip (TemplateNum)."""
        status = self.tracker.status
        if status.state in (State.DISCONNECTED, State.HARDWARE_ERROR) or status.code in _REOPEN:
            if self.reconnect.due():
                self.open()
        else:
            self._template_count(settle=status.state is not State.USER_ACTION)
        return self.tracker.status

    # ---- the handshake's commands -----------------------------------------------------------------------

    def verify_password(self) -> Result[None]:
        return self._none(self._call(cmd.verify_password(self._password), reverify=False))

    def read_system_parameters(self) -> Result[SystemParameters]:
        answer = self._call(cmd.read_sys_para())
        if not answer.ok:
            return answer
        try:
            self.parameters = SystemParameters.parse(answer.value)
        except ValueError as e:
            return Failure("device.unexpected_reply", str(e))
        return Ok(self.parameters)

    def template_count(self) -> Result[int]:
        return self._template_count(settle=True)

    # ---- plumbing --------------------------------------------------------------------------------------

    def _call(self, payload: bytes, *, settle: bool = True, reverify: bool = True) -> Result[bytes]:
        """One command; Ok(the ack's bytes after the confirmation) or Failure, with the status updated."""
        answer = self._link.exchange(payload)
        if not answer.ok:
            return self._link_failure(answer)
        confirmation, rest = answer.value.payload[0], answer.value.payload[1:]
        if confirmation == PASSWORD_REQUIRED and reverify:
            verified = self.verify_password()
            return self._call(payload, settle=settle, reverify=False) if verified.ok else verified
        if confirmation != OK:
            code, state = describe(confirmation)
            if state is not None:
                self.tracker.set(status_for(state, code))
            elif settle:
                self._settle()
            return Failure(code, f"confirmation {confirmation:#04x}")
        if settle:
            self._settle()
        return Ok(rest)

    def _upload(self, payload: bytes) -> Result[bytes]:
        answer = self._call(payload)
        if not answer.ok:
            return answer
        data = self._link.receive_data()
        return data if data.ok else self._link_failure(data)

    def _template_count(self, *, settle: bool) -> Result[int]:
        count = self._u16(self._call(cmd.template_num(), settle=False))
        if count.ok and self.parameters is not None:
            self._library_full = count.value >= self.parameters.capacity
        if count.ok and settle:
            self._settle()
        return count

    def _recount(self, answer: Result) -> Result:
        if answer.ok:
            self.template_count()
        return answer

    def _settle(self) -> None:
        if self._library_full:
            self.tracker.set(status_for(State.MAINTENANCE, "fingerprint.library_full"))
        else:
            self.tracker.set(Status.ready())

    def _link_failure(self, failure: Failure) -> Failure:
        if failure.code in _LOST:
            self._lost(failure)
        return failure

    def _lost(self, failure: Failure) -> None:
        self.tracker.set(Status(State.DISCONNECTED, failure.code, failure.detail))

    @staticmethod
    def _none(answer: Result) -> Result[None]:
        return Ok(None) if answer.ok else answer

    @staticmethod
    def _u16(answer: Result[bytes]) -> Result[int]:
        if not answer.ok:
            return answer
        try:
            return Ok(cmd.parse_u16(answer.value))
        except ValueError as e:
            return Failure("device.unexpected_reply", str(e))
