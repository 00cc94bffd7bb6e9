"""Refresh the archive's translation source after changing its texts:

    .venv/bin/python -m ui.archive.update_translations

runs PySide6's lupdate over the archive's Qt modules (ui/archive/*.py and desktop/reports/archive_pdf.py)
into ui/translations/archive_ro.ts (new texts appear unfinished, texts no longer used are dropped).
Translate them in Qt Linguist (`pyside6-linguist`) or by hand; `python3 dev.py setup` compiles every .ts
there into the .qm the application loads (ui/archive/i18n.py installs archive_<lang>.qm).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "translations" / "archive_ro.ts"


def sources() -> list[Path]:
    files = [*sorted((ROOT / "ui" / "archive").glob("*.py")), ROOT / "desktop" / "reports" / "archive_pdf.py"]
    return [p for p in files if "from PySide6" in p.read_text("utf-8")]


def lupdate(ts: Path = TS, lang: str = "ro_RO") -> None:
    import PySide6
    exe = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")
    subprocess.check_call([str(exe), "-silent", "-locations", "none", "-no-obsolete", "-target-language", lang,
                           *map(str, sources()), "-ts", str(ts)], cwd=ROOT)


if __name__ == "__main__":
    lupdate()
