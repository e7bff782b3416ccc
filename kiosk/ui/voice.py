"""Voice guidance: every screen's prompt spoken in the citizen's language, with a mute button.

QtTextToSpeech with speech-dispatcher (espeak-ng speaks Mandarin) on the terminal, Qt's `mock` engine in
tests. The engine is made on the first prompt, after the first frame, so it costs start-up nothing. A
terminal without a working speech engine still works: it logs `speech.unavailable` once and stays silent.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal

from kiosk.log import log_event

LOCALES = {"zh": "zh_CN", "en": "en_US"}


class Voice(QObject):
    spoken = Signal(str, str)  # text, language: what was handed to the engine

    def __init__(self, engine: str, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine_name = engine
        self._enabled = enabled
        self._tts = None
        self._broken = False
        self._language = ""

    def _engine(self):
        if self._tts is None and not self._broken:
            from PySide6.QtTextToSpeech import QTextToSpeech

            if self._engine_name not in QTextToSpeech.availableEngines():
                self._give_up(f"engine {self._engine_name} is not installed")
                return None
            self._tts = QTextToSpeech(self._engine_name, self)
            self._tts.errorOccurred.connect(lambda _reason, text: self._give_up(text))
        return self._tts

    def _give_up(self, reason: str) -> None:
        if not self._broken:
            self._broken = True
            log_event("speech.unavailable", engine=self._engine_name, reason=reason[:120])

    def say(self, text: str, language: str) -> None:
        if not self._enabled or not text:
            return
        tts = self._engine()
        if tts is None:
            return
        if language != self._language:
            tts.setLocale(QLocale(LOCALES.get(language, "zh_CN")))
            self._language = language
        tts.stop()
        tts.say(text)
        self.spoken.emit(text, language)

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()
