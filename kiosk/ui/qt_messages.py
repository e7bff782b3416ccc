"""Qt's own messages, into the kiosk's JSON log instead of bare lines on standard error.

They arrive as `log.message` lines from the logger "kiosk.qt", scrubbed like any free text, at the level Qt
gave them, so a terminal's journal holds one format only.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_logger = logging.getLogger("kiosk.qt")


def _handle(kind: QtMsgType, context, message: str) -> None:
    category = getattr(context, "category", "") or "default"
    _logger.log(_LEVELS.get(kind, logging.WARNING), "qt %s: %s", category, message)


def route_qt_messages_to_log() -> None:
    qInstallMessageHandler(_handle)
