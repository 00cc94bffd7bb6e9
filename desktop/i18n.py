"""Interface language: Qt translators for the widgets, the core's message catalogue for its errors.

Source strings in the code are English; `ui/translations/registru_ro.ts` holds Romanian (the default
language) and is compiled to `.qm` by `python3 dev.py setup`. Documents handed to citizens and printed
registers are official papers of a Romanian institution, so they are always rendered in Romanian with
their own translator (`document_translator`), whatever language the clerk's screens use.
"""
from __future__ import annotations

import logging
import threading
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from local_db import messages

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "ro"
DOCUMENT_LANGUAGE = "ro"
_LOCALES = {"ro": QLocale(QLocale.Language.Romanian, QLocale.Country.Romania),
            "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}


def translations_dir() -> Path:
    return Path(str(resources.files("ui") / "translations"))


def qm_path(lang: str) -> Path:
    return translations_dir() / f"registru_{lang}.qm"


def load_translator(lang: str) -> QTranslator | None:
    """The compiled translation for `lang`, or None for English (the source language) or if missing."""
    if lang == "en":
        return None
    translator = QTranslator()
    path = qm_path(lang)
    if not translator.load(str(path)):
        log.warning("translation %s not found (run `python3 dev.py setup`); showing English", path)
        return None
    return translator


class Language:
    """Switches the whole application's language (widgets built afterwards use it)."""

    def __init__(self) -> None:
        self._installed: QTranslator | None = None
        self.current = "en"

    def install(self, lang: str) -> None:
        lang = lang if lang in _LOCALES else DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        if self._installed is not None and app is not None:
            app.removeTranslator(self._installed)
        self._installed = load_translator(lang)
        if self._installed is not None and app is not None:
            app.installTranslator(self._installed)
        QLocale.setDefault(_LOCALES[lang])
        messages.set_language(lang)
        self.current = lang

    def uninstall(self) -> None:
        """Take this object's translator off the application (another Language takes over)."""
        app = QCoreApplication.instance()
        if self._installed is not None and app is not None:
            app.removeTranslator(self._installed)
        self._installed = None


_document_translator: QTranslator | None = None
_document_lock = threading.Lock()


def document_tr(context: str, text: str) -> str:
    """`text` in the documents' language (Romanian); safe to call from report workers."""
    global _document_translator
    with _document_lock:
        if _document_translator is None:
            _document_translator = load_translator(DOCUMENT_LANGUAGE) or QTranslator()
        translator = _document_translator
    return translator.translate(context, text) or text
