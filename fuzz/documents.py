"""Fuzz targets for text and files from outside: the configuration, service definitions, scanned pickup codes
and registry photos.

The configuration and the definitions are read from a real file (the loaders take a path, and reading the
bytes is part of what they check: UTF-8, TOML); one scratch folder per process holds it.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from drivers.errors import Ok
from drivers.face.imagefile import decode_image
from flows.definition import Definition
from flows.i18n import flow_catalogues, known_ids
from flows.loader import load_definition
from flows.paths import assets_dir, icon_names
from flows.pickup import PickupClaim, read_code, record_is_genuine
from flows.ports import PickupRecord
from flows.problems import DefinitionError
from fuzz.harness import MAX_INPUT, ScriptedTransport, expect, expect_result
from kiosk.config import ConfigError, load_config
from kiosk.config.schema import Config
from sync.client import CentralClient
from sync.transport import HttpResponse

#: the pickup key pair of the fuzz runs (fixed, so a found input replays): a platform's key, not a secret
PICKUP_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PICKUP_PUBLIC = PICKUP_KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@functools.cache
def scratch() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="kiosk-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@functools.cache
def _definition_context() -> tuple[frozenset[str], frozenset[str]]:
    return known_ids(flow_catalogues(assets_dir() / "i18n")), icon_names()


def _write(name: str, data: bytes) -> Path:
    path = scratch() / name
    path.write_bytes(data)
    return path


def target_config_toml(data: bytes) -> None:
    """kiosk.toml (kiosk/config/load.py): a Config, or ConfigError whose every problem names the file."""
    path = _write("kiosk.toml", data[:MAX_INPUT])
    try:
        config = load_config(path, env={})
    except ConfigError as e:
        expect(e.problems and all(p.file == str(path) for p in e.problems), "a problem without the file")
        str(e)
        return
    expect(isinstance(config, Config), "load_config gave no Config")


def target_config_env(data: bytes) -> None:
    """KIOSK__ environment overrides (kiosk/config/overrides.py): name and value from the fuzz bytes, read
    over the built-in defaults: a Config, or ConfigError naming the variable."""
    text = data[:4096].decode("utf-8", "replace").replace("\x00", "")
    name, _, value = text.partition("=")
    var = "KIOSK__" + name.upper()
    path = _write("empty.toml", b"")
    try:
        config = load_config(path, env={var: value})
    except ConfigError as e:
        expect(all(p.env_var == var or p.file == str(path) for p in e.problems), "a problem not placed")
        str(e)
        return
    expect(isinstance(config, Config), "load_config gave no Config")


def target_service_definition(data: bytes) -> None:
    """A service definition file (flows/loader.py): a Definition, or DefinitionError whose every problem
    names the file."""
    path = _write("fuzzed_service.toml", data[:MAX_INPUT])
    ids, icons = _definition_context()
    try:
        definition = load_definition(path, ids=ids, icons=icons)
    except DefinitionError as e:
        expect(e.problems and all(p.file == str(path) for p in e.problems), "a problem without the file")
        str(e)
        return
    expect(isinstance(definition, Definition), "load_definition gave no Definition")


def target_pickup_code(data: bytes) -> None:
    """A scanned pickup QR code (flows/pickup.py read_code): the claim of a genuine code, or None. The bytes
    are the scanned text; a record built from them must not pass as genuine unless signed."""
    text = data[:4096].decode("utf-8", "replace")
    claim = read_code(text, PICKUP_PUBLIC)
    expect(claim is None or isinstance(claim, PickupClaim), "read_code gave neither a claim nor None")
    expect(read_code(text, data[:32]) is None or len(data) >= 32, "a code verified with a short key")
    record = PickupRecord(text[:40], len(text), text[40:56], data[-64:])
    expect(record_is_genuine(record, PICKUP_PUBLIC) in (True, False), "record_is_genuine gave no bool")


def target_registry_photo(data: bytes) -> None:
    """The registry's reference photo as the kiosk gets it: the platform's answer body through
    CentralClient.registry_photo (only a JPEG passes: sync.bad_response otherwise), then decode_image
    (drivers/face/imagefile.py): an image, or Failure face.image_unreadable."""
    client = CentralClient(ScriptedTransport([HttpResponse(200, {}, data[:MAX_INPUT])]), terminal_id="t-fuzz")
    answer = client.registry_photo("110101199003070011")
    expect_result(answer, {"sync.bad_response"})
    if not isinstance(answer, Ok):
        return
    result = decode_image(answer.value, "the reference photo")
    expect_result(result, {"face.image_unreadable"})
    if isinstance(result, Ok):
        expect(result.value.ndim == 3 and result.value.shape[2] == 3, "not a colour image")
