"""Citizen identification numbers (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2).

The check character is `1 0 X 9 8 7 6 5 4 3 2`[sum(digit_i * w_i) mod 11] with weights 2^(17-i) mod 11,
i.e. 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. Pure functions; nothing here logs or raises with the number in it.
"""

from __future__ import annotations

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"


def check_character(body: str) -> str:
    """The check character for the 17-digit body of a number."""
    if len(body) != 17 or not body.isascii() or not body.isdigit():
        raise ValueError("an ID number body is 17 ASCII digits")
    return CHECK_CHARACTERS[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]


def is_valid(number: str) -> bool:
    """True for 17 digits followed by their check character (`X` upper case, as printed on cards)."""
    if len(number) != 18 or not number[:17].isascii() or not number[:17].isdigit():
        return False
    return check_character(number[:17]) == number[17]


def mask(number: str) -> str:
    """The first 6 and last 4 characters, the rest starred: safe for logs, screens and tracebacks."""
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
