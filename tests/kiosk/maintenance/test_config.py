"""The [maintenance] table: a hash line that is not one is refused at start, naming the file and line."""

import pytest

from kiosk.config import ConfigError, load_config
from tests.kiosk.maintenance.secrets import PIN_HASH


def test_defaults_have_pin_entry_off_and_reports_in_the_data_folder():
    config = load_config(env={})
    m = config.maintenance
    assert (m.pin_hash, m.technician_cards, m.report_dir) == (None, [], None)
    assert (m.idle_timeout_s, m.lockout_base_s, m.lockout_cap_s) == (300, 60, 3600)


def test_a_good_hash_is_accepted(tmp_path):
    (tmp_path / "k.toml").write_text(f'[maintenance]\npin_hash = "{PIN_HASH}"\n', encoding="utf-8")
    assert load_config(tmp_path / "k.toml", env={}).maintenance.pin_hash == PIN_HASH


@pytest.mark.parametrize(("body", "line", "words"), [
    ('[maintenance]\n\npin_hash = "2580"\n', 3, "pin_hash: expected a hash line from `kiosk pin-hash`"),
    ('[maintenance]\ntechnician_cards = ["04A1B2"]\n', 2, "expected a list of hash lines"),
    ("[maintenance]\nlockout_base_s = 5\n", 2, "lockout_base_s: expected a whole number of seconds"),
    ("[maintenance]\n\nlockout_cap_s = 10\n", 3, "lockout_cap_s: expected a whole number of seconds"),
])
def test_a_bad_value_is_refused_naming_the_file_and_line(tmp_path, body, line, words):
    path = tmp_path / "k.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert str(caught.value).startswith(f"{path}:{line}: [maintenance] ")
    assert words in str(caught.value)
