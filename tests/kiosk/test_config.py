"""kiosk.config and kiosk.paths: loading, validation messages, environment overrides, the example file."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
import pydantic
import pytest

from kiosk import paths
from kiosk.config import DEVICE_KINDS, Config, ConfigError, load_config
from kiosk.config.locate import Location, locate, split_key
from kiosk.config.overrides import parse_value
from kiosk.config.schema import Settings

EXAMPLE = Path(__file__).resolve().parents[2] / "kiosk" / "config" / "example.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def no_system_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never read this machine's /etc/kiosk/kiosk.toml."""
    monkeypatch.setattr(paths, "DEFAULT_CONFIG_PATH", tmp_path / "etc-kiosk-absent.toml")


def error_of(path: Path | None, env: dict[str, str] | None = None, **kw: bool) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(path, env=env or {}, **kw)
    return info.value


# --- paths -----------------------------------------------------------------------------------------------


def test_data_dir_override_wins() -> None:
    assert paths.data_dir("/srv/kiosk") == Path("/srv/kiosk")


def test_data_dir_default_depends_on_user() -> None:
    expected = Path("/var/lib/kiosk") if os.geteuid() == 0 else Path(platformdirs.user_data_dir("kiosk"))
    assert paths.data_dir() == expected


def test_assets_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KIOSK_ASSETS_DIR", raising=False)
    assert paths.assets_dir() == Path(__file__).resolve().parents[2] / "assets"
    monkeypatch.setenv("KIOSK_ASSETS_DIR", str(tmp_path))
    assert paths.assets_dir() == tmp_path


# --- where the configuration comes from ---------------------------------------------------------------------


def test_no_file_gives_builtin_defaults() -> None:
    config = load_config(env={})
    assert config.source == "built-in defaults"
    assert config == Config()
    assert sorted(config.devices) == sorted(DEVICE_KINDS)
    assert all(d.driver == "sim" and d.kind == name for name, d in config.devices.items())


def test_default_path_is_used_when_present(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\nlanguage = \"en\"\n")
    monkeypatch.setattr(paths, "DEFAULT_CONFIG_PATH", path)
    config = load_config(env={})
    assert config.ui.language == "en"
    assert config.source == str(path)


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    error = error_of(tmp_path / "nope.toml")
    assert str(error) == f"{tmp_path / 'nope.toml'}: the configuration file does not exist"
    assert error.file == str(tmp_path / "nope.toml")
    assert error.line is None


def test_example_file_equals_the_defaults() -> None:
    config = load_config(EXAMPLE, env={})
    assert config.model_dump(exclude={"source"}) == Config().model_dump(exclude={"source"})


def test_example_file_mentions_every_key() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    for section, field in Settings.model_fields.items():
        assert f"[{section}" in text
        model = field.annotation if section != "devices" else Config().devices["printer"].__class__
        for key in model.model_fields:  # type: ignore[union-attr]
            assert f"{key} = " in text, f"{section}.{key} is not in example.toml"


def test_values_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, """
[terminal]
terminal_id = "hall3-0007"
[ui]
idle_timeout_s = 90
large_text_timeout_factor = 3  # a whole number is a fine float
[central]
url = "https://central.example.gov.cn/api"
[devices.front_printer]
kind = "printer"
driver = "escpos-serial"
port = "/dev/serial/by-id/usb-printer"
speed = 115200
""")
    config = load_config(path, env={})
    assert config.terminal.terminal_id == "hall3-0007"
    assert config.ui.idle_timeout_s == 90
    assert config.ui.large_text_timeout_factor == 3.0
    assert config.central.url == "https://central.example.gov.cn/api"
    assert list(config.devices) == ["front_printer"]  # a [devices] table replaces the default set
    assert config.devices["front_printer"].speed == 115200


def test_config_is_frozen() -> None:
    config = Config()
    with pytest.raises(pydantic.ValidationError):
        config.ui.language = "en"  # type: ignore[misc]


# --- messages ---------------------------------------------------------------------------------------------


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\nlanguage = \"en\"\nvoice = = true\n")
    error = error_of(path)
    assert str(error).startswith(f"{path}:3: not valid TOML: ")
    assert (error.file, error.line) == (str(path), 3)


def test_wrong_type(tmp_path: Path) -> None:
    path = write(tmp_path, "[terminal]\nterminal_id = \"a\"\n\n[ui]\nidle_timeout_s = \"abc\"\n")
    error = error_of(path)
    assert str(error) == (f"{path}:5: [ui] idle_timeout_s: expected a whole number of seconds between 10 "
                          'and 600, got "abc"')
    assert error.key == "ui.idle_timeout_s"
    assert error.expected == "a whole number of seconds between 10 and 600"


@pytest.mark.parametrize("value, shown", [("\"90\"", '"90"'), ("true", "true"), ("9", "9"), ("601", "601"),
                                          ("60.0", "60.0")])
def test_strict_whole_numbers(tmp_path: Path, value: str, shown: str) -> None:
    error = error_of(write(tmp_path, f"[ui]\nidle_timeout_s = {value}\n"))
    assert str(error).endswith(f"got {shown}")


def test_unknown_key_lists_known_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\nlanguage = \"zh\"\ncolour = \"red\"\n")
    assert str(error_of(path)) == (
        f"{path}:3: [ui] colour: unknown key (known keys: language, idle_timeout_s, countdown_s, "
        "large_text_timeout_factor, voice, voice_engine, fullscreen, width, height)")


def test_unknown_section(tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\n[network]\nproxy = \"x\"\n")
    assert str(error_of(path)).startswith(
        f"{path}:2: network: unknown section (known sections: terminal, ui,")


def test_real_device_needs_a_port(tmp_path: Path) -> None:
    path = write(tmp_path, "[devices.printer]\nkind = \"printer\"\ndriver = \"escpos-serial\"\n")
    error = error_of(path)
    assert str(error) == (f'{path}:1: [devices.printer] port: a device with driver "escpos-serial" needs a '
                          "port (for example /dev/serial/by-id/...)")
    assert error.key == "devices.printer.port"


def test_device_errors(tmp_path: Path) -> None:
    path = write(tmp_path, """[devices.a]
kind = "kamera"
[devices.b]
driver = "sim"
[devices.c]
kind = "locker"
address = 256
""")
    assert str(error_of(path)).splitlines() == [
        f"{path}:2: [devices.a] kind: expected one of {', '.join(DEVICE_KINDS)}, got \"kamera\"",
        f"{path}:3: [devices.b] kind: missing; expected one of {', '.join(DEVICE_KINDS)}",
        f"{path}:7: [devices.c] address: expected a whole number between 0 and 255, got 256",
    ]


def test_url_must_be_http(tmp_path: Path) -> None:
    path = write(tmp_path, "[central]\nurl = \"ftp://central\"\n")
    assert str(error_of(path)) == (f'{path}:2: [central] url: expected an address starting with http:// or '
                                   'https://, got "ftp://central"')


def test_every_error_is_reported_in_line_order(tmp_path: Path) -> None:
    path = write(tmp_path, """[ui]
language = "fr"
countdown_s = 1
[central]
timeout_s = 100
[log]
level = "loud"
""")
    error = error_of(path)
    lines = str(error).splitlines()
    assert [line.split(":")[1] for line in lines] == ["2", "3", "5", "7"]
    assert (error.line, error.key) == (2, "ui.language")
    assert len(error.problems) == 4


# --- environment overrides -------------------------------------------------------------------------------


def test_env_overrides_single_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\nidle_timeout_s = 30\n")
    config = load_config(path, env={
        "KIOSK__UI__IDLE_TIMEOUT_S": "90",
        "KIOSK__UI__VOICE": "false",
        "KIOSK__DEVICES__PRINTER__PORT": "/dev/ttyUSB1",
        "KIOSK__DEVICES__PRINTER__DRIVER": "escpos-serial",
        "KIOSK__TERMINAL__TERMINAL_ID": '"007"',
        "KIOSK_NOT_OURS": "x", "PATH": "/usr/bin",
    })
    assert config.ui.idle_timeout_s == 90
    assert config.ui.voice is False
    assert config.terminal.terminal_id == "007"
    assert config.devices["printer"].port == "/dev/ttyUSB1"
    assert config.devices["printer"].driver == "escpos-serial"
    assert config.devices["camera"].driver == "sim"  # the other default devices stay


def test_env_errors_name_the_variable() -> None:
    error = error_of(None, {"KIOSK__UI__IDLE_TIMEOUT_S": "abc", "KIOSK__UI__COLOUR": "red"})
    lines = str(error).splitlines()
    assert lines[0] == ("environment variable KIOSK__UI__COLOUR: [ui] colour: unknown key (known keys: "
                        "language, idle_timeout_s, countdown_s, large_text_timeout_factor, voice, "
                        "voice_engine, fullscreen, width, height)")
    assert lines[1] == ("environment variable KIOSK__UI__IDLE_TIMEOUT_S: [ui] idle_timeout_s: expected a "
                        'whole number of seconds between 10 and 600, got "abc"')
    assert (error.env_var, error.file, error.line) == ("KIOSK__UI__COLOUR", None, None)


def test_env_errors_come_after_file_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "[ui]\nlanguage = \"fr\"\n")
    lines = str(error_of(path, {"KIOSK__CENTRAL__URL": "central"})).splitlines()
    assert lines[0].startswith(f"{path}:2: [ui] language")
    assert lines[1].startswith("environment variable KIOSK__CENTRAL__URL: [central] url")


@pytest.mark.parametrize("var", ["KIOSK__", "KIOSK__UI____VOICE", "KIOSK__UI__VOICE__LOUD"])
def test_env_malformed_names(var: str) -> None:
    assert str(error_of(None, {var: "1"})).startswith(f"environment variable {var}: ")


def test_env_new_device_needs_a_kind() -> None:
    error = error_of(None, {"KIOSK__DEVICES__SPARE__PORT": "/dev/ttyS0"})
    assert str(error).startswith(
        "environment variable KIOSK__DEVICES__SPARE__PORT: [devices.spare] kind: missing")


def test_parse_value() -> None:
    assert parse_value("90") == 90
    assert parse_value("true") is True
    assert parse_value("2.5") == 2.5
    assert parse_value('"90"') == "90"
    assert parse_value("/dev/ttyUSB1") == "/dev/ttyUSB1"
    assert parse_value("abc") == "abc"
    assert parse_value("1\nother = 2") == "1\nother = 2"  # one value only, never extra keys


# --- simulate ---------------------------------------------------------------------------------------------


def test_simulate_forces_every_driver_to_sim(tmp_path: Path) -> None:
    path = write(tmp_path, "[devices.printer]\nkind = \"printer\"\ndriver = \"escpos-serial\"\n")
    config = load_config(path, env={"KIOSK__DEVICES__LOCK__KIND": "locker",
                                    "KIOSK__DEVICES__LOCK__DRIVER": "rs485"}, simulate=True)
    assert {name: d.driver for name, d in config.devices.items()} == {"printer": "sim", "lock": "sim"}


# --- the locator ------------------------------------------------------------------------------------------

TOML = '''# a comment
title = "x"

[ui]
idle_timeout_s = 30
notes = """
idle_timeout_s = 1
"""
[devices."front printer"]
kind = "printer"
[devices.cam]
inline = { port = "/dev/video0" }
[central]
url.part = "x"
'''


@pytest.mark.parametrize("path, where", [
    (("title",), Location(2, 1)),
    (("ui",), Location(4, 1)),
    (("ui", "idle_timeout_s"), Location(5, 2)),
    (("ui", "countdown_s"), Location(4, 1)),  # not written: its table
    (("devices", "front printer", "kind"), Location(10, 3)),
    (("devices", "cam", "inline", "port"), Location(12, 3)),  # inside an inline table: the table's key
    (("central", "url", "part"), Location(14, 3)),
    (("log", "level"), None),
])
def test_locate(path: tuple[str, ...], where: Location | None) -> None:
    assert locate(TOML, path) == where


def test_split_key() -> None:
    assert split_key('devices . "my.printer".port') == ("devices", "my.printer", "port")
    assert split_key("a.'b c'") == ("a", "b c")


def test_a_driver_the_kind_does_not_have_is_named_with_the_known_ones(tmp_path: Path) -> None:
    path = write(tmp_path, "[devices.id]\nkind = \"id_reader\"\ndriver = \"escpos-serial\"\nport = \"/dev/x\"\n")
    assert str(error_of(path)) == (f'{path}:3: [devices.id] driver: a id_reader has no driver "escpos-serial"; '
                                   "known: sim, sam-serial")


def test_the_locker_wall_is_read_from_the_configuration(tmp_path: Path) -> None:
    path = write(tmp_path, """[devices.lockers]
kind = "locker"
family = "xor_8a80"
doors = [
  {door = 1, size = "S", board = 1, channel = 1},
  {door = 2, size = "L", board = 1, channel = 2},
]
""")
    device = load_config(path, env={}).devices["lockers"]
    assert device.family == "xor_8a80"
    assert device.wall() == {"doors": [{"door": 1, "size": "S", "board": 1, "channel": 1},
                                       {"door": 2, "size": "L", "board": 1, "channel": 2}]}


def test_locker_wall_mistakes_name_the_line_of_the_door(tmp_path: Path) -> None:
    path = write(tmp_path, """[devices.lockers]
kind = "locker"
doors = [
  {door = 1, size = "S", board = 0, channel = 1},
  {door = 2, size = "XL", board = 0, channel = 2},
]
[devices.wall2]
kind = "locker"
doors = [
  {door = 1, size = "S", board = 0, channel = 1},
  {door = 2, size = "S", board = 0, channel = 1},
]
[devices.printer]
kind = "printer"
family = "kerong_cu16"
""")
    assert str(error_of(path)).splitlines() == [
        f'{path}:5: [devices.lockers] doors.1.size: expected "S", "M" or "L", got "XL"',
        f"{path}:11: [devices.wall2] doors.1: door 2: board 0 channel 1 already opens door 1",
        f"{path}:13: [devices.printer] doors: family and doors belong to a locker only",
    ]
