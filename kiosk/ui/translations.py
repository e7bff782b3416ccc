"""Chinese and English through Qt's translation tools, switchable at any moment without a restart.

The .ts sources in assets/i18n are compiled to .qm by `make i18n`. Every visible string is a `qsTrId`
whose text exists in both languages; `tests/kiosk/ui/test_translations.py` keeps it so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtQml import QQmlEngine

LANGUAGES = {"zh": "zh_CN", "en": "en"}


class TranslationsMissing(Exception):
    pass


class Translations:
    def __init__(self, folder: Path, engine: QQmlEngine | None = None) -> None:
        self._folder = folder
        self._engine = engine
        self._translators: dict[str, QTranslator] = {}
        self._current: QTranslator | None = None
        self.language = ""

    def _translator(self, language: str) -> QTranslator:
        if language not in self._translators:
            path = self._folder / f"kiosk_{LANGUAGES[language]}.qm"
            translator = QTranslator()
            if not translator.load(str(path)):
                raise TranslationsMissing(
                    f"{path} is missing or unreadable; build the translations with `make i18n`"
                )
            self._translators[language] = translator
        return self._translators[language]

    def use(self, language: str) -> None:
        if language == self.language:
            return
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
        translator = self._translator(language)
        app = QCoreApplication.instance()
        if self._current is not None:
            app.removeTranslator(self._current)
        app.installTranslator(translator)
        self._current = translator
        self.language = language
        QLocale.setDefault(QLocale(LANGUAGES[language]))
        if self._engine is not None:
            self._engine.setUiLanguage(LANGUAGES[language])
            self._engine.retranslate()
