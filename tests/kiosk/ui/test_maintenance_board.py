"""The technician's board over the simulated devices: each device's state, port and identity, self-tests
with their evidence, a jammed locker door found from the screen, an unplugged device in red."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

from drivers.errors import ERROR_CODES
from tests.kiosk.maintenance.kiosks import (
    devices,
    make_tech_kiosk,
    row,
    scroll_to,
    tech_kiosk,
)
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap, visible_texts


def enter(kiosk, qtbot):
    assert kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(kiosk, "maintenanceScreen") is not None)


def text_of(kiosk, name):
    return find(kiosk, name).property("text")


def test_every_configured_device_is_on_the_board(tech_kiosk, devices, qtbot):
    enter(tech_kiosk, qtbot)
    names = [d["name"] for d in tech_kiosk.maintenance.devices]
    assert names == list(tech_kiosk.config.devices)
    locker = row(tech_kiosk, "locker")
    assert (locker["state"], locker["tone"], locker["testable"], locker["doors"]) == ("ready", "ok", True, 24)
    assert locker["port"].endswith("/sim/locker")
    texts = visible_texts(tech_kiosk)
    rows = tech_kiosk.maintenance.devices
    assert texts.count("正常") == sum(d["state"] == "ready" for d in rows) >= 4
    assert texts.count("本版本未驱动") == sum(not d["managed"] for d in rows)  # kinds not driven yet
    assert locker["port"] in texts
    assert any(t.startswith("kiosk ") for t in texts)  # the system's figures: the software's version


def test_a_self_test_runs_without_stopping_the_screen_and_shows_pass_and_evidence(tech_kiosk, devices, qtbot,
                                                                                    log_lines):
    enter(tech_kiosk, qtbot)
    scroll_to(tech_kiosk, "selfTest_fingerprint")
    tap(tech_kiosk, "selfTest_fingerprint")
    qtbot.waitUntil(lambda: row(tech_kiosk, "fingerprint")["test"]["state"] == "pass", timeout=15000)
    qtbot.waitUntil(lambda: find(tech_kiosk, "testVerdict_fingerprint") is not None)
    assert text_of(tech_kiosk, "testVerdict_fingerprint").startswith("通过 PASS  module answers")
    assert "capacity: " in text_of(tech_kiosk, "testEvidence_fingerprint")
    event = log_lines.events("maintenance.self_test")[0]
    assert (event["device"], event["passed"], event["code"]) == ("fingerprint", True, None)


def test_a_jammed_door_is_found_from_the_screen(tech_kiosk, devices, qtbot, log_lines):
    hub, _manager = devices
    answer = hub.handle({"action": "act", "device": "locker", "do": "jam", "args": {"door": 3}})
    assert answer["ok"]
    enter(tech_kiosk, qtbot)
    scroll_to(tech_kiosk, "openDoor_locker")
    tap(tech_kiosk, "doorUp_locker")
    tap(tech_kiosk, "doorUp_locker")
    assert text_of(tech_kiosk, "openDoor_locker") == "打开 3 号柜门"
    tap(tech_kiosk, "openDoor_locker")
    qtbot.waitUntil(lambda: row(tech_kiosk, "locker")["test"]["state"] == "fail", timeout=15000)
    qtbot.waitUntil(lambda: find(tech_kiosk, "testVerdict_locker") is not None)
    assert text_of(tech_kiosk, "testVerdict_locker") == \
        "失败 FAIL  door(s) 3 stay shut when unlocked (jammed)"
    assert "locker.door_jammed — " in " ".join(visible_texts(tech_kiosk))
    assert "jammed: 3" in text_of(tech_kiosk, "testEvidence_locker")
    event = log_lines.events("maintenance.self_test")[0]
    assert (event["device"], event["passed"], event["code"]) == ("locker", False, "locker.door_jammed")


def test_the_call_returns_at_once_and_the_result_arrives_later(tech_kiosk, devices, qtbot):
    enter(tech_kiosk, qtbot)
    tech_kiosk.maintenance.openAllDoors("locker")
    assert row(tech_kiosk, "locker")["test"]["state"] == "running"  # the UI thread did not wait
    qtbot.waitUntil(lambda: row(tech_kiosk, "locker")["test"]["state"] == "pass", timeout=30000)
    every_door = "opened: " + ", ".join(str(n) for n in range(1, 25))
    assert every_door in row(tech_kiosk, "locker")["test"]["evidence"]


def test_an_unplugged_device_shows_in_red_with_its_code_and_description(tech_kiosk, devices, qtbot):
    hub, _manager = devices
    enter(tech_kiosk, qtbot)
    hub.handle({"action": "act", "device": "qr_scanner", "do": "unplug", "args": {}})
    qtbot.waitUntil(lambda: row(tech_kiosk, "qr_scanner")["state"] == "disconnected", timeout=15000)
    scanner = row(tech_kiosk, "qr_scanner")
    # the port vanished: "disconnected" at once, then "port missing" once a reopen finds no port
    assert scanner["tone"] == "bad" and scanner["code"] in ("device.disconnected", "device.port_missing")
    qtbot.waitUntil(lambda: find(tech_kiosk, "code_qr_scanner") is not None)
    shown = text_of(tech_kiosk, "code_qr_scanner")
    assert any(shown.startswith(f"{code} — {ERROR_CODES[code]}")
               for code in ("device.disconnected", "device.port_missing"))
    assert "未连接" in visible_texts(tech_kiosk)
