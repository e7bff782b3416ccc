"""The PC/SC return codes the kiosk meets, mapped to our error codes; and the reader-state bits it reads.

pyscard's `smartcard.scard` is a thin layer over libpcsclite: every call returns an HRESULT first. This module
is the one place that says what each one means for a caller (see SCardGetErrorMessage for the text).
"""

from __future__ import annotations

from smartcard import scard

from drivers.errors import register

register({
    "pcsc.reader_missing": "The configured card reader is not known to pcscd (unplugged, or not configured).",
    "pcsc.no_card": "There is no card in the reader.",
    "pcsc.card_removed": "The card was taken out of the reader during the exchange.",
    "pcsc.card_mute": "The card in the reader does not answer (inserted the wrong way, damaged or unpowered).",
    "pcsc.card_busy": "Another program holds the card exclusively.",
    "pcsc.transmit_failed": "pcscd could not exchange the command with the card.",
})

#: pcscd is gone (stopped, crashed) or the context we held died with it: reconnect from scratch
SERVICE_LOST = frozenset({scard.SCARD_E_NO_SERVICE, scard.SCARD_E_SERVICE_STOPPED, scard.SCARD_E_INVALID_HANDLE,
                          scard.SCARD_F_COMM_ERROR})
READER_LOST = frozenset({scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE,
                         scard.SCARD_E_NO_READERS_AVAILABLE})
NO_CARD = frozenset({scard.SCARD_E_NO_SMARTCARD, scard.SCARD_W_REMOVED_CARD})

_CODES = {
    **{hr: "device.disconnected" for hr in SERVICE_LOST},
    **{hr: "pcsc.reader_missing" for hr in READER_LOST},
    **{hr: "pcsc.no_card" for hr in NO_CARD},
    scard.SCARD_W_UNRESPONSIVE_CARD: "pcsc.card_mute",
    scard.SCARD_W_UNPOWERED_CARD: "pcsc.card_mute",
    scard.SCARD_E_SHARING_VIOLATION: "pcsc.card_busy",
    scard.SCARD_E_NOT_TRANSACTED: "pcsc.transmit_failed",
    scard.SCARD_E_PROTO_MISMATCH: "pcsc.card_mute",
    scard.SCARD_E_TIMEOUT: "device.timeout",
}

# reader-state bits of SCardGetStatusChange; the high 16 bits of an event state count card events
STATE_UNAWARE = scard.SCARD_STATE_UNAWARE
STATE_CHANGED = scard.SCARD_STATE_CHANGED
STATE_UNKNOWN = scard.SCARD_STATE_UNKNOWN
STATE_UNAVAILABLE = scard.SCARD_STATE_UNAVAILABLE
STATE_PRESENT = scard.SCARD_STATE_PRESENT
STATE_MUTE = scard.SCARD_STATE_MUTE


def code_for(hresult: int) -> str:
    return _CODES.get(hresult, "pcsc.transmit_failed")


def describe(hresult: int) -> str:
    """pcsc-lite's English text for a return code, with the code in hex (no card data in it)."""
    return f"{scard.SCardGetErrorMessage(hresult).rstrip('. ')} (0x{hresult & 0xFFFFFFFF:08X})"


def event_count(event_state: int) -> int:
    return (event_state >> 16) & 0xFFFF
