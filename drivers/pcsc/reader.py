"""PcscReader: one PC/SC reader through pcscd: card events, ATR, UID, APDU exchange.

    reader = PcscReader("ACS ACR1281")     # exact name, or the start of one (pcscd adds " 00 00"); None: first
    reader.open()
    event = reader.wait_for_event(5.0)      # Ok(CardInserted(atr)) / Ok(CardRemoved()) / Ok(None) / Failure
    reader.uid()                            # Ok(bytes) via FF CA 00 00 00
    reader.transmit(select_aid(AID))        # Ok(Response) whatever the status word; Failure if no answer

Events come from SCardGetStatusChange with the state we last saw, so a card swapped between two waits is
still reported as removed + inserted (pcsc-lite counts card events in the high 16 bits of the state).
Statuses: READY with a card in, USER_ACTION (pcsc.no_card, pcsc.card_mute) without a usable card,
DISCONNECTED when pcscd is gone (device.disconnected) or the reader is (pcsc.reader_missing); `poll()`
then retries with backoff and re-establishes the PC/SC context. One thread uses a reader at a time;
`cancel()` may be called from another to end a wait early.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace

from smartcard import scard

from drivers.device import Reconnect, StatusTracker
from drivers.errors import Failure, Ok, Result
from drivers.pcsc import scard as codes
from drivers.pcsc.apdu import GET_UID, BadApdu, Command, Response, get_response
from drivers.status import Capabilities, State, Status

MAX_GET_RESPONSE = 32  # 61xx chains longer than this are a broken card, not data


@dataclass(frozen=True)
class CardInserted:
    reader: str
    atr: bytes


@dataclass(frozen=True)
class CardRemoved:
    reader: str


CardEvent = CardInserted | CardRemoved


def list_readers() -> Result[list[str]]:
    """Discovery: the names of every reader pcscd knows (an empty list when it knows none)."""
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hresult != scard.SCARD_S_SUCCESS:
        return Failure(codes.code_for(hresult), f"pcscd: {codes.describe(hresult)}")
    try:
        hresult, names = scard.SCardListReaders(context, [])
        if hresult == scard.SCARD_E_NO_READERS_AVAILABLE:
            return Ok([])
        if hresult != scard.SCARD_S_SUCCESS:
            return Failure(codes.code_for(hresult), f"pcscd: {codes.describe(hresult)}")
        return Ok(list(names))
    finally:
        scard.SCardReleaseContext(context)


class PcscReader:
    def __init__(self, reader: str | None = None, *, clock: Callable[[], float] = time.monotonic,
                 retry_delay: Callable[[int], float] | None = None) -> None:
        self.wanted = reader
        self.tracker = StatusTracker(Capabilities("pcsc_reader", model="PC/SC reader", port=reader or ""))
        self._reconnect = Reconnect(clock, delay=retry_delay)
        self._context: int | None = None
        self._name = ""
        self._state = codes.STATE_UNAWARE
        self._atr = b""
        self._card: tuple[int, int] | None = None  # card handle, active protocol
        self._pending: deque[CardEvent] = deque()
        self._opened = False

    @property
    def name(self) -> str:
        """The reader's full PC/SC name once found ("" before)."""
        return self._name

    @property
    def card_present(self) -> bool:
        return self.tracker.status.state is State.READY

    # ---- life cycle -----------------------------------------------------------------------------

    def open(self) -> Result[Capabilities]:
        self._opened = True
        self._drop_context()
        hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            return self._lost(hresult, "pcscd is not running")
        self._context = context
        hresult, names = scard.SCardListReaders(context, [])
        if hresult not in (scard.SCARD_S_SUCCESS, scard.SCARD_E_NO_READERS_AVAILABLE):
            return self._lost(hresult, "pcscd could not list its readers")
        found = self._choose(list(names) if hresult == scard.SCARD_S_SUCCESS else [])
        if found is None:
            known = ", ".join(names) if hresult == scard.SCARD_S_SUCCESS else "none"
            return self._lost(scard.SCARD_E_UNKNOWN_READER,
                              f"no reader {self.wanted or ''!r} in pcscd (readers: {known})")
        self._name, self._state = found, codes.STATE_UNAWARE
        self.tracker.capabilities = replace(self.tracker.capabilities, model=found, port=found)
        self._reconnect.succeeded()
        failure = self._watch(0)
        return failure or Ok(self.tracker.capabilities)

    def close(self) -> None:
        self._opened = False
        self.release()
        self._drop_context()
        self._pending.clear()
        self.tracker.set(Status(State.DISCONNECTED, "device.disconnected", "closed by the kiosk"))

    def poll(self) -> Status:
        """Notices card events without blocking (kept for wait_for_event); reconnects when due."""
        if not self._opened:
            return self.tracker.status
        if self._context is None:
            if self._reconnect.due() and isinstance(self.open(), Failure):
                self._reconnect.failed()
            return self.tracker.status
        self._watch(0)
        return self.tracker.status

    def cancel(self) -> None:
        """Ends a wait_for_event blocked in another thread (it returns Ok(None))."""
        if self._context is not None:
            scard.SCardCancel(self._context)

    # ---- card events ----------------------------------------------------------------------------

    def wait_for_event(self, timeout_s: float) -> Result[CardEvent | None]:
        """The next card event, waiting at most `timeout_s`; Ok(None) when none came. While pcscd or the
        reader is gone it returns the Failure at once (after a reconnect attempt, when one is due)."""
        if not self._pending:
            if self._context is None:
                self.poll()
                if self._context is None:
                    return self._failure()
            failure = self._watch(max(0, int(timeout_s * 1000)))
            if failure is not None and not self._pending:
                return failure
        return Ok(self._pending.popleft() if self._pending else None)

    def _watch(self, timeout_ms: int) -> Failure | None:
        assert self._context is not None
        hresult, states = scard.SCardGetStatusChange(self._context, timeout_ms, [(self._name, self._state)])
        if hresult in (scard.SCARD_E_TIMEOUT, scard.SCARD_E_CANCELLED):
            return None
        if hresult != scard.SCARD_S_SUCCESS:
            return self._lost(hresult, "while waiting for a card")
        _, event_state, atr = states[0]
        if event_state & (codes.STATE_UNKNOWN | codes.STATE_UNAVAILABLE):
            return self._lost(scard.SCARD_E_UNKNOWN_READER, "the reader is gone from pcscd")
        was_present = bool(self._state & codes.STATE_PRESENT)
        present = bool(event_state & codes.STATE_PRESENT)
        swapped = was_present and present and codes.event_count(event_state) != codes.event_count(self._state)
        self._state = event_state & ~codes.STATE_CHANGED
        if was_present and (not present or swapped):
            self.release()
            self._atr = b""
            self._pending.append(CardRemoved(self._name))
        if present and (not was_present or swapped):
            self._atr = bytes(atr)
            self._pending.append(CardInserted(self._name, self._atr))
        self._reconnect.succeeded()
        if not present:
            self.tracker.set(Status(State.USER_ACTION, "pcsc.no_card", "no card in the reader"))
        elif event_state & codes.STATE_MUTE:
            self.tracker.set(Status(State.USER_ACTION, "pcsc.card_mute", "the card does not answer"))
        else:
            self.tracker.set(Status.ready())
        return None

    # ---- the card ---------------------------------------------------------------------------------

    def atr(self) -> Result[bytes]:
        """The card's Answer To Reset, as pcscd reported it when the card came in."""
        if self._context is None:
            return self._failure()
        if not self._atr:
            return Failure("pcsc.no_card", f"reader {self._name!r}: no card in the reader")
        return Ok(self._atr)

    def uid(self) -> Result[bytes]:
        """The card's UID (contactless cards), asked of the reader with FF CA 00 00 00."""
        answer = self.transmit(GET_UID)
        return answer.value.check("reading the card's UID") if isinstance(answer, Ok) else answer

    def transmit(self, command: Command) -> Result[Response]:
        """Sends one command APDU; Ok(Response) for any status word the card gave (61xx is followed by
        GET RESPONSE and 6Cxx answered by repeating with the right Le, as T=0 cards need)."""
        answer = self._send(command)
        if isinstance(answer, Ok) and answer.value.sw1 == 0x6C and command.le is not None:
            answer = self._send(command.with_le(answer.value.sw2 or 256))
        data = b""
        for _ in range(MAX_GET_RESPONSE):
            if isinstance(answer, Failure) or answer.value.sw1 != 0x61:
                break
            data += answer.value.data
            answer = self._send(get_response(answer.value.sw2))
        if isinstance(answer, Failure) or not data:
            return answer
        return Ok(Response(data + answer.value.data, answer.value.sw))

    def release(self) -> None:
        """Lets go of the card (others may use it); the next transmit connects again."""
        card, self._card = self._card, None
        if card is not None:
            scard.SCardDisconnect(card[0], scard.SCARD_LEAVE_CARD)

    def _send(self, command: Command) -> Result[Response]:
        card = self._connect()
        if isinstance(card, Failure):
            return card
        handle, protocol = card.value
        hresult, raw = scard.SCardTransmit(handle, protocol, list(command.encode()))
        if hresult != scard.SCARD_S_SUCCESS:
            return self._transmit_failed(hresult, command)
        if not raw:  # vpcd's answer when the card side hangs up mid-command: the card was pulled out
            self.release()
            self._watch(0)
            return Failure("pcsc.card_removed", f"reader {self._name!r}: command {command.cla:02X} "
                                                f"{command.ins:02X}: the card stopped answering (taken out?)")
        try:
            return Ok(Response.decode(bytes(raw)))
        except BadApdu as e:
            return Failure(e.code, f"reader {self._name!r}: {e}")

    def _connect(self) -> Result[tuple[int, int]]:
        if self._card is not None:
            return Ok(self._card)
        if self._context is None:
            return self._failure()
        hresult, handle, protocol = scard.SCardConnect(
            self._context, self._name, scard.SCARD_SHARE_SHARED, scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
        if hresult != scard.SCARD_S_SUCCESS:
            if hresult in codes.SERVICE_LOST or hresult in codes.READER_LOST:
                return self._lost(hresult, "while connecting to the card")
            self._watch(0)
            return Failure(codes.code_for(hresult), f"reader {self._name!r}: {codes.describe(hresult)}")
        self._card = (handle, protocol)
        return Ok(self._card)

    def _transmit_failed(self, hresult: int, command: Command) -> Failure:
        self.release()
        if hresult in codes.SERVICE_LOST or hresult in codes.READER_LOST:
            return self._lost(hresult, "during an exchange with the card")
        self._watch(0)  # did the card go? then say so, whatever pcscd's code for it was
        gone = hresult in codes.NO_CARD or not self._state & codes.STATE_PRESENT
        code = "pcsc.card_removed" if gone else codes.code_for(hresult)
        return Failure(code, f"reader {self._name!r}: command {command.cla:02X} {command.ins:02X}: "
                             f"{codes.describe(hresult)}")

    # ---- losing pcscd or the reader -----------------------------------------------------------------

    def _lost(self, hresult: int, why: str) -> Failure:
        code = codes.code_for(hresult)
        if code not in ("device.disconnected", "pcsc.reader_missing"):
            code = "device.disconnected"
        detail = f"pcsc reader {self.wanted or self._name or '(first)'!r}: {why}: {codes.describe(hresult)}"
        if self._state & codes.STATE_PRESENT:
            self._pending.append(CardRemoved(self._name))  # whoever tracks the card hears it is gone
        self._drop_context()
        if self.tracker.status.state is not State.DISCONNECTED:
            self._reconnect.failed()
        self.tracker.set(Status(State.DISCONNECTED, code, detail))
        return Failure(code, detail)

    def _failure(self) -> Failure:
        status = self.tracker.status
        return Failure(status.code or "device.disconnected", status.detail)

    def _drop_context(self) -> None:
        self._card = None  # a handle dies with its context
        context, self._context = self._context, None
        self._state, self._atr = codes.STATE_UNAWARE, b""
        if context is not None:
            scard.SCardReleaseContext(context)

    def _choose(self, names: list[str]) -> str | None:
        if self.wanted is None:
            return names[0] if names else None
        if self.wanted in names:
            return self.wanted
        return next((n for n in names if n.startswith(self.wanted)), None)
