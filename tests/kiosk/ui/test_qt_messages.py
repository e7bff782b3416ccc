"""Qt's own messages reach the kiosk's JSON log, scrubbed like any free text."""

import json

from PySide6.QtCore import qInstallMessageHandler, qWarning

from kiosk.ui.qt_messages import _handle


def test_a_qt_warning_becomes_a_scrubbed_json_line(log_lines):
    previous = qInstallMessageHandler(_handle)
    try:
        qWarning("could not load the photo of 110101199003077777")
    finally:
        qInstallMessageHandler(previous)
    lines = [json.loads(x) for x in log_lines.text().splitlines()]
    assert [line["event"] for line in lines] == ["log.message"]
    assert lines[0]["level"] == "warning"
    assert "110101199003077777" not in log_lines.text()
    assert "could not load the photo" in log_lines.text()
