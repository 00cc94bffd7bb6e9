"""The bundled DejaVu fonts (Bitstream Vera licence, desktop/resources/fonts/LICENSE.txt).

Registered at start-up so screens and PDFs look the same on every PC and Romanian letters (ș ț ă î â)
render even where no system font has them (QPdfWriter otherwise writes blank text on such machines).
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

log = logging.getLogger(__name__)

FONT_DIR = Path(__file__).with_name("resources") / "fonts"
FAMILY = "DejaVu Sans"
CONDENSED_FAMILY = "DejaVu Sans Condensed"
UI_POINT_SIZE = 9
_registered = False


def register_fonts() -> None:
    """Add the bundled fonts to Qt's font database (idempotent; needs a QGuiApplication)."""
    global _registered
    if _registered:
        return
    for path in sorted(FONT_DIR.glob("*.ttf")):
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("could not load font %s", path)
    _registered = True


def ui_font() -> QFont:
    font = QFont(FAMILY, UI_POINT_SIZE)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font
