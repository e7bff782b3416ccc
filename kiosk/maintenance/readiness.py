"""The readiness report as files: the diagnostics report as JSON, and the same as a page a person reads.

Written to a folder (a USB stick's mount point, or `<data dir>/reports` by default) as
`readiness-<terminal>-<UTC time>.json` and `.html`. Each file is written under a temporary name and renamed,
so a stick pulled out mid-write never holds half a report under the final name. The page is plain HTML with
its style inline: it opens in any browser, offline, and prints on A4.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any

from drivers.errors import Failure, Ok, Result, register
from kiosk.maintenance.board import age, evidence_lines, system_values

register({"maintenance.report_unwritable": "The readiness report could not be written to its folder."})

_STYLE = """body{font-family:"Noto Sans CJK SC",sans-serif;margin:2em;color:#1a2330}
h1{font-size:1.6em}table{border-collapse:collapse;width:100%;margin:1em 0}
td,th{border:1px solid #c9d4e2;padding:.4em .6em;text-align:left;vertical-align:top}
th{background:#eef3f9}.pass{color:#1b7f3b;font-weight:bold}.fail{color:#c62828;font-weight:bold}
.verdict{font-size:1.3em;padding:.6em;border-radius:.4em}.ok{background:#e3f4e8}.bad{background:#fbe4e4}
small{color:#4c5867}"""


def file_stem(report: Mapping[str, Any]) -> str:
    stamp = report["generated_at"].replace("-", "").replace(":", "").replace("+0000", "Z")
    terminal = "".join(c if c.isalnum() or c in "-_" else "_" for c in report["terminal_id"])
    return f"readiness-{terminal}-{stamp}"


def _cell(text: Any) -> str:
    return escape("" if text is None else str(text))


def _test_cell(test: Mapping[str, Any] | None) -> str:
    if test is None:
        return "<small>未测试 not tested</small>"
    word = "PASS" if test["passed"] else "FAIL"
    code = f" ({_cell(test['code'])}: {_cell(test.get('description', ''))})" if test["code"] else ""
    lines = "<br>".join(_cell(x) for x in evidence_lines(test.get("evidence", {})))
    return (f'<span class="{word.lower()}">{word}</span> {_cell(test["summary"])}{code}'
            f"<br><small>{lines}</small>")


def _device_row(d: Mapping[str, Any]) -> str:
    state = _cell(d["state"] or "not driven by this version")
    if d.get("code"):
        state += (f"<br><small>{_cell(d['code'])}: {_cell(d.get('description'))}"
                  f"<br>{_cell(d['detail'])}</small>")
    ident = ", ".join(x for x in (d.get("model"), d.get("firmware"), d.get("serial_number")) if x)
    return (f"<tr><td>{_cell(d['name'])}<br><small>{_cell(d['kind'])} · {_cell(d['driver'])}</small></td>"
            f"<td>{state}</td><td>{_cell(d['port'])}</td><td>{_cell(ident)}</td>"
            f"<td>{_cell(age(d.get('since_s')))}</td><td>{_test_cell(d.get('self_test'))}</td></tr>")


#: (label, key of system_values) in the page's order
_FIGURES = (("软件版本 Software", "software"), ("主机 Host", "host"), ("时钟 Clock (UTC)", "clock"),
            ("与平台时差 Offset from the platform", "platformClock"),
            ("运行时间 Uptime", "uptime"), ("磁盘 Disk", "disk"), ("内存 Memory", "memory"))


def render_html(report: Mapping[str, Any]) -> str:
    """The report as a page: the verdict, one table row per device with its self-test, the system."""
    rows = [_device_row(d) for d in report["devices"]]
    values = system_values(report["system"])
    figures = [(label, values[key]) for label, key in _FIGURES]
    ok = report["ok"]
    terminal = _cell(report["terminal_id"])
    verdict = "全部通过 Everything passes" if ok else "发现问题 PROBLEMS FOUND"
    header = ("<tr><th>设备 Device</th><th>状态 State</th><th>端口 Port</th>"
              "<th>型号 / 固件 / 序列号 Model / firmware / serial</th><th>变化于 Changed</th>"
              "<th>自检 Self-test</th></tr>")
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>就绪报告 Readiness report {terminal}</title><style>{_STYLE}</style></head><body>",
        "<h1>就绪报告 Readiness report</h1>",
        f"<p>终端 Terminal <b>{terminal}</b> · {_cell(report['generated_at'])}</p>",
        f'<p class="verdict {"ok" if ok else "bad"}">{verdict}</p>',
        "<h2>设备 Devices</h2><table>", header, *rows, "</table>",
        "<h2>系统 System</h2><table>",
        *(f"<tr><th>{label}</th><td>{_cell(value)}</td></tr>" for label, value in figures),
        "</table></body></html>", ""])


def _write(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    with open(partial, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)


def write_report(report: Mapping[str, Any], folder: Path) -> Result[tuple[Path, Path]]:
    """Write `report` into `folder` (made if missing) as JSON and HTML; the two paths, or why not."""
    stem = file_stem(report)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        json_path, html_path = folder / f"{stem}.json", folder / f"{stem}.html"
        _write(json_path, json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        _write(html_path, render_html(report))
    except OSError as e:
        return Failure("maintenance.report_unwritable", f"{folder}: {e.strerror or type(e).__name__}")
    return Ok((json_path, html_path))
