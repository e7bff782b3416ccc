"""The PC/SC reader's and the voice's self-tests from the board: a card read (ATR, masked UID) or no card
on the reader (FAIL, saying what to do); a prompt the mock speech engine speaks, and an engine that is not
there."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

from tests.kiosk.maintenance.kiosks import devices, make_tech_kiosk, row, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap


def enter(kiosk, qtbot):
    assert kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(kiosk, "maintenanceScreen") is not None)


def test_no_card_on_the_pcsc_reader_fails_and_says_to_put_one_on(tech_kiosk, devices, qtbot, log_lines):
    enter(tech_kiosk, qtbot)
    scroll_to(tech_kiosk, "selfTest_pcsc_reader")
    tap(tech_kiosk, "selfTest_pcsc_reader")
    qtbot.waitUntil(lambda: row(tech_kiosk, "pcsc_reader")["test"]["state"] == "fail", timeout=15000)
    test = row(tech_kiosk, "pcsc_reader")["test"]
    assert test["code"] == "pcsc.no_card" and "put any card on it" in test["summary"]
    qtbot.waitUntil(lambda: find(tech_kiosk, "testVerdict_pcsc_reader") is not None)
    assert find(tech_kiosk, "testVerdict_pcsc_reader").property("text").startswith("失败 FAIL  no card")
    event = log_lines.events("maintenance.self_test")[-1]
    assert (event["device"], event["passed"], event["code"]) == ("pcsc_reader", False, "pcsc.no_card")


def test_a_card_on_the_pcsc_reader_is_read(tech_kiosk, devices, qtbot):
    hub, manager = devices
    assert hub.handle({"action": "act", "device": "pcsc_reader", "do": "insert_card", "args": {}})["ok"]
    qtbot.waitUntil(lambda: manager.view("pcsc_reader").status.state.value == "ready", timeout=15000)
    enter(tech_kiosk, qtbot)
    tech_kiosk.maintenance.runSelfTest("pcsc_reader")
    qtbot.waitUntil(lambda: row(tech_kiosk, "pcsc_reader")["test"]["state"] == "pass", timeout=15000)
    test = row(tech_kiosk, "pcsc_reader")["test"]
    evidence = dict(line.split(": ", 1) for line in test["evidence"])
    assert evidence["atr"].startswith("3B") and evidence["uid"] == "****B2C3"  # the blank card's 04A1B2C3
    assert "a card answered" in test["summary"]
    hub.handle({"action": "act", "device": "pcsc_reader", "do": "remove_card", "args": {}})


def test_the_voice_test_passes_when_the_engine_speaks(tech_kiosk, qtbot, log_lines):
    enter(tech_kiosk, qtbot)
    scroll_to(tech_kiosk, "voiceTest")
    tap(tech_kiosk, "voiceTest")
    assert tech_kiosk.maintenance.voiceTest["state"] == "running"
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.voiceTest["state"] == "pass", timeout=20000)
    assert find(tech_kiosk, "voiceVerdict").property("text").startswith("通过 PASS  the engine spoke the prompt")
    event = log_lines.events("maintenance.self_test")[-1]
    assert (event["device"], event["passed"]) == ("voice", True)


def test_the_voice_test_fails_naming_a_missing_engine(tech_kiosk, qtbot):
    tech_kiosk.maintenance.use_voice("no-such-engine")
    enter(tech_kiosk, qtbot)
    tech_kiosk.maintenance.runVoiceTest()
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.voiceTest["state"] == "fail", timeout=20000)
    test = tech_kiosk.maintenance.voiceTest
    assert test["code"] == "maintenance.voice_unavailable" and "no-such-engine is not installed" in test["summary"]
