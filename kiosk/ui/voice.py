"""Voice guidance: every screen's prompt spoken in the citizen's language, with a mute button.

QtTextToSpeech with speech-dispatcher (espeak-ng speaks Mandarin) on the terminal, Qt's `mock` engine in
tests. The engine lives on a thread of its own and is made on the first prompt: a speech-dispatcher that
hangs (no sound card, a stuck audio server) must never freeze the screen. A terminal without working speech
still works: it logs `speech.unavailable` once and stays silent.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QLocale, QObject, QThread, Signal, Slot

from kiosk.log import log_event

LOCALES = {"zh": "zh_CN", "en": "en_US"}


class _Speaker(QObject):
    """Lives on the speech thread; owns the QTextToSpeech engine."""

    failed = Signal(str)

    def __init__(self, engine: str) -> None:
        super().__init__()
        self._engine_name = engine
        self._tts = None
        self._broken = False
        self._language = ""

    def _engine(self):
        if self._tts is None and not self._broken:
            from PySide6.QtTextToSpeech import QTextToSpeech

            if self._engine_name not in QTextToSpeech.availableEngines():
                self._give_up(f"engine {self._engine_name} is not installed")
                return None
            if self._engine_name == "speechd":
                from kiosk.speechd_probe import speechd_problem

                problem = speechd_problem()
                if problem:
                    self._give_up(problem)
                    return None
            self._tts = QTextToSpeech(self._engine_name, self)
            self._tts.errorOccurred.connect(lambda _reason, text: self._give_up(text))
        return self._tts

    def _give_up(self, reason: str) -> None:
        if not self._broken:
            self._broken = True
            self.failed.emit(reason)

    @Slot(str, str)
    def say(self, text: str, language: str) -> None:
        tts = self._engine()
        if tts is None:
            return
        if language != self._language:
            tts.setLocale(QLocale(LOCALES.get(language, "zh_CN")))
            self._language = language
        tts.stop()
        tts.say(text)

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    @Slot()
    def shutdown(self) -> None:
        """On the speech thread: the engine and its timers go here, where they live; then the thread ends."""
        if self._tts is not None:
            self._tts.stop()
            shiboken6.delete(self._tts)
            self._tts = None
        QThread.currentThread().quit()


class Voice(QObject):
    spoken = Signal(str, str)  # text, language: what was handed to the engine
    _say = Signal(str, str)
    _stop = Signal()
    _shutdown = Signal()

    def __init__(self, engine: str, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine_name = engine
        self._enabled = enabled
        self._thread: QThread | None = None
        self._speaker: _Speaker | None = None
        self.hung = False

    def _start(self) -> None:
        self._thread = QThread()
        self._thread.setObjectName("speech")
        self._speaker = _Speaker(self._engine_name)
        self._speaker.moveToThread(self._thread)
        self._speaker.failed.connect(self._on_failed)
        self._say.connect(self._speaker.say)
        self._stop.connect(self._speaker.stop)
        self._shutdown.connect(self._speaker.shutdown)
        self._thread.start()

    def _on_failed(self, reason: str) -> None:
        log_event("speech.unavailable", engine=self._engine_name, reason=reason[:120])

    def say(self, text: str, language: str) -> None:
        if not self._enabled or not text:
            return
        if self._thread is None:
            self._start()
        self._say.emit(text, language)
        self.spoken.emit(text, language)

    def stop(self) -> None:
        if self._thread is not None:
            self._stop.emit()

    def close(self, timeout_ms: int = 2000) -> None:
        """End the speech thread. If the engine is stuck inside the speech server, say so and leave it:
        `hung` tells the caller that the process must end without waiting for it."""
        if self._thread is None:
            return
        self._shutdown.emit()
        if not self._thread.wait(timeout_ms):
            self.hung = True
            log_event("speech.unavailable", engine=self._engine_name, reason="the speech engine hung")
            return
        self._speaker = None  # its thread has ended: deleted here, with its engine
        self._thread = None
