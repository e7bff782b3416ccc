"""`kiosk flows check` and `kiosk flows list --json`, as a person writing definitions uses them."""

import json

from kiosk.cli import main
from tests.flows.conftest import definitions_dir


def test_check_passes_the_shipped_definitions(capsys):
    assert main(["flows", "check"]) == 0
    assert "6 definition(s) checked, 0 problem(s)" in capsys.readouterr().err


def test_check_names_file_line_and_step(tmp_path, capsys):
    text = (definitions_dir() / "queue_ticket.toml").read_text(encoding="utf-8")
    broken = tmp_path / "queue_ticket.toml"
    broken.write_text(text.replace('type = "take_ticket"', 'type = "take_tiket"'), encoding="utf-8")
    line = next(n for n, s in enumerate(broken.read_text().splitlines(), 1) if "take_tiket" in s)
    assert main(["flows", "check", str(broken), str(definitions_dir() / "rating.toml")]) == 1
    out = capsys.readouterr()
    assert out.out.startswith(f"{broken}:{line}: step 'take': unknown step type 'take_tiket'")
    assert "2 definition(s) checked" in out.err


def test_check_of_a_missing_file_fails(tmp_path, capsys):
    assert main(["flows", "check", str(tmp_path / "nothing.toml")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_list_json(capsys):
    assert main(["flows", "list", "--json"]) == 0
    services = {s["id"]: s for s in json.loads(capsys.readouterr().out)}
    replace = services["id_card_replace"]
    assert (replace["title"], replace["department"], replace["needs_network"], replace["fee_fen"]) == (
        "service.id_card_replace", "public_security", True, 2000)
    assert {"name": "happy", "expect": "done"}.items() <= replace["demo_scripts"][0].items()
    assert set(services) == {"id_card_replace", "id_card_pickup", "id_photo", "queue_ticket", "forms", "rating"}
