"""PINs (and technician cards' IDs) as salted scrypt hashes, compared in constant time.

A hash line, as `kiosk pin-hash` prints it for the configuration, in the PHC string format passlib uses:

    $scrypt$ln=14,r=8,p=1$<salt, base64>$<key, base64>

`ln` is log2 of scrypt's cost N. The parameters travel with the hash, so stronger ones can be chosen later
without invalidating the PINs configured on terminals in the field.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass

#: log2(N), r, p: about 16 MiB and a few tens of milliseconds per check on a terminal's CPU.
DEFAULT_LN, DEFAULT_R, DEFAULT_P = 14, 8, 1
SALT_BYTES, KEY_BYTES = 16, 32
PIN_DIGITS = (4, 12)

_B64 = r"([A-Za-z0-9+/]+={0,2})"
_LINE = re.compile(rf"^\$scrypt\$ln=(\d{{1,2}}),r=(\d{{1,2}}),p=(\d{{1,2}})\${_B64}\${_B64}$")
EXPECTED = 'a hash line from `kiosk pin-hash`, such as "$scrypt$ln=14,r=8,p=1$...$..."'


class BadHashLine(ValueError):
    """A configured hash line that is not one `kiosk pin-hash` writes (the message says what is wrong)."""


@dataclass(frozen=True)
class SecretHash:
    ln: int
    r: int
    p: int
    salt: bytes
    key: bytes

    def __repr__(self) -> str:  # the key stays out of logs and tracebacks
        return f"SecretHash(ln={self.ln}, r={self.r}, p={self.p})"

    def line(self) -> str:
        salt, key = (base64.b64encode(b).decode("ascii") for b in (self.salt, self.key))
        return f"$scrypt$ln={self.ln},r={self.r},p={self.p}${salt}${key}"


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be a technician PIN, or None when it can."""
    low, high = PIN_DIGITS
    if not (pin.isascii() and pin.isdigit()):
        return "a PIN is digits only (the pad on the screen has no letters)"
    if not low <= len(pin) <= high:
        return f"a PIN has {low} to {high} digits"
    if len(set(pin)) == 1 or pin in "0123456789012" or pin in "9876543210987":
        return "a PIN of one repeated digit or a run such as 1234 is guessed first; choose another"
    return None


def _derive(secret: str, salt: bytes, ln: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=2**ln, r=r, p=p, dklen=KEY_BYTES,
                          maxmem=256 * 2**20)


def hash_secret(secret: str, *, salt: bytes | None = None, ln: int = DEFAULT_LN, r: int = DEFAULT_R,
                p: int = DEFAULT_P) -> SecretHash:
    """A fresh salted hash of `secret` (a PIN, or a technician card's ID)."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    return SecretHash(ln, r, p, salt, _derive(secret, salt, ln, r, p))


def parse_hash(line: str) -> SecretHash:
    """The hash in a configured line; BadHashLine says what is wrong with it."""
    match = _LINE.match(line.strip())
    if match is None:
        raise BadHashLine(f"not a scrypt hash line; expected {EXPECTED}")
    ln, r, p = (int(match.group(i)) for i in (1, 2, 3))
    if not (10 <= ln <= 20 and 1 <= r <= 32 and 1 <= p <= 16):
        raise BadHashLine(f"scrypt parameters ln={ln}, r={r}, p={p} are outside ln 10-20, r 1-32, p 1-16")
    try:
        salt, key = (base64.b64decode(match.group(i), validate=True) for i in (4, 5))
    except ValueError:
        raise BadHashLine("the salt or the key is not valid base64") from None
    if len(salt) < 8 or len(key) != KEY_BYTES:
        raise BadHashLine(f"the salt must have at least 8 bytes and the key {KEY_BYTES}")
    return SecretHash(ln, r, p, salt, key)


def verify(secret: str, stored: SecretHash) -> bool:
    """True when `secret` hashes to `stored`; the comparison takes the same time whatever matches."""
    candidate = _derive(secret, stored.salt, stored.ln, stored.r, stored.p)
    return hmac.compare_digest(candidate, stored.key)
