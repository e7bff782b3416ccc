"""Hypothesis strategies shared by the fuzz tests: mutated seeds, JSON and TOML documents with odd values."""

from __future__ import annotations

import functools
import json
import math
from typing import Any

from hypothesis import strategies as st

from fuzz.seed import seeds


@functools.cache
def seed_inputs() -> dict[str, list[bytes]]:
    return seeds()


@st.composite
def mutated(draw: st.DrawFn, base: bytes | st.SearchStrategy[bytes]) -> bytes:
    """`base` with a few random edits: bits flipped, bytes set, cut, inserted or repeated."""
    data = bytearray(draw(base) if isinstance(base, st.SearchStrategy) else base)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(("flip", "set", "cut", "insert", "repeat", "truncate")))
        if op == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and at < len(data):
            data[at] = draw(st.sampled_from((0x00, 0xFF, 0x7F, 0x80, 0x0D, 0x0A, 0x02, 0x03, 0xAA)))
        elif op == "cut":
            del data[at:at + draw(st.integers(1, 16))]
        elif op == "insert":
            data[at:at] = draw(st.binary(max_size=16))
        elif op == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 64))]
        elif op == "truncate":
            del data[at:]
    return bytes(data)


def mutated_seed(target: str) -> st.SearchStrategy[bytes]:
    return mutated(st.sampled_from(seed_inputs()[target]))


#: JSON-ish values, including what JSON allows and parsers tend to forget: huge and special numbers,
#: deep nesting, lone surrogates in text, empty containers
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-2**70, 2**70),
                    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
                    st.text(alphabet=st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=2))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def json_bytes(value: Any) -> bytes:
    """JSON as a server or a file might write it (NaN and Infinity included, ASCII escapes)."""
    return json.dumps(value).encode()


def deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def toml_value(value: Any) -> str:
    """One TOML value, inline (tables as inline tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value))


def toml_document(document: dict[str, Any]) -> bytes:
    """A TOML file: one table per top-level table (so problems have lines), inline below that."""
    lines = [f"{json.dumps(k)} = {toml_value(v)}" for k, v in document.items() if not isinstance(v, dict)]
    for name, table in document.items():
        if isinstance(table, dict):
            lines.append(f"[{json.dumps(name)}]")
            lines += [f"{json.dumps(k)} = {toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines).encode()


toml_scalars = st.one_of(st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(), st.text(max_size=30),
                         st.sampled_from(["", "/dev/ttyUSB0", "sim", "https://x", "zh", "en", "../../etc"]))
toml_values = st.recursive(toml_scalars, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


@st.composite
def edited_document(draw: st.DrawFn, document: dict[str, Any]) -> dict[str, Any]:
    """`document` with some values replaced, some keys removed and some added, at any depth."""
    def edit(node: Any, depth: int) -> Any:
        if not isinstance(node, dict) or depth > 3:
            return draw(toml_values) if draw(st.integers(0, 5)) == 0 else node
        out = {}
        for key, value in node.items():
            if draw(st.integers(0, 12)) != 0:  # mostly kept
                out[key] = edit(value, depth + 1)
        if draw(st.integers(0, 6)) == 0:
            out[draw(st.text(min_size=1, max_size=10))] = draw(toml_values)
        return out
    return edit(document, 0)
