"""The readiness report on the receipt printer: the verdict, one block per device, the clock and the disk.

Printed through the kiosk's own printer driver on the printer's device thread (DeviceManager.call), the same
way as the printer's self-test, so the job is journaled and confirmed like a citizen's receipt. The layout
fits any paper width the profile gives (58 or 80 mm); long lines wrap. Titles are Chinese first, the codes
and sentences stay as the report writes them (English), the same words as on the screen and in `kiosk diag`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drivers.printer import layout

TITLE = "就绪报告 READINESS REPORT"


def _wrapped(text: str, columns: int, *, bold: bool = False) -> list[layout.Line]:
    return [layout.Line(line, "left", bold) for line in layout.wrap(text, columns)]


def _device_lines(d: Mapping[str, Any], columns: int) -> list[layout.Line]:
    test = d.get("self_test")
    if not d.get("managed"):
        verdict = "--"
    elif test is not None:
        verdict = "PASS" if test["passed"] else "FAIL"
    else:
        verdict = d.get("state") or "?"
    lines = [layout.Line(t, "left", verdict == "FAIL") for t in layout.row(d["name"], verdict, columns)]
    state = d.get("state") or "not driven by this version"
    if d.get("code"):
        state += f" ({d['code']})"
    lines += _wrapped(f"  {state}", columns)
    if test is not None and not test["passed"]:
        lines += _wrapped(f"  {test['code'] or ''}: {test['summary']}", columns, bold=True)
    return lines


def report_document(report: Mapping[str, Any], columns: int) -> tuple[layout.Block, ...]:
    """The report as printer blocks for paper of `columns` character columns."""
    rule = layout.Line("-" * columns)
    verdict = "全部通过 ALL PASS" if report["ok"] else "发现问题 PROBLEMS FOUND"
    blocks: list[layout.Block] = [*_wrapped(TITLE, columns, bold=True), rule]
    blocks += [layout.Line(t) for t in layout.row("终端 Terminal", str(report["terminal_id"]), columns)]
    blocks += [layout.Line(t) for t in layout.row("时间 Time (UTC)", str(report["generated_at"])[:19], columns)]
    blocks += [*_wrapped(verdict, columns, bold=True), rule]
    for d in report["devices"]:
        blocks += _device_lines(d, columns)
    blocks.append(rule)
    system = report.get("system", {})
    clock = system.get("platform_clock") or {}
    if clock:
        blocks += _wrapped(f"时钟 Clock: {'' if clock.get('ok', True) else 'FAIL '}{clock.get('sentence', '')}",
                           columns, bold=not clock.get("ok", True))
    disk = system.get("disk", {})
    if "free_mb" in disk:
        low = "" if system.get("disk_ok", True) else " FAIL"
        blocks += _wrapped(f"磁盘 Disk: {disk['free_mb']} MB free{low}", columns)
    blocks += [layout.Feed(3), layout.Cut(True)]
    return tuple(blocks)


def print_report(printer: Any, report: Mapping[str, Any]) -> Any:
    """On the printer's device thread: print `report`; the driver's Result (Printed, or why not)."""
    key = f"readiness-{report['terminal_id']}-{report['generated_at']}"
    return printer.print_document(key, report_document(report, printer.profile.page.columns))
