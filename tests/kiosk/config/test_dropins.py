"""Drop-ins: kiosk.d/*.toml beside kiosk.toml, read in name order and merged over it key by key, so a tool
(`kiosk provision`) adds settings without rewriting the installer's file; every problem names the file
that wrote the key, and its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import ConfigError, load_config


@pytest.fixture(autouse=True)
def no_system_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(paths, "DEFAULT_CONFIG_PATH", tmp_path / "absent" / "kiosk.toml")


@pytest.fixture
def etc(tmp_path: Path) -> Path:
    folder = tmp_path / "etc-kiosk"
    (folder / "kiosk.d").mkdir(parents=True)
    (folder / "kiosk.toml").write_text('[ui]\nlanguage = "en"\nidle_timeout_s = 90\n\n[central]\n'
                                       'url = "https://central.example/api"\ntimeout_s = 8.0\n', encoding="utf-8")
    return folder


def dropin(etc: Path, name: str, text: str) -> Path:
    path = etc / "kiosk.d" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_drop_ins_merge_key_by_key_in_name_order(etc: Path) -> None:
    dropin(etc, "50-provisioned.toml", '[terminal]\nterminal_id = "t-50"\n\n[central]\nclient_cert = "/c.pem"\n'
                                       'client_key = "/c.key"\n')
    dropin(etc, "90-local.toml", '[terminal]\nterminal_id = "t-90"\n\n[ui]\nidle_timeout_s = 120\n')
    dropin(etc, "README", "not toml, not read")
    config = load_config(etc / "kiosk.toml", env={})
    assert config.terminal.terminal_id == "t-90"  # the later file wins a key
    assert (config.ui.language, config.ui.idle_timeout_s) == ("en", 120)  # other keys of the table stay
    assert (config.central.url, config.central.timeout_s) == ("https://central.example/api", 8.0)
    assert config.central.client_cert == "/c.pem"
    assert config.source == (f"{etc / 'kiosk.toml'} + {etc / 'kiosk.d' / '50-provisioned.toml'}, "
                             f"{etc / 'kiosk.d' / '90-local.toml'}")


def test_environment_overrides_still_win(etc: Path) -> None:
    dropin(etc, "50-a.toml", "[ui]\nidle_timeout_s = 120\n")
    assert load_config(etc / "kiosk.toml", env={"KIOSK__UI__IDLE_TIMEOUT_S": "30"}).ui.idle_timeout_s == 30


def test_a_bad_key_in_a_drop_in_names_the_drop_in_and_its_line(etc: Path) -> None:
    path = dropin(etc, "50-provisioned.toml", '[terminal]\nterminal_id = "t-1"\n\n[central]\nca_fil = "/x.pem"\n')
    with pytest.raises(ConfigError) as info:
        load_config(etc / "kiosk.toml", env={})
    assert (info.value.file, info.value.line) == (str(path), 5)
    assert str(info.value).startswith(f"{path}:5: [central] ca_fil: unknown key")


def test_a_wrong_value_is_placed_in_the_file_that_set_it_last(etc: Path) -> None:
    path = dropin(etc, "50-a.toml", "# a comment\n[ui]\nidle_timeout_s = 5\n")
    with pytest.raises(ConfigError) as info:
        load_config(etc / "kiosk.toml", env={})
    assert str(info.value).startswith(f"{path}:3: [ui] idle_timeout_s: expected a whole number")


def test_problems_in_several_files_come_file_by_file(etc: Path) -> None:
    (etc / "kiosk.toml").write_text("[ui]\nlanguage = \"fr\"\n", encoding="utf-8")
    path = dropin(etc, "50-a.toml", "[central]\ntimeout_s = 600.0\n")
    with pytest.raises(ConfigError) as info:
        load_config(etc / "kiosk.toml", env={})
    where = [(p.file, p.line) for p in info.value.problems]
    assert where == [(str(etc / "kiosk.toml"), 2), (str(path), 2)]


def test_a_drop_in_that_is_not_toml_names_its_line(etc: Path) -> None:
    path = dropin(etc, "50-a.toml", "[ui]\nlanguage = \n")
    with pytest.raises(ConfigError) as info:
        load_config(etc / "kiosk.toml", env={})
    assert (info.value.file, info.value.line) == (str(path), 2)
    assert "not valid TOML" in str(info.value)


def test_drop_ins_apply_without_a_kiosk_toml_beside_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "bare"
    (folder / "kiosk.d").mkdir(parents=True)
    monkeypatch.setattr(paths, "DEFAULT_CONFIG_PATH", folder / "kiosk.toml")
    dropin(folder, "50-provisioned.toml", '[terminal]\nterminal_id = "t-bare"\n')
    config = load_config(env={})
    assert config.terminal.terminal_id == "t-bare"
    assert config.source == f"built-in defaults + {folder / 'kiosk.d' / '50-provisioned.toml'}"


def test_a_drop_in_folder_that_cannot_be_read_is_named(etc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kiosk user meets this when the folder is root's alone (tests run as root, whom the kernel never
    refuses: the refusal is made at the file-system boundary)."""
    listing = Path.iterdir

    def refused(self: Path):
        if self == etc / "kiosk.d":
            raise PermissionError(13, "Permission denied")
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", refused)
    with pytest.raises(ConfigError) as info:
        load_config(etc / "kiosk.toml", env={})
    assert str(info.value) == f"{etc / 'kiosk.d'}: the drop-in folder cannot be read (Permission denied)"
