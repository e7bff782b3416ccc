"""The voice self-test: speak a prompt through the kiosk's speech engine and pass when the engine reports it
spoke it (it went to Speaking and back to Ready), fail with the engine's own reason or after a timeout.

The test makes an engine of its own, of the same kind the kiosk's Voice uses, on a thread of its own: a
speech-dispatcher that hangs must not freeze the board, and the citizens' voice is left as it is. Whether a
loudspeaker is connected no software can tell: the technician listens.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QLocale, QObject, QThread, QTimer, Signal, Slot

from drivers.errors import register
from kiosk.diag.selftests import SelfTest

register({
    "maintenance.voice_unavailable": "The speech engine cannot be used (not installed, or its server does not answer).",
    "maintenance.voice_silent": "The speech engine did not speak the prompt in time.",
})

PROMPT = "语音测试。Voice test."
TIMEOUT_MS = 15000


class _Speaker(QObject):
    """Lives on the probe's thread: makes the engine, speaks, reports once, cleans up."""

    finished = Signal(object)  # SelfTest

    def __init__(self, engine: str) -> None:
        super().__init__()
        self._engine_name, self._tts, self._spoke, self._done = engine, None, False, False
        self._timer: QTimer | None = None

    @Slot()
    def run(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._engine_name not in QTextToSpeech.availableEngines():
            self._finish(False, f"the speech engine {self._engine_name} is not installed",
                         "maintenance.voice_unavailable")
            return
        if self._engine_name == "speechd":
            from kiosk.speechd_probe import speechd_problem

            problem = speechd_problem()
            if problem:
                self._finish(False, problem, "maintenance.voice_unavailable")
                return
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._finish(
            False, f"the engine did not finish speaking within {TIMEOUT_MS // 1000} s", "maintenance.voice_silent"))
        self._timer.start(TIMEOUT_MS)
        self._tts = QTextToSpeech(self._engine_name, self)
        self._tts.stateChanged.connect(self._state)
        self._tts.errorOccurred.connect(lambda _reason, text: self._finish(
            False, f"the engine reported: {text[:120]}", "maintenance.voice_unavailable"))
        self._tts.setLocale(QLocale("zh_CN"))
        self._tts.say(PROMPT)

    def _state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Speaking:
            self._spoke = True
        elif state == QTextToSpeech.State.Ready and self._spoke:
            self._finish(True, "the engine spoke the prompt (listen: it should be heard at the front)", None)
        elif state == QTextToSpeech.State.Error:
            self._finish(False, "the engine went into its error state", "maintenance.voice_unavailable")

    def _finish(self, passed: bool, summary: str, code: str | None) -> None:
        if self._done:
            return
        self._done = True
        if self._timer is not None:
            self._timer.stop()
        if self._tts is not None:
            self._tts.stop()
            tts, self._tts = self._tts, None
            tts.deleteLater()
        self.finished.emit(SelfTest(passed, summary, code, {"engine": self._engine_name, "prompt": PROMPT}))
        QThread.currentThread().quit()


class VoiceProbe(QObject):
    """One voice self-test at a time; `done(SelfTest)` on the UI thread when it ends."""

    done = Signal(object)

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._thread: QThread | None = None
        self._speaker: _Speaker | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self) -> bool:
        if self._thread is not None:
            return False
        self._thread = QThread()
        self._thread.setObjectName("voice-test")
        self._speaker = _Speaker(self.engine)
        self._speaker.moveToThread(self._thread)
        self._speaker.finished.connect(self._finished)
        self._thread.started.connect(self._speaker.run)
        self._thread.start()
        return True

    @Slot(object)
    def _finished(self, result: SelfTest) -> None:
        self._join()
        self.done.emit(result)

    def _join(self) -> None:
        thread, speaker = self._thread, self._speaker
        self._thread = self._speaker = None
        if thread is not None:
            thread.quit()
            if thread.wait(5000):
                shiboken6.delete(speaker)
                shiboken6.delete(thread)

    def close(self) -> None:
        """A test still under way is left to end on its own thread (a hung speech server must not hold the
        kiosk's exit); nothing more is reported."""
        if self._speaker is not None:
            self._speaker.finished.disconnect(self._finished)
        thread = self._thread
        self._thread = self._speaker = None
        if thread is not None:
            thread.quit()
            thread.wait(2000)
