"""PIN hashing: salted scrypt, the line the configuration holds, and the checks on a chosen PIN."""

import pytest

from kiosk.maintenance.pin import BadHashLine, hash_secret, parse_hash, pin_problem, verify


def test_a_pin_verifies_against_its_own_hash_only():
    stored = parse_hash(hash_secret("2580", ln=10).line())
    assert verify("2580", stored)
    assert not verify("2581", stored)
    assert not verify("25800", stored)
    assert not verify("", stored)


def test_the_same_pin_hashes_differently_each_time():
    first, second = hash_secret("2580", ln=10), hash_secret("2580", ln=10)
    assert first.salt != second.salt and first.key != second.key
    assert verify("2580", second)


def test_the_line_carries_its_parameters_and_defaults_are_strong():
    line = hash_secret("2580").line()
    assert line.startswith("$scrypt$ln=14,r=8,p=1$")
    assert parse_hash(line) == parse_hash(line + "\n")
    assert "2580" not in line


def test_the_key_stays_out_of_reprs():
    stored = hash_secret("2580", ln=10)
    assert repr(stored) == "SecretHash(ln=10, r=8, p=1)"


@pytest.mark.parametrize(("line", "why"), [
    ("2580", "not a scrypt hash line"),
    ("$2b$12$abcdefghijklmnopqrstuv", "not a scrypt hash line"),
    ("$scrypt$ln=4,r=8,p=1$c2FsdHNhbHQ=$" + "A" * 43 + "=", "outside ln 10-20"),
    ("$scrypt$ln=14,r=8,p=1$c2FsdA==$" + "A" * 43 + "=", "at least 8 bytes"),
    ("$scrypt$ln=14,r=8,p=1$c2FsdHNhbHQ=$QUJD", "the key 32"),
])
def test_a_damaged_line_says_what_is_wrong(line, why):
    with pytest.raises(BadHashLine, match=why):
        parse_hash(line)


@pytest.mark.parametrize(("pin", "problem"), [
    ("2580", None), ("739164", None), ("123456789012", "a run"),
    ("12a4", "digits only"), ("２５８０", "digits only"), ("258", "4 to 12 digits"), ("1" * 13, "4 to 12"),
    ("0000", "one repeated digit"), ("1234", "a run"), ("9876", "a run"),
])
def test_a_chosen_pin_is_checked(pin, problem):
    found = pin_problem(pin)
    assert (found is None) if problem is None else (problem in found)
