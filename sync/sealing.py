"""Sealing personal data at rest: AES-256-GCM, each token bound to the row and column it belongs to.

A token is `version (1 byte) | nonce (12 bytes) | ciphertext + tag`. The caller's `context` (for example
b"outbox:<event id>") is authenticated data: a token copied into another row or column does not open, and
neither does a token that was altered, truncated or sealed under another key. Every failure to open is one
exception, SealError, whose message never contains the data.

The 32-byte data key comes from a KeyProvider. The default one reads a key file that only the kiosk user
may read (created with mode 0600 on first use); a TPM-backed provider can unseal the same kind of data key
from the TPM instead and be passed to Sealer() unchanged.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import Protocol, runtime_checkable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
VERSION = b"\x01"


class SealError(Exception):
    """A token could not be opened: tampered with, truncated, for another context, or under another key."""


class KeyFileError(Exception):
    """The data key cannot be used; the message names the key file and says what to do."""


@runtime_checkable
class KeyProvider(Protocol):
    """Where the data key comes from (a key file, a TPM). Called once, when the Sealer is made."""

    def data_key(self) -> bytes: ...


class FileKeyProvider:
    """The data key in a file readable only by its owner; created (32 random bytes, mode 0600) if missing."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"FileKeyProvider({str(self.path)!r})"

    def data_key(self) -> bytes:
        try:
            if not self.path.exists():
                self._create()
            info = self.path.stat()
            if not stat.S_ISREG(info.st_mode):
                raise KeyFileError(f"The key file {self.path} is not a regular file; move it aside.")
            if info.st_mode & 0o077:
                raise KeyFileError(
                    f"The key file {self.path} may be read by other users (mode "
                    f"{stat.S_IMODE(info.st_mode):04o}); make it private with `chmod 600 {self.path}`.")
            if info.st_uid != os.geteuid():
                raise KeyFileError(
                    f"The key file {self.path} belongs to user id {info.st_uid}, not to the kiosk user "
                    f"({os.geteuid()}); give it to the kiosk user with chown.")
            key = self.path.read_bytes()
        except OSError as e:
            raise KeyFileError(f"The key file {self.path} cannot be read ({type(e).__name__}: "
                               f"{e.strerror or 'error'}).") from None
        if len(key) != KEY_BYTES:
            raise KeyFileError(f"The key file {self.path} holds {len(key)} bytes, not {KEY_BYTES}: it is not "
                               "a data key. Restore the right file; a new key cannot open existing records.")
        return key

    def _create(self) -> None:
        """Write the key to a private temporary file, then link it into place: never a half-written key."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, secrets.token_bytes(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, self.path)  # fails if another process made the key first: then theirs is used
        except FileExistsError:
            pass
        finally:
            os.unlink(temp)
        dir_fd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


class Sealer:
    """Seals and opens personal data. Thread-safe; holds the key only inside the AESGCM object."""

    def __init__(self, provider: KeyProvider) -> None:
        key = provider.data_key()
        if len(key) != KEY_BYTES:
            raise KeyFileError(f"The data key from {provider!r} has {len(key)} bytes, not {KEY_BYTES}.")
        self._aead = AESGCM(key)
        self._source = repr(provider)

    @classmethod
    def from_key_file(cls, path: Path) -> Sealer:
        return cls(FileKeyProvider(path))

    def __repr__(self) -> str:
        return f"Sealer(key from {self._source})"

    def seal(self, plaintext: bytes, *, context: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return VERSION + nonce + self._aead.encrypt(nonce, plaintext, VERSION + context)

    def open(self, token: bytes, *, context: bytes) -> bytes:
        if len(token) < 1 + NONCE_BYTES + 16 or token[:1] != VERSION:
            raise SealError("the sealed value is truncated or of an unknown format")
        nonce, body = token[1:1 + NONCE_BYTES], token[1 + NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, body, VERSION + context)
        except InvalidTag:
            raise SealError("the sealed value was altered, belongs elsewhere, or was sealed under another key"
                            ) from None
