"""The readiness report taken away: printed on the receipt printer (through the kiosk's own driver, onto
the simulated printer's paper), refused by a printer out of paper, and saved to a USB stick (one found and
written at once, none found said, several offered)."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

import json
import os
from pathlib import Path

from kiosk.maintenance.media import removable_media
from tests.kiosk.maintenance.kiosks import devices, make_tech_kiosk, row, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find, tap

SHOTS = os.environ.get("KIOSK_SHOTS")  # a folder to keep the printed report's picture in, for looking at


def enter(kiosk, qtbot):
    assert kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(kiosk, "maintenanceScreen") is not None)


def unplug_scanner(devices, qtbot):
    hub, manager = devices
    hub.handle({"action": "act", "device": "qr_scanner", "do": "unplug", "args": {}})
    qtbot.waitUntil(lambda: manager.view("qr_scanner").status.state.value == "disconnected", timeout=15000)


def test_the_report_prints_on_the_receipt_printer_naming_the_failing_device(tech_kiosk, devices, qtbot,
                                                                             log_lines):
    unplug_scanner(devices, qtbot)
    printer = devices[0].served["printer"][1].model
    enter(tech_kiosk, qtbot)
    scroll_to(tech_kiosk, "printReport")
    tap(tech_kiosk, "printReport")
    assert tech_kiosk.maintenance.printState == "running"
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.printState == "printed", timeout=60000)
    (receipt,) = printer.receipts
    assert receipt.complete and receipt.lines[0] == "就绪报告 READINESS REPORT"
    text = receipt.text
    assert "发现问题 PROBLEMS FOUND" in text and "dev-0001" in text
    scanner = next(i for i, line in enumerate(receipt.lines) if line.startswith("qr_scanner"))
    assert receipt.lines[scanner].endswith("FAIL") and "device." in "".join(receipt.lines[scanner:scanner + 4])
    assert any(line.startswith("locker") and line.endswith("PASS") for line in receipt.lines)
    assert "时钟 Clock: not measured yet" in text
    if SHOTS:
        Path(SHOTS, "maintenance-report-printed-zh.png").write_bytes(receipt.png)
    assert find(tech_kiosk, "printState").property("text") == "已在 printer 打印：请从打印机取走凭条。"
    assert row(tech_kiosk, "qr_scanner")["test"]["state"] == "fail"  # the board shows the report's tests
    event = log_lines.events("maintenance.report_printed")[-1]
    assert (event["device"], event["passed"], event["code"]) == ("printer", False, None)


def test_a_printer_out_of_paper_cannot_print_the_report_and_says_so(tech_kiosk, devices, qtbot):
    hub, manager = devices
    hub.handle({"action": "act", "device": "printer", "do": "paper_out", "args": {}})
    qtbot.waitUntil(lambda: manager.view("printer").status.state.value == "maintenance", timeout=15000)
    enter(tech_kiosk, qtbot)
    tech_kiosk.maintenance.printReport()
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.printState == "failed", timeout=60000)
    assert tech_kiosk.maintenance.printMessage.startswith("printer.paper_out: ")
    qtbot.waitUntil(lambda: find(tech_kiosk, "printState") is not None)
    shown = find(tech_kiosk, "printState").property("text")
    assert shown.startswith("报告未能打印：printer.paper_out") and "修好打印机" in shown
    assert row(tech_kiosk, "printer")["test"]["state"] == "fail"


def stick(tmp_path, name="KIOSK-USB"):
    """A folder standing for a mounted stick, and the /proc/mounts line that says it is one."""
    point = tmp_path / "media" / "tech" / name
    point.mkdir(parents=True)
    return point, f"/dev/sdz1 {str(point).replace(' ', chr(92) + '040')} vfat rw,nosuid 0 0\n"


def finder(tmp_path, mounts):
    return lambda: removable_media(mounts=mounts, roots=[tmp_path / "media"], sys_block=tmp_path / "sys")


def test_the_report_is_saved_to_the_one_usb_stick_found(tech_kiosk, devices, qtbot, tmp_path):
    unplug_scanner(devices, qtbot)
    point, mounts = stick(tmp_path)
    tech_kiosk.maintenance.find_media = finder(tmp_path, mounts)
    enter(tech_kiosk, qtbot)
    scroll_to(tech_kiosk, "exportReport")
    tap(tech_kiosk, "exportReport")
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.exportState == "written", timeout=60000)
    (page,) = point.glob("readiness-dev-0001-*.html")
    report = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    scanner = next(d for d in report["devices"] if d["name"] == "qr_scanner")
    assert report["ok"] is False and scanner["self_test"]["passed"] is False
    html = page.read_text(encoding="utf-8")
    assert "qr_scanner" in html and scanner["code"] in html and "发现问题 PROBLEMS FOUND" in html
    assert "与平台时差 Offset from the platform" in html
    assert not list(point.glob("*.partial"))
    assert find(tech_kiosk, "exportState").property("text") == \
        f"已保存到 U 盘：{page}。现在可以拔出 U 盘。"


def test_no_usb_stick_is_said_with_what_to_do(tech_kiosk, devices, qtbot, tmp_path):
    tech_kiosk.maintenance.find_media = finder(tmp_path, "/dev/sda1 / ext4 rw 0 0\n")
    enter(tech_kiosk, qtbot)
    tech_kiosk.maintenance.findMedia()
    assert tech_kiosk.maintenance.exportState == "none"
    qtbot.waitUntil(lambda: find(tech_kiosk, "exportState") is not None)
    assert find(tech_kiosk, "exportState").property("text") == "没有找到 U 盘。请插入 U 盘，等几秒钟，再按一次。"


def test_with_two_sticks_the_technician_chooses(tech_kiosk, devices, qtbot, tmp_path):
    first, line1 = stick(tmp_path, "ONE")
    second, line2 = stick(tmp_path, "TWO")
    tech_kiosk.maintenance.find_media = finder(tmp_path, line1 + line2.replace("sdz1", "sdy1"))
    enter(tech_kiosk, qtbot)
    tech_kiosk.maintenance.findMedia()
    assert tech_kiosk.maintenance.exportState == "choose"
    assert [m["label"] for m in tech_kiosk.maintenance.media] == ["ONE", "TWO"]
    scroll_to(tech_kiosk, "exportTo_1")
    assert find(tech_kiosk, "exportTo_1").property("text") == "保存到 TWO"
    tap(tech_kiosk, "exportTo_1")
    qtbot.waitUntil(lambda: tech_kiosk.maintenance.exportState == "written", timeout=60000)
    assert list(second.glob("*.json")) and not list(first.glob("*.json"))
