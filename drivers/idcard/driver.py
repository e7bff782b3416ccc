"""The resident ID card reader (SAM protocol over serial): status, find, select, read.

    reader = IdCardReader(SerialTransport("/dev/ttyUSB0", 115200, device="idcard"))
    reader.open()
    result = reader.read_card()          # find -> select -> read base info (text + photo)
    if result.ok: result.value.identity  # IdentityCard; result.value.photo is None without a WLT decoder

Every failure a caller can meet is a Failure with a registered code; the reader's status follows what the
SAM and the port say: USER_ACTION while there is no (readable) card, MAINTENANCE when the SAM is faulty,
HARDWARE_ERROR after a command got no answer, DISCONNECTED when the port is gone (retried by poll()).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from drivers.device import Reconnect, StatusTracker
from drivers.errors import Failure, Ok, Result
from drivers.idcard.codec import Command, Response, decode_response, encode
from drivers.idcard.commands import (
    FIND_CARD,
    FIND_SUCCESS,
    READ_BASE,
    READ_WITH_FINGERPRINT,
    RESET,
    SAM_ID,
    SAM_STATUS,
    SELECT_CARD,
    SUCCESS,
    SW3_FAILURES,
    format_sam_id,
    parse_read,
)
from drivers.idcard.idnumber import is_valid
from drivers.idcard.photo import NoPhotoDecoder, PhotoDecoder
from drivers.idcard.textblock import CardType, IdentityCard, UnsupportedCardError, decode_text_block
from drivers.protocol import ProtocolError
from drivers.status import Capabilities, State, Status
from drivers.transport import DeviceTimeout, PortUnavailable, SerialTransport

DEFAULT_TIMEOUT_S = 5.0  # per command, as hev-dbus-object-idcard-reader does


@dataclass(frozen=True, repr=False)
class CardRead:
    identity: IdentityCard
    photo_wlt: bytes          # the encrypted photo as the card holds it
    photo: bytes | None       # decoded image, None without a vendor decoder
    fingerprints: bytes = b""  # 0, 1 or 2 templates of 512 bytes; b"" for a read without fingerprints

    def __repr__(self) -> str:  # personal data: sizes only
        return (f"CardRead({self.identity!r}, photo_wlt={len(self.photo_wlt)} bytes, "
                f"photo={'decoded' if self.photo is not None else None}, "
                f"fingerprints={len(self.fingerprints)} bytes)")


class IdCardReader:
    def __init__(self, transport: SerialTransport, *, clock: Callable[[], float] = time.monotonic,
                 photo_decoder: PhotoDecoder | None = None, timeout_s: float = DEFAULT_TIMEOUT_S,
                 model: str = "SAM serial reader") -> None:
        self.transport = transport
        self.timeout_s = timeout_s
        self.tracker = StatusTracker(Capabilities("idcard", model=model, port=transport.port))
        self._reconnect = Reconnect(clock)
        self._decoder = photo_decoder or NoPhotoDecoder()
        self._wanted = False  # open() was called and close() was not

    # ---- life cycle -----------------------------------------------------------------------------

    def open(self) -> Result[Capabilities]:
        self._wanted = True
        try:
            self.transport.open()
        except PortUnavailable as e:
            return self._lost(e)
        self._reconnect.succeeded()
        status = self._exchange(SAM_STATUS)
        if not status.ok:
            if self.tracker.status.state is State.DISCONNECTED and self.transport.is_open:
                self.tracker.set(Status(State.HARDWARE_ERROR, status.code, "no valid answer to a status check"))
            return status
        self._mark_working(keep_user_action=False)
        answer = self._exchange(SAM_ID)
        if answer.ok:
            try:
                self.tracker.capabilities = replace(self.tracker.capabilities,
                                                    serial_number=format_sam_id(answer.value.data))
            except ProtocolError:
                pass  # the serial number is for technicians only; the reader works without it
        return Ok(self.tracker.capabilities)

    def close(self) -> None:
        self._wanted = False
        self.transport.close()
        self.tracker.set(Status(State.DISCONNECTED, "device.disconnected", "closed"))

    def poll(self) -> Status:
        """A cheap check (SAM status); when disconnected and a retry is due, tries to open the port again."""
        if not self._wanted:
            return self.tracker.status
        if self.tracker.status.state is State.DISCONNECTED:
            if self._reconnect.due():
                self.open()
            return self.tracker.status
        if self._exchange(SAM_STATUS).ok:
            self._mark_working(keep_user_action=True)
        return self.tracker.status

    # ---- operations -----------------------------------------------------------------------------

    def reset(self) -> Result[None]:
        return self._simple(RESET)

    def sam_status(self) -> Result[None]:
        return self._simple(SAM_STATUS)

    def sam_id(self) -> Result[str]:
        answer = self._command(SAM_ID)
        if not answer.ok:
            return answer
        try:
            return Ok(format_sam_id(answer.value.data))
        except ProtocolError as e:
            return Failure(e.code, str(e))

    def find_card(self) -> Result[bytes]:
        """SW3 9F: a card is there (data: its 4-byte IIN). No card: Failure idcard.no_card, USER_ACTION."""
        answer = self._command(FIND_CARD, expect=FIND_SUCCESS, card=True)
        return Ok(answer.value.data) if answer.ok else answer

    def select_card(self) -> Result[bytes]:
        answer = self._command(SELECT_CARD, card=True)
        return Ok(answer.value.data) if answer.ok else answer

    def read_base(self) -> Result[CardRead]:
        """Text and photo of the selected card (30 01)."""
        return self._read(READ_BASE, with_fingerprint=False)

    def read_with_fingerprint(self) -> Result[CardRead]:
        """Text, photo and fingerprint templates of the selected card (30 10)."""
        return self._read(READ_WITH_FINGERPRINT, with_fingerprint=True)

    def read_card(self, *, with_fingerprint: bool = False) -> Result[CardRead]:
        """The whole sequence: find -> select -> read."""
        for step in (self.find_card, self.select_card):
            result = step()
            if not result.ok:
                return result
        return self.read_with_fingerprint() if with_fingerprint else self.read_base()

    # ---- the exchange ---------------------------------------------------------------------------

    def _read(self, command: Command, *, with_fingerprint: bool) -> Result[CardRead]:
        answer = self._command(command, card=True)
        if not answer.ok:
            return answer
        try:
            data = parse_read(answer.value.data, with_fingerprint=with_fingerprint)
            identity = decode_text_block(data.text)
        except UnsupportedCardError as e:
            self.tracker.set(Status(State.USER_ACTION, e.code, "unsupported card type"))
            return Failure(e.code, str(e))
        except ProtocolError as e:
            return Failure(e.code, str(e))
        if identity.card_type is CardType.RESIDENT and not is_valid(identity.id_number):
            return Failure("idcard.invalid_id_number", "the ID number on the card fails its check digit")
        return Ok(CardRead(identity, data.photo_wlt, self._decoder.decode(data.photo_wlt), data.fingerprints))

    def _simple(self, command: Command) -> Result[None]:
        answer = self._command(command)
        return Ok(None) if answer.ok else answer

    def _command(self, command: Command, expect: int = SUCCESS, *, card: bool = False) -> Result[Response]:
        """One command, reopening a disconnected reader first when a retry is due. A successful card
        command means a card is on the reader: the reader is READY again (no longer waiting for a card)."""
        if self.tracker.status.state is State.DISCONNECTED:
            if not self._wanted:
                return Failure("device.disconnected", "the reader is closed")
            if not self._reconnect.due():
                return Failure("device.disconnected", "the reader is disconnected; retrying later")
            opened = self.open()
            if not opened.ok:
                return opened
        answer = self._exchange(command, expect)
        if answer.ok:
            self._mark_working(keep_user_action=not card)
        return answer

    def _exchange(self, command: Command, expect: int = SUCCESS) -> Result[Response]:
        try:
            response = self.transport.request(encode(command), decode_response, self.timeout_s)
        except PortUnavailable as e:
            return self._lost(e)
        except DeviceTimeout as e:
            self.tracker.set(Status(State.HARDWARE_ERROR, e.code, "the reader did not answer"))
            return Failure(e.code, str(e))
        except ProtocolError as e:
            return Failure(e.code, str(e))
        if response.sw3 == expect:
            return Ok(response)
        code, state, meaning = SW3_FAILURES.get(
            response.sw3, ("device.unexpected_reply", None, "unexpected status for this command"))
        if state is not None:
            self.tracker.set(Status(state, code, meaning))
        return Failure(code, f"SW3 {response.sw3:02X}: {meaning}")

    def _mark_working(self, *, keep_user_action: bool) -> None:
        if keep_user_action and self.tracker.status.state is State.USER_ACTION:
            return
        self.tracker.set(Status.ready())

    def _lost(self, e: PortUnavailable) -> Failure:
        self.transport.close()
        self._reconnect.failed()
        self.tracker.set(Status(State.DISCONNECTED, e.code, str(e)))
        return Failure(e.code, str(e))
