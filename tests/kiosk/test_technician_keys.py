"""The technician card keys file ([maintenance] technician_keys): what an installer writes, and what the kiosk
says when it is wrong (the file and line, never a key)."""

# ruff: noqa: F401, F811
import pytest

from kiosk.config import load_config
from kiosk.pcsc_setup import configured_keys, load_technician_keys
from tests.kiosk.pcsc_fixtures import kiosk_events

KEY_HEX = "00112233445566778899aabbccddeeff0123456789abcdef"


def keys_file(tmp_path, text, mode=0o600):
    path = tmp_path / "technician-keys.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def test_a_file_of_ids_and_hex_keys_is_read(tmp_path):
    path = keys_file(tmp_path, f'# technicians of hall 3\n"T-0042" = "{KEY_HEX}"\nT-0007 = "{KEY_HEX.upper()}"\n')
    keys = load_technician_keys(path).value
    assert keys.keys == {"T-0042": bytes.fromhex(KEY_HEX), "T-0007": bytes.fromhex(KEY_HEX)}
    assert KEY_HEX not in repr(keys)


@pytest.mark.parametrize(("text", "where", "says"), [
    (f'"T-0042" = "{KEY_HEX}"\n"T-0043" = "{KEY_HEX[:30]}"\n', 2, "the key has 15 bytes; it needs at least 16"),
    (f'"T-0042" = "{KEY_HEX}"\n\n"T-0043" = "{KEY_HEX[:-1]}z"\n', 3, "'T-0043': the key is not hex digits"),
    ('"T-0042" = 0x0011\n', 1, "the key is a text of hex digits, in quotes"),
    (f'"T-0042" = "{KEY_HEX}"\n"T-0042 has a name far too long for a card" = "{KEY_HEX}"\n', 2,
     "a technician id is 1-32 printable ASCII characters"),
    (f'"T-0042" = "{KEY_HEX}\n', 1, "not valid TOML"),
])
def test_a_wrong_line_is_named_and_its_key_never_shown(tmp_path, text, where, says):
    path = keys_file(tmp_path, text)
    refused = load_technician_keys(path)
    assert refused.code == "maintenance.technician_keys_invalid"
    assert refused.detail.startswith(f"{path}:{where}: ") and says in refused.detail
    assert KEY_HEX[:30] not in refused.detail


def test_a_keys_file_others_may_read_is_refused(tmp_path):
    refused = load_technician_keys(keys_file(tmp_path, f'"T-0042" = "{KEY_HEX}"\n', mode=0o644))
    assert refused.code == "maintenance.technician_keys_invalid"
    assert "other users may read it (mode 0644)" in refused.detail and "chmod 600" in refused.detail


def test_a_missing_file_is_unreadable(tmp_path):
    refused = load_technician_keys(tmp_path / "nowhere.toml")
    assert refused.code == "maintenance.technician_keys_unreadable"
    assert str(tmp_path / "nowhere.toml") in refused.detail and "No such file" in refused.detail


def config_with_keys(tmp_path, keys_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(f'[maintenance]\ntechnician_keys = "{keys_path}"\n', encoding="utf-8")
    return load_config(path, env={})


def test_the_configured_file_gives_the_kiosk_its_keys(tmp_path):
    config = config_with_keys(tmp_path, keys_file(tmp_path, f'"T-0042" = "{KEY_HEX}"\n'))
    assert set(configured_keys(config.maintenance).keys) == {"T-0042"}


def test_a_refused_file_is_logged_and_no_technician_card_is_accepted(tmp_path, kiosk_events):
    path = keys_file(tmp_path, f'"T-0042" = "{KEY_HEX[:8]}"\n')
    keys = configured_keys(config_with_keys(tmp_path, path).maintenance)
    assert keys.keys == {}
    event = kiosk_events.wait_for("maintenance.technician_keys_refused")[0]
    assert (event["level"], event["code"], event["path"]) == ("error", "maintenance.technician_keys_invalid",
                                                              str(path))
    assert f"{path}:1:" in event["detail"] and KEY_HEX[:8] not in str(event)


def test_without_a_keys_file_the_kiosk_holds_no_keys(tmp_path):
    assert load_config(None, env={}).maintenance.technician_keys is None
    assert configured_keys(load_config(None, env={}).maintenance).keys == {}
