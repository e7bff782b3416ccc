"""The readiness report as files: JSON for machines, an HTML page for people, written whole or not at all."""

import json

from kiosk.maintenance.readiness import render_html, write_report

REPORT = {
    "ok": False, "generated_at": "2026-11-23T03:15:00+00:00", "terminal_id": "hall3-0007",
    "devices": [
        {"name": "locker", "kind": "locker", "driver": "sim", "port": "/tmp/sim/locker", "managed": True,
         "state": "ready", "code": None, "detail": "", "description": "", "model": "CU16", "firmware": "",
         "serial_number": "", "since_s": 12.0,
         "self_test": {"passed": False, "summary": "door(s) 3 stay shut when unlocked (jammed)",
                       "code": "locker.door_jammed", "description": "The door stays shut.",
                       "evidence": {"opened": [], "jammed": [3]}}},
        {"name": "scanner<1>", "kind": "qr_scanner", "driver": "sim", "port": "", "managed": True,
         "state": "ready", "code": None, "detail": "", "description": "", "model": "", "firmware": "",
         "serial_number": "", "since_s": 3.0,
         "self_test": {"passed": True, "summary": "port open", "code": None, "description": "",
                       "evidence": {}}},
        {"name": "printer", "kind": "printer", "driver": "sim", "port": "", "managed": False, "state": None,
         "code": None, "detail": "no driver in this version", "description": "", "model": "", "firmware": "",
         "serial_number": "", "since_s": None, "self_test": None},
    ],
    "system": {"software_version": "0.1.0", "python": "3.11", "clock_utc": "2026-11-23T03:15:00+00:00",
               "disk": {"path": "/var/lib/kiosk", "free_mb": 9000, "total_mb": 30000}, "disk_ok": True,
               "memory": {"available_mb": 900, "total_mb": 4000}},
}


def test_both_files_are_written_named_after_the_terminal_and_the_time(tmp_path):
    written = write_report(REPORT, tmp_path / "usb" / "reports")
    assert written.ok
    json_path, html_path = written.value
    assert json_path.name == "readiness-hall3-0007-20261123T031500Z.json"
    assert html_path.name == "readiness-hall3-0007-20261123T031500Z.html"
    assert json.loads(json_path.read_text(encoding="utf-8")) == REPORT
    assert sorted(p.name for p in json_path.parent.iterdir()) == [html_path.name, json_path.name]


def test_the_page_says_the_verdict_and_each_test_with_its_evidence():
    page = render_html(REPORT)
    assert "发现问题 PROBLEMS FOUND" in page
    assert '<span class="fail">FAIL</span> door(s) 3 stay shut when unlocked (jammed)' in page
    assert "locker.door_jammed" in page and "jammed: 3" in page
    assert '<span class="pass">PASS</span> port open' in page
    assert "未测试 not tested" in page and "not driven by this version" in page
    assert "scanner&lt;1&gt;" in page and "scanner<1>" not in page
    assert "9000 MB free of 30000 MB" in page


def test_a_folder_that_cannot_be_written_is_a_result_naming_it(tmp_path):
    blocker = tmp_path / "stick"
    blocker.write_text("a file where the folder should be")
    written = write_report(REPORT, blocker / "reports")
    assert not written.ok and written.code == "maintenance.report_unwritable"
    assert str(blocker / "reports") in written.detail
