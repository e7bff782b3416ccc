"""`kiosk pin-hash`: the line it prints goes into kiosk.toml as it is, and the PIN is asked twice unseen."""

import getpass
import io
import sys

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from kiosk.maintenance.pin import parse_hash, verify


def run(monkeypatch, capsys, argv, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["pin-hash", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_printed_line_is_accepted_by_the_configuration_and_verifies(monkeypatch, capsys, tmp_path):
    code, out, _ = run(monkeypatch, capsys, ["--stdin"], "739164\n")
    assert code == 0 and out.startswith('pin_hash = "$scrypt$ln=14,')
    (tmp_path / "kiosk.toml").write_text("[maintenance]\n" + out, encoding="utf-8")
    config = load_config(tmp_path / "kiosk.toml", env={})
    assert verify("739164", parse_hash(config.maintenance.pin_hash))
    assert "739164" not in out


def test_a_card_id_goes_into_the_list_of_technician_cards(monkeypatch, capsys, tmp_path):
    code, out, _ = run(monkeypatch, capsys, ["--stdin", "--card"], "04A1B2C3D4E5F6\n")
    assert code == 0
    (tmp_path / "kiosk.toml").write_text("[maintenance]\n" + out, encoding="utf-8")
    config = load_config(tmp_path / "kiosk.toml", env={})
    assert verify("04A1B2C3D4E5F6", parse_hash(config.maintenance.technician_cards[0]))


@pytest.mark.parametrize(("pin", "why"),
                         [("12a4", "digits only"), ("1111", "repeated digit"), ("", "digits only")])
def test_a_weak_or_malformed_pin_is_refused_with_the_reason(monkeypatch, capsys, pin, why):
    code, out, err = run(monkeypatch, capsys, ["--stdin"], pin + "\n")
    assert code == 2 and out == "" and why in err


def test_typed_pins_are_asked_twice_without_echo_and_must_match(monkeypatch, capsys):
    # getpass reads the terminal itself; the terminal is the boundary we cannot reach from a test
    answers = iter(["739164", "739165"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt: next(answers))
    code, out, err = run(monkeypatch, capsys, [])
    assert code == 2 and out == "" and "differ" in err

    answers = iter(["739164", "739164"])
    code, out, _ = run(monkeypatch, capsys, [])
    assert code == 0 and verify("739164", parse_hash(out.split('"')[1]))
