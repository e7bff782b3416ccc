"""The registry of reference photos: seeded from a folder of JPEGs named by ID number (tests/data/faces has
the photos), asked by ID number in the request body; an unknown number is a clear registry.not_found, and a
folder with a badly named or broken file stops the server with an error naming that file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sync.central import CentralServer
from sync.central.registry import RegistryError
from sync.client import server_code
from sync.errors import Ok, SyncFailure
from tests.sync.conftest import make_client

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"
ID_NUMBER = "110101199001010015"
UNKNOWN_ID = "11010119900307803X"


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    folder = tmp_path / "registry"
    folder.mkdir()
    shutil.copy(FACES / "obama.jpg", folder / f"{ID_NUMBER}.jpg")
    shutil.copy(FACES / "README.md", folder / "README.md")  # not a photo: ignored
    return folder


def test_the_reference_photo_comes_back_byte_for_byte(tmp_path: Path, registry: Path) -> None:
    with CentralServer(tmp_path / "c.db", port=0, registry=registry) as server:
        client = make_client(server.url)
        assert client.registry_photo(ID_NUMBER) == Ok((FACES / "obama.jpg").read_bytes())
        assert client.registry_photo(ID_NUMBER.lower()) == Ok((FACES / "obama.jpg").read_bytes())


def test_an_unknown_id_number_is_not_found(tmp_path: Path, registry: Path) -> None:
    with CentralServer(tmp_path / "c.db", port=0, registry=registry) as server:
        client = make_client(server.url)
        missing = client.registry_photo(UNKNOWN_ID)
        assert isinstance(missing, SyncFailure) and missing.code == "registry.not_found"
        assert missing.status == 404 and UNKNOWN_ID not in missing.detail
        bad = client.registry_photo("12345")
        assert isinstance(bad, SyncFailure) and server_code(bad) == "registry.bad_id_number"


def test_without_a_registry_every_photo_is_not_found(client) -> None:
    missing = client.registry_photo(ID_NUMBER)
    assert isinstance(missing, SyncFailure) and missing.code == "registry.not_found"


@pytest.mark.parametrize(("name", "content", "says"), [
    ("obama.jpg", None, "must be named by an ID number"),
    (f"{UNKNOWN_ID}.jpg", b"GIF89a not a jpeg", "not a JPEG file"),
])
def test_a_bad_registry_file_is_named(tmp_path: Path, registry: Path, name: str, content: bytes | None,
                                      says: str) -> None:
    bad = registry / name
    bad.write_bytes(content if content is not None else (FACES / "obama.jpg").read_bytes())
    with pytest.raises(RegistryError, match=says) as raised:
        CentralServer(tmp_path / "c.db", port=0, registry=registry)
    assert str(bad) in str(raised.value)


def test_a_missing_registry_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="does not exist") as raised:
        CentralServer(tmp_path / "c.db", port=0, registry=tmp_path / "nowhere")
    assert "nowhere" in str(raised.value)
