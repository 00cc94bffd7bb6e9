"""Refresh the translation sources after changing interface texts:

    .venv/bin/python ui/translations/update.py

runs PySide6's lupdate over every module that uses Qt and updates `registru_ro.ts` (new texts appear
as unfinished, texts no longer used are dropped). Translate them in Qt Linguist (`pyside6-linguist`)
or by hand; `python3 dev.py setup` compiles the .ts into the .qm the application loads.
Source texts are English; the interface and documents default to Romanian.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LANGUAGES = ("ro",)


QT_TEXTS = ("self.tr(", "QT_TRANSLATE_NOOP(", "QCoreApplication.translate(")
#: Areas with their own translation file (ui/translations/archive_ro.ts, from ui/archive/update_translations.py).
OWN_FILES = ("archive",)


def sources() -> list[Path]:
    """The desktop's modules whose texts go through Qt's translation system."""
    candidates = [*ROOT.glob("ui/*.py"), *ROOT.glob("desktop/*.py"), *ROOT.glob("desktop/reports/*.py")]
    return sorted(p for p in candidates
                  if any(marker in p.read_text("utf-8") for marker in QT_TEXTS)
                  and not any(area in p.name for area in OWN_FILES))


def lupdate(ts: Path, lang: str) -> None:
    import PySide6
    exe = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")
    subprocess.check_call([str(exe), "-silent", "-locations", "none", "-no-obsolete", "-target-language", lang,
                           *map(str, sources()), "-ts", str(ts)], cwd=ROOT)
    drop_contextless(ts)


def drop_contextless(ts: Path) -> None:
    """lupdate also collects calls of module-level `tr(...)` functions that are not Qt's (the core's and
    the packaging's own message catalogues, keyed by codes); they have no context and Qt never looks them up."""
    text = ts.read_text("utf-8")
    cleaned = re.sub(r"<context>\s*<name></name>.*?</context>\s*", "", text, flags=re.S)
    if cleaned != text:
        ts.write_text(cleaned, "utf-8")


if __name__ == "__main__":
    for lang in LANGUAGES:
        lupdate(HERE / f"registru_{lang}.ts", f"{lang}_RO")
