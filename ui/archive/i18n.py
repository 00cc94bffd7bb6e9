"""The archive screens' own translation file (ui/translations/archive_<lang>.qm, compiled from
archive_ro.ts by `python3 dev.py setup` like the others). It is installed next to the application's
translator, in the language the core's messages use (desktop.i18n.Language keeps them in step)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.reports.archive_pdf import archive_translator
from local_db import messages

_installed: tuple[str, QTranslator | None] | None = None


def install_translator() -> None:
    """Install (or switch) the archive's translator for the current interface language; idempotent."""
    global _installed
    lang = messages.language()
    if _installed is not None and _installed[0] == lang:
        return
    app = QCoreApplication.instance()
    if app is None:
        return
    if _installed is not None and _installed[1] is not None:
        app.removeTranslator(_installed[1])
    translator = archive_translator(lang)
    if translator is not None:
        app.installTranslator(translator)
    _installed = (lang, translator)
