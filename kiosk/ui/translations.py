"""Chinese and English through Qt's translation tools, switchable at any moment without a restart.

The .ts sources in assets/i18n are compiled to .qm by `make i18n`. Every visible string is a `qsTrId`
whose text exists in both languages; `tests/kiosk/ui/test_translations.py` keeps it so. The shell's strings
are in kiosk_<lang>.ts (kept by lupdate from the QML); the service definitions' titles and prompts are in
flows_<lang>.ts. Every *_<lang>.qm in the folder is installed together.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtQml import QQmlEngine

LANGUAGES = {"zh": "zh_CN", "en": "en"}


class TranslationsMissing(Exception):
    pass


class Translations:
    def __init__(self, folder: Path, engine: QQmlEngine | None = None) -> None:
        self._folder = folder
        self._engine = engine
        self._translators: dict[str, list[QTranslator]] = {}
        self._current: list[QTranslator] = []
        self.language = ""

    def _load(self, language: str) -> list[QTranslator]:
        """Every catalogue of `language`: kiosk_<lang>.qm (the shell) first, then the others (flows_...)."""
        if language not in self._translators:
            suffix = f"_{LANGUAGES[language]}.qm"
            main = self._folder / f"kiosk{suffix}"
            others = sorted(p for p in self._folder.glob(f"*{suffix}") if p != main)
            loaded = []
            for path in (main, *others):
                translator = QTranslator()
                if not translator.load(str(path)):
                    raise TranslationsMissing(
                        f"{path} is missing or unreadable; build the translations with `make i18n`"
                    )
                loaded.append(translator)
            self._translators[language] = loaded
        return self._translators[language]

    def use(self, language: str) -> None:
        if language == self.language:
            return
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; known: {', '.join(LANGUAGES)}")
        translators = self._load(language)
        app = QCoreApplication.instance()
        for old in self._current:
            app.removeTranslator(old)
        for translator in translators:
            app.installTranslator(translator)
        self._current = translators
        self.language = language
        # Not QLocale.setDefault: Qt allows it only before other threads start ("non-reentrant"), and with the
        # voice, QML and device threads running it once hung the UI thread on a lock inside Qt. Nothing needs
        # it: the screens name their locale where they format (TopBar's date, the keyboard's input language).
        if self._engine is not None:
            self._engine.setUiLanguage(LANGUAGES[language])
            self._engine.retranslate()
