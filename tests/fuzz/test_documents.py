"""Structured property tests of the file and text targets: the shipped configuration and definitions with
values replaced, keys dropped and added; pickup codes signed over any body; damaged photos."""

from __future__ import annotations

import base64
import tomllib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from flows.pickup import PREFIX
from fuzz import documents
from fuzz.documents import PICKUP_KEY
from tests.fuzz.conftest import fuzz_settings
from tests.fuzz.strategies import (
    deep_json,
    edited_document,
    json_bytes,
    json_values,
    mutated_seed,
    toml_document,
)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = tomllib.loads((ROOT / "kiosk" / "config" / "example.toml").read_text(encoding="utf-8"))
DEFINITIONS = [tomllib.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "flows" / "definitions").glob("*.toml"))]
KEY_PATHS = ["UI__IDLE_TIMEOUT_S", "UI__LANGUAGE", "CENTRAL__URL", "DEVICES__PRINTER__PORT", "DEVICES__LOCKERS",
             "DEVICES", "TERMINAL", "UI", "DEVICES__X__DRIVER", "LOG__LEVEL", "MAINTENANCE__TECHNICIAN_CARDS", ""]


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


@fuzz_settings(3000)
@given(edited_document(EXAMPLE))
def test_config_toml_with_values_replaced(document: dict) -> None:
    documents.target_config_toml(toml_document(document))


@fuzz_settings(3000)
@given(st.sampled_from(KEY_PATHS), st.one_of(st.text(max_size=30), st.sampled_from(
    ["90", "true", "[1, 2]", "{ a = 1 }", '"x"', "nan", "inf", "1e999", "[[]]", "'''", "x = 1"])))
def test_config_env_overrides_with_any_value(name: str, value: str) -> None:
    documents.target_config_env(f"{name}={value}".encode())


@fuzz_settings(3000)
@given(st.sampled_from(DEFINITIONS).flatmap(edited_document))
def test_service_definition_with_values_replaced(document: dict) -> None:
    documents.target_service_definition(toml_document(document))


bodies = st.one_of(st.binary(max_size=64), json_values.map(json_bytes), st.integers(1, 5000).map(deep_json),
                   st.builds(lambda a, h, t: json_bytes({"a": a, "h": h, "t": t}), json_values, json_values,
                             json_values))


@fuzz_settings(500, examples=2)
@given(bodies, st.sampled_from(["", " ", "\n", ".x"]))
def test_pickup_code_signed_over_any_body(body: bytes, tail: str) -> None:
    """Behind a genuine signature lies whatever the platform signed: still a claim or None, never a crash."""
    documents.target_pickup_code(f"{PREFIX}.{b64(body)}.{b64(PICKUP_KEY.sign(body))}{tail}".encode())


@fuzz_settings(500)
@given(st.lists(st.sampled_from(["KP1", ".", "", "A", "-_", "=", "==", "é", "\x00", " "]), max_size=12).map("".join))
def test_pickup_code_texts_almost_codes(text: str) -> None:
    documents.target_pickup_code(text.encode())


@fuzz_settings(2000)
@given(mutated_seed("registry_photo"))
def test_registry_photo_damaged_images(data: bytes) -> None:
    documents.target_registry_photo(data)
