"""Every fuzz target, with raw bytes and with its mutated seeds: only the documented outcomes, fast.

A target added to fuzz/targets.py is run here at once; the last tests make sure it also gets seeds and a
structured property test of its own, so a new parser cannot be left out of the fuzzing.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuzz.targets import TARGETS
from tests.fuzz import test_devices, test_documents, test_network
from tests.fuzz.conftest import fuzz_settings
from tests.fuzz.strategies import mutated_seed, seed_inputs

SLOW = {"service_definition": 3, "config_toml": 3, "config_env": 3, "central_batches": 3, "registry_photo": 2}


@pytest.mark.parametrize("name", list(TARGETS))
def test_raw_bytes_give_only_documented_outcomes(name: str) -> None:
    @fuzz_settings(500 * SLOW.get(name, 1))
    @given(st.binary(max_size=2048))
    def run(data: bytes) -> None:
        TARGETS[name](data)

    run()


@pytest.mark.parametrize("name", list(TARGETS))
def test_mutated_seeds_give_only_documented_outcomes(name: str) -> None:
    @fuzz_settings(500 * SLOW.get(name, 1))
    @given(mutated_seed(name))
    def run(data: bytes) -> None:
        TARGETS[name](data)

    run()


@pytest.mark.parametrize("name", list(TARGETS))
def test_seeds_are_accepted_and_in_the_corpus(name: str) -> None:
    inputs = seed_inputs()[name]
    assert inputs, f"fuzz/seed.py makes no seed for {name}"
    for data in inputs:
        TARGETS[name](data)
    corpus = Path(__file__).resolve().parents[2] / "fuzz" / "corpus" / name
    kept = sorted(p.read_bytes() for p in corpus.glob("seed-*"))
    assert kept == sorted(inputs), f"fuzz/corpus/{name} is stale: run `python -m fuzz.seed`"


def test_every_target_has_a_structured_property_test() -> None:
    tests = [name for module in (test_devices, test_documents, test_network)
             for name, fn in inspect.getmembers(module, inspect.isfunction)
             if name.startswith("test_") and hasattr(fn, "hypothesis")]
    missing = [t for t in TARGETS if not any(name.startswith(f"test_{t}") for name in tests)]
    assert not missing, f"targets without a structured hypothesis test (test_<target>_...): {missing}"
