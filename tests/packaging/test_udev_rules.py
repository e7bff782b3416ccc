"""The udev rules give each serial device one stable name under /dev/kiosk/, matching a configured device."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "packaging/root/etc/udev/rules.d/70-kiosk-devices.rules"
PAIR = re.compile(r'^(?P<key>[A-Z_]+)(\{(?P<attr>[A-Za-z0-9_]+)\})?(?P<op>==|!=|\+=|:=|=)"(?P<value>[^"]*)"$')


def _rules() -> list[dict[str, str]]:
    rules = []
    for number, line in enumerate(RULES.read_text().splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rule = {}
        for part in line.split(", "):
            match = PAIR.match(part.strip())
            assert match, f"{RULES.name}:{number}: cannot read {part!r}"
            rule[match["key"] + (f"{{{match['attr']}}}" if match["attr"] else "") + match["op"]] = match["value"]
        rules.append(rule)
    return rules


def test_every_rule_names_one_configured_device_by_its_usb_ids():
    devices = tomllib.loads((REPO / "kiosk/config/example.toml").read_text())["devices"]
    rules = _rules()

    assert rules
    for rule in rules:
        assert rule['SUBSYSTEM=='] == "tty"
        assert re.fullmatch(r"[0-9a-f]{4}", rule["ENV{ID_VENDOR_ID}=="])
        assert re.fullmatch(r"[0-9a-f]{4}", rule["ENV{ID_MODEL_ID}=="])
        name = rule["SYMLINK+="].removeprefix("kiosk/")
        assert name in devices, f"/dev/kiosk/{name} is no device of kiosk/config/example.toml"


def test_no_two_rules_catch_the_same_adapter_or_give_the_same_name():
    rules = _rules()
    ids = [(r["ENV{ID_VENDOR_ID}=="], r["ENV{ID_MODEL_ID}=="]) for r in rules]
    names = [r["SYMLINK+="] for r in rules]

    assert len(set(ids)) == len(ids), "one adapter would get two names"
    assert len(set(names)) == len(names), "two adapters would fight over one name"
