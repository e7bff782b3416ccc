"""The US keyboard layout a keyboard-wedge scanner types in: key codes to characters, and back.

A scanner in USB HID keyboard mode does not send characters, it presses keys: "A" is Shift down, A down,
A up, Shift up. What character a key stands for depends on the layout the scanner was programmed for; we
support the US layout, the factory default of every common scanner (programme it so when it says
otherwise). The scanner's own Caps Lock and Shift are tracked by the decoder (keystrokes.py); the keypad
is read with Num Lock on, as scanners that type digits on the keypad expect.

Pure: no I/O. `char_for` reads one key press; `keys_for` gives the key presses for a text (for tests and
simulators). Key codes are the kernel's (linux/input-event-codes.h), through evdev.ecodes.
"""

from __future__ import annotations

from evdev import ecodes as e

#: key -> (character, character with Shift). Letters are listed apart: Caps Lock turns them too.
_LETTERS: dict[int, str] = {getattr(e, f"KEY_{c}"): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
_SYMBOLS: dict[int, tuple[str, str]] = {
    e.KEY_1: ("1", "!"), e.KEY_2: ("2", "@"), e.KEY_3: ("3", "#"), e.KEY_4: ("4", "$"), e.KEY_5: ("5", "%"),
    e.KEY_6: ("6", "^"), e.KEY_7: ("7", "&"), e.KEY_8: ("8", "*"), e.KEY_9: ("9", "("), e.KEY_0: ("0", ")"),
    e.KEY_MINUS: ("-", "_"), e.KEY_EQUAL: ("=", "+"), e.KEY_LEFTBRACE: ("[", "{"),
    e.KEY_RIGHTBRACE: ("]", "}"), e.KEY_BACKSLASH: ("\\", "|"), e.KEY_SEMICOLON: (";", ":"),
    e.KEY_APOSTROPHE: ("'", '"'), e.KEY_GRAVE: ("`", "~"), e.KEY_COMMA: (",", "<"), e.KEY_DOT: (".", ">"),
    e.KEY_SLASH: ("/", "?"), e.KEY_SPACE: (" ", " "),
}
#: the keypad with Num Lock on: Shift does not change it
_KEYPAD: dict[int, str] = {
    e.KEY_KP0: "0", e.KEY_KP1: "1", e.KEY_KP2: "2", e.KEY_KP3: "3", e.KEY_KP4: "4", e.KEY_KP5: "5",
    e.KEY_KP6: "6", e.KEY_KP7: "7", e.KEY_KP8: "8", e.KEY_KP9: "9", e.KEY_KPMINUS: "-", e.KEY_KPPLUS: "+",
    e.KEY_KPASTERISK: "*", e.KEY_KPSLASH: "/", e.KEY_KPDOT: ".",
}
#: layout-independent keys that type a control character a code may carry
_CONTROLS: dict[int, str] = {e.KEY_TAB: "\t", e.KEY_ENTER: "\n", e.KEY_KPENTER: "\n"}

#: Ctrl + key gives these ASCII separators (ISO/IEC 15434, GS1): EOT (Ctrl+D), FS (Ctrl+\), GS (Ctrl+]),
#: RS (Ctrl+^); and TAB (Ctrl+I). Scanners with "function key emulation" type them so.
CTRL_CHARACTERS = frozenset("\x04\x1c\x1d\x1e\t")

SHIFT_KEYS = frozenset({e.KEY_LEFTSHIFT, e.KEY_RIGHTSHIFT})
CTRL_KEYS = frozenset({e.KEY_LEFTCTRL, e.KEY_RIGHTCTRL})
#: Alt and the logo keys: nothing a code carries is typed with them held (Alt + keypad codes are not read)
OTHER_MODIFIERS = frozenset({e.KEY_LEFTALT, e.KEY_RIGHTALT, e.KEY_LEFTMETA, e.KEY_RIGHTMETA})
#: keys that change no character and may sit anywhere in a scan
IGNORED_KEYS = frozenset({e.KEY_NUMLOCK, e.KEY_SCROLLLOCK})


def char_for(key: int, *, shift: bool = False, caps_lock: bool = False, ctrl: bool = False) -> str | None:
    """The character a press of `key` types, or None when it types none a code may carry."""
    if key in _LETTERS:
        char = _LETTERS[key].upper() if shift != caps_lock else _LETTERS[key]
    elif key in _SYMBOLS:
        char = _SYMBOLS[key][shift]
    elif key in _KEYPAD:
        char = _KEYPAD[key]
    elif key in _CONTROLS:
        char = _CONTROLS[key]
    else:
        return None
    if not ctrl:
        return char
    if "@" <= char.upper() <= "_":
        control = chr(ord(char.upper()) & 0x1F)
        return control if control in CTRL_CHARACTERS else None
    return None


def _reverse() -> dict[str, tuple[int, bool, bool]]:
    """character -> (key, shift, ctrl): the plainest way to type it."""
    found: dict[str, tuple[int, bool, bool]] = {}
    for key, char in _CONTROLS.items():
        found.setdefault(char, (key, False, False))
    for key, (plain, shifted) in _SYMBOLS.items():
        found.setdefault(plain, (key, False, False))
        found.setdefault(shifted, (key, True, False))
    for key, letter in _LETTERS.items():
        found[letter] = (key, False, False)
        found[letter.upper()] = (key, True, False)
    found["\x04"] = (e.KEY_D, False, True)
    found["\x1c"] = (e.KEY_BACKSLASH, False, True)
    found["\x1d"] = (e.KEY_RIGHTBRACE, False, True)
    found["\x1e"] = (e.KEY_6, True, True)
    return found


_TYPING = _reverse()

#: every character a US-layout wedge scanner can type into a code
TYPEABLE = frozenset(_TYPING)


def keys_for(text: str) -> list[tuple[int, int]]:
    """The (key, value) presses a scanner sends to type `text`: value 1 down, 0 up. ValueError for a
    character the US layout has no key for (the text itself is not in the message)."""
    presses: list[tuple[int, int]] = []
    for position, char in enumerate(text):
        if char not in _TYPING:
            raise ValueError(f"character {position} of the text has no key on a US keyboard")
        key, shift, ctrl = _TYPING[char]
        held = [m for m, on in ((e.KEY_LEFTCTRL, ctrl), (e.KEY_LEFTSHIFT, shift)) if on]
        presses += [(m, 1) for m in held] + [(key, 1), (key, 0)] + [(m, 0) for m in reversed(held)]
    return presses
