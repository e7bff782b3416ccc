"""The readiness report from the board: every self-test run, the JSON and the HTML page written to the
report folder, and the board showing where."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

import json

from tests.kiosk.maintenance.kiosks import devices, make_tech_kiosk, row, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap


def test_the_report_is_written_as_json_and_html(tech_kiosk, devices, qtbot, tmp_path, log_lines):
    hub, _manager = devices
    hub.handle({"action": "act", "device": "id_reader", "do": "unplug", "args": {}})
    qtbot.waitUntil(lambda: _manager.view("id_reader").status.state.value == "disconnected", timeout=15000)
    assert tech_kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "writeReport") is not None)
    scroll_to(tech_kiosk, "writeReport")
    tap(tech_kiosk, "writeReport")
    assert tech_kiosk.maintenance.reportState == "running"
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.reportState == "written", timeout=60000)

    folder = tmp_path / "data" / "reports"  # the default: <data dir>/reports
    pages = sorted(folder.glob("readiness-dev-0001-*.html"))
    assert len(pages) == 1 and str(pages[0]) == tech_kiosk.maintenance.reportPath
    assert find(tech_kiosk, "reportState").property("text") == f"已保存：{pages[0]}"
    report = json.loads(pages[0].with_suffix(".json").read_text(encoding="utf-8"))
    assert report["ok"] is False
    tested = {d["name"]: d["self_test"]["passed"] for d in report["devices"] if d["self_test"]}
    assert tested == {"id_reader": False, "fingerprint": True, "locker": True, "qr_scanner": True, "printer": True,
                      "pcsc_reader": True}  # no card on the reader: a pass that says so, in the report
    page = pages[0].read_text(encoding="utf-8")
    assert "发现问题 PROBLEMS FOUND" in page and "device.disconnected" in page
    assert row(tech_kiosk, "id_reader")["test"]["state"] == "fail"  # the board shows the report's tests
    written = log_lines.events("maintenance.report_written")
    assert written[0]["passed"] is False and written[0]["path"].endswith(".json")


def test_a_report_folder_that_cannot_be_written_says_so(make_tech_kiosk, qtbot, tmp_path):
    (tmp_path / "stick").write_text("not a folder")
    kiosk = make_tech_kiosk(extra=f'report_dir = "{tmp_path / "stick" / "reports"}"\n')
    assert kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(kiosk, "writeReport") is not None)
    kiosk.maintenance.writeReport()
    qtbot.waitUntil(lambda: kiosk.maintenance.reportState == "failed", timeout=30000)
    assert find(kiosk, "reportState").property("text").startswith(
        "报告未能保存：maintenance.report_unwritable: " + str(tmp_path / "stick" / "reports"))
