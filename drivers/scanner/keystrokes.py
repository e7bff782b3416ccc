"""Scanned codes from a keyboard-wedge scanner's key events (sans-I/O): events in, codes out.

    decoder.feed(type, code, value, at) -> ScannedCode | BadScan | None
    decoder.expire(now)                 -> BadScan | None   (a scan that stopped without its suffix)
    decoder.discard(at, under_way)      forget what was typed so far

The events are the kernel's evdev events: EV_KEY with value 1 (down), 0 (up) or 2 (autorepeat), and
EV_SYN / SYN_DROPPED when the kernel's buffer overflowed. `at` is when the event was read, in seconds of
the caller's monotonic clock. Characters are read with the US layout (keymap.py), on key down; Shift,
Ctrl and the other modifiers count while held, Caps Lock toggles on its press. An autorepeat is not a
scanned character (a scanner presses every character of "AAA" three times), so it is ignored.

A code ends at the suffix key (Enter or keypad Enter, or Tab, as the scanner is programmed). A scan is
refused whole, as a BadScan with a reason, when it has a key no code carries, grows past `max_length`
characters, lost events, or stops for more than `gap_s` without its suffix (a scanner programmed with no
suffix, or a cable pulled mid-scan). A scanner types a whole code in milliseconds, so a pause of half a
second means the scan is over. After `discard` while a scan is under way, the rest of that scan is dropped
up to its suffix or the next pause, so its tail is never taken for a code of its own.

The scanned text may be personal data (a pickup QR code): neither reprs nor BadScan carry it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from evdev import ecodes as e

from drivers.scanner import keymap
from drivers.scanner.codec import ScannedCode

DOWN, UP, REPEAT = 1, 0, 2


class KeySuffix(Enum):
    """The key the scanner presses after each code (its "suffix" or "terminator" setting)."""

    ENTER = (e.KEY_ENTER, e.KEY_KPENTER)
    TAB = (e.KEY_TAB,)


class BadScanReason(Enum):
    CUT_SHORT = "the keys stopped before the suffix key (is the scanner programmed to end codes with it?)"
    TOO_LONG = "longer than any code"
    STRAY_KEY = "a key no code carries (is the scanner set to the US keyboard layout?)"
    EVENTS_LOST = "the kernel dropped key events (SYN_DROPPED)"


@dataclass(frozen=True)
class BadScan:
    """A scan refused whole: the citizen scans again. `length` counts the characters read before it."""

    reason: BadScanReason
    length: int

    def describe(self) -> str:
        return f"a scan refused after {self.length} characters: {self.reason.value}"


class KeystrokeDecoder:
    def __init__(self, suffix: KeySuffix = KeySuffix.ENTER, *, max_length: int = 4096,
                 gap_s: float = 0.5) -> None:
        self.suffix, self.max_length, self.gap_s = suffix, max_length, gap_s
        self._shift: set[int] = set()
        self._ctrl: set[int] = set()
        self._other: set[int] = set()
        self._caps_lock = False
        self._chars: list[str] = []
        self._bad: BadScanReason | None = None
        self._started = False  # a key of a code has been pressed since the last suffix
        self._skipping = False  # dropping the rest of a scan that was under way at discard
        self._last: float | None = None

    def __repr__(self) -> str:
        return f"KeystrokeDecoder({self.suffix.name}, {len(self._chars)} characters pending)"

    @property
    def busy(self) -> bool:
        """A scan is being typed (or skipped) and has not ended yet."""
        return self._started or self._skipping

    def deadline(self) -> float | None:
        """When `expire` will end the scan under way, if one is."""
        return None if self._last is None or not self.busy else self._last + self.gap_s

    def feed(self, type_: int, code: int, value: int, at: float) -> ScannedCode | BadScan | None:
        cut = self.expire(at)
        if type_ == e.EV_SYN and code == e.SYN_DROPPED:
            for held in (self._shift, self._ctrl, self._other):  # a key's release may be among the lost
                held.clear()
            self._started, self._bad, self._last = True, BadScanReason.EVENTS_LOST, at
            return cut
        if type_ != e.EV_KEY:
            return cut
        self._last = at
        if self._modifier(code, value) or value != DOWN or code in keymap.IGNORED_KEYS:
            return cut
        if code in self.suffix.value:
            return cut or self._finish()
        self._type(code)
        return cut

    def expire(self, now: float) -> BadScan | None:
        """End a scan that has paused for longer than `gap_s`: a BadScan if it had begun."""
        deadline = self.deadline()
        if deadline is None or now <= deadline:
            return None
        result = BadScan(self._bad or BadScanReason.CUT_SHORT, len(self._chars))
        skipped = self._skipping
        self._reset()
        return None if skipped else result

    def discard(self, at: float, *, under_way: bool | None = None) -> None:
        """Forget what was typed. If a scan is `under_way` (default: one was being typed), drop its rest."""
        skip = self.busy if under_way is None else under_way
        self._reset()
        self._skipping, self._last = skip, at

    def _modifier(self, code: int, value: int) -> bool:
        for keys, held in ((keymap.SHIFT_KEYS, self._shift), (keymap.CTRL_KEYS, self._ctrl),
                           (keymap.OTHER_MODIFIERS, self._other)):
            if code in keys:
                if value == DOWN:
                    held.add(code)
                elif value == UP:
                    held.discard(code)
                return True
        if code == e.KEY_CAPSLOCK:
            if value == DOWN:
                self._caps_lock = not self._caps_lock
            return True
        return False

    def _type(self, code: int) -> None:
        self._started = True
        if self._skipping or self._bad:
            return
        char = None if self._other else keymap.char_for(code, shift=bool(self._shift),
                                                          caps_lock=self._caps_lock, ctrl=bool(self._ctrl))
        if char is None:
            self._bad = BadScanReason.STRAY_KEY
        elif len(self._chars) >= self.max_length:
            self._bad = BadScanReason.TOO_LONG
        else:
            self._chars.append(char)

    def _finish(self) -> ScannedCode | BadScan | None:
        started, skipped, bad, chars = self._started, self._skipping, self._bad, self._chars
        self._reset()
        if skipped or not started:  # the tail of a discarded scan, or a lone suffix key
            return None
        if bad is not None:
            return BadScan(bad, len(chars))
        return ScannedCode("".join(chars))

    def _reset(self) -> None:
        self._chars, self._bad, self._started, self._skipping = [], None, False, False
