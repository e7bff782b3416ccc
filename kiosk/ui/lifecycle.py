"""Stopping cleanly: SIGTERM (systemd) and SIGINT end the Qt event loop, so the session is wiped and the
store closed on the way out."""

from __future__ import annotations

import signal

from PySide6.QtCore import QCoreApplication, QTimer


def install_signal_handlers(app: QCoreApplication) -> QTimer:
    def stop(_signum, _frame) -> None:
        # exit(), not quit(): quit() first asks every window to close, and the kiosk window refuses.
        app.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    # Python runs signal handlers only between bytecodes; a slow timer gives it that chance while Qt waits.
    timer = QTimer(app)
    timer.setInterval(250)
    timer.timeout.connect(lambda: None)
    timer.start()
    return timer
