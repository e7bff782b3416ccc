"""The log viewer on the board: the latest catalogued events, newest first, filtered by device, and nothing
personal in them (fields as the log writes them: an ID masked, free text scrubbed)."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

import pytest

from kiosk.diag import recent
from kiosk.log import log_event
from tests.kiosk.maintenance.kiosks import devices, make_tech_kiosk, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap, visible_texts

ID_NUMBER = "11010119900307123X"


@pytest.fixture(autouse=True)
def fresh_events():
    """The kept events are the process's: start each test with none from the tests before."""
    recent.install().clear()


def test_events_are_listed_newest_first_and_filtered_by_device(tech_kiosk, devices, qtbot, log_lines):
    hub, manager = devices
    hub.handle({"action": "act", "device": "printer", "do": "paper_out", "args": {}})
    qtbot.waitUntil(lambda: manager.view("printer").status.state.value == "maintenance", timeout=15000)
    assert tech_kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "logViewer") is not None)
    events = tech_kiosk.maintenance.logEvents
    assert events[0]["event"] == "maintenance.entered"  # the newest first
    assert {e["device"] for e in events} > {"printer", ""}

    scroll_to(tech_kiosk, "logFilter_printer")
    tap(tech_kiosk, "logFilter_printer")
    events = tech_kiosk.maintenance.logEvents
    assert events and {e["device"] for e in events} == {"printer"}
    assert events[0]["event"] == "device.status_changed" and "code=printer.paper_out" in events[0]["text"]
    assert find(tech_kiosk, "logFilter_printer").property("primary") is True
    qtbot.waitUntil(lambda: find(tech_kiosk, "logEvent_0") is not None)
    assert any("code=printer.paper_out" in t for t in visible_texts(tech_kiosk))

    tech_kiosk.maintenance.setLogDevice("fingerprint")
    assert {e["device"] for e in tech_kiosk.maintenance.logEvents} == {"fingerprint"}
    tap(tech_kiosk, "logFilter_")
    assert tech_kiosk.maintenance.logDevice == ""


def test_no_personal_data_reaches_the_viewer(tech_kiosk, qtbot):
    log_event("maintenance.card_refused", card=ID_NUMBER, reason="maintenance.card_unknown")
    log_event("pcsc.watch_failed", device="pcsc_reader", error=f"card of {ID_NUMBER} phone 13812345678")
    assert tech_kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "logViewer") is not None)
    texts = " ".join(e["text"] for e in tech_kiosk.maintenance.logEvents)
    assert "card=**************123X" in texts
    assert ID_NUMBER not in texts and "13812345678" not in texts and "19900307" not in texts
    assert ID_NUMBER not in " ".join(visible_texts(tech_kiosk))


def test_a_device_without_events_says_so(tech_kiosk, qtbot):
    assert tech_kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "logViewer") is not None)
    tech_kiosk.maintenance.setLogDevice("camera")
    assert tech_kiosk.maintenance.logEvents == []
    scroll_to(tech_kiosk, "logEmpty")
    assert find(tech_kiosk, "logEmpty").property("text") == "自终端启动以来，没有关于此设备的事件。"
