"""sync.sealing: personal data sealed at rest with AES-GCM, bound to its row, under a key only kiosk reads."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sync.sealing import KEY_BYTES, KeyFileError, KeyProvider, Sealer, SealError

NAME = "张三 110101199003077777".encode()


def test_round_trip_and_no_plaintext_in_token(tmp_path: Path) -> None:
    sealer = Sealer.from_key_file(tmp_path / "seal.key")
    token = sealer.seal(NAME, context=b"application:1:name")
    assert NAME not in token and b"110101199003077777" not in token
    assert sealer.open(token, context=b"application:1:name") == NAME


def test_same_plaintext_seals_differently_each_time(tmp_path: Path) -> None:
    sealer = Sealer.from_key_file(tmp_path / "seal.key")
    assert sealer.seal(NAME, context=b"c") != sealer.seal(NAME, context=b"c")


def test_token_moved_to_another_row_does_not_open(tmp_path: Path) -> None:
    sealer = Sealer.from_key_file(tmp_path / "seal.key")
    token = sealer.seal(NAME, context=b"application:1:name")
    with pytest.raises(SealError):
        sealer.open(token, context=b"application:2:name")


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "version"])
def test_tampered_token_does_not_open(tmp_path: Path, damage: str) -> None:
    sealer = Sealer.from_key_file(tmp_path / "seal.key")
    token = bytearray(sealer.seal(NAME, context=b"c"))
    if damage == "flip":
        token[-1] ^= 0x01
    elif damage == "truncate":
        del token[-5:]
    elif damage == "empty":
        token = bytearray()
    else:
        token[0] = 0x7F
    with pytest.raises(SealError):
        sealer.open(bytes(token), context=b"c")


def test_wrong_key_does_not_open(tmp_path: Path) -> None:
    token = Sealer.from_key_file(tmp_path / "a.key").seal(NAME, context=b"c")
    with pytest.raises(SealError):
        Sealer.from_key_file(tmp_path / "b.key").open(token, context=b"c")


def test_key_file_created_private_and_reused(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "seal.key"
    token = Sealer.from_key_file(path).seal(NAME, context=b"c")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.stat().st_size == KEY_BYTES
    assert Sealer.from_key_file(path).open(token, context=b"c") == NAME  # the same key after a restart


def test_key_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "seal.key"
    Sealer.from_key_file(path)
    os.chmod(path, 0o644)
    with pytest.raises(KeyFileError, match=str(path)) as caught:
        Sealer.from_key_file(path)
    assert "chmod 600" in str(caught.value)


def test_key_file_of_wrong_size_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "seal.key"
    path.write_bytes(b"short")
    os.chmod(path, 0o600)
    with pytest.raises(KeyFileError, match=rf"{path}.*5 bytes.*32"):
        Sealer.from_key_file(path)


def test_key_path_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match=str(tmp_path)):
        Sealer.from_key_file(tmp_path)


class TpmLikeProvider:
    """What a TPM-backed provider looks like to the Sealer: it hands over the unsealed data key."""

    def __init__(self) -> None:
        self.calls = 0

    def data_key(self) -> bytes:
        self.calls += 1
        return bytes(range(KEY_BYTES))


def test_key_provider_hook(tmp_path: Path) -> None:
    provider = TpmLikeProvider()
    assert isinstance(provider, KeyProvider)
    sealer = Sealer(provider)
    assert Sealer(TpmLikeProvider()).open(sealer.seal(NAME, context=b"c"), context=b"c") == NAME


def test_key_provider_with_wrong_size_key_is_refused() -> None:
    class Bad:
        def data_key(self) -> bytes:
            return b"x" * 16

    with pytest.raises(KeyFileError, match="32"):
        Sealer(Bad())


def test_repr_does_not_show_the_key(tmp_path: Path) -> None:
    path = tmp_path / "seal.key"
    sealer = Sealer.from_key_file(path)
    assert path.read_bytes().hex() not in repr(sealer)
