"""Every interface text has a Romanian translation that keeps the source's placeholders, and the .ts
source is in step with the code (no text added to the code and forgotten in the translation)."""
from __future__ import annotations

import importlib.util
import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.i18n import translations_dir

QT_ARGS = re.compile(r"%(?:\d+|n)")


def messages(ts: Path) -> list[tuple[str, str, str, str]]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            out.append((name, m.findtext("source") or "", (tr.text or "") if tr is not None else "",
                        tr.get("type", "") if tr is not None else "missing"))
    return out


def placeholders(text: str) -> tuple[list[str], list[str]]:
    fields = sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    return fields, sorted(QT_ARGS.findall(text))


TS_FILES = sorted(translations_dir().glob("registru_*.ts"))


def test_there_is_a_romanian_translation() -> None:
    assert [p.name for p in TS_FILES] == ["registru_ro.ts"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_text_is_translated_with_the_same_placeholders(ts: Path) -> None:
    problems = []
    for context, source, translation, kind in messages(ts):
        if kind in ("unfinished", "missing") or not translation.strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif placeholders(source) != placeholders(translation):
            problems.append(f"{context}: {source!r} -> {translation!r} changes the placeholders")
        elif source.count("\n") != translation.count("\n"):
            problems.append(f"{context}: {source!r} -> {translation!r} changes the line breaks")
        elif ("&" in source.replace("&&", "")) != ("&" in translation.replace("&&", "")):
            problems.append(f"{context}: {source!r} -> {translation!r} adds or drops the keyboard mnemonic")
    assert not problems, "\n".join(problems)


def test_translation_source_is_up_to_date(tmp_path: Path) -> None:
    """lupdate over the code finds exactly the texts the committed .ts holds."""
    spec = importlib.util.spec_from_file_location("update_ts", translations_dir() / "update.py")
    update = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(update)
    fresh = tmp_path / "fresh.ts"
    update.lupdate(fresh, "ro_RO")
    in_code = {(c, s) for c, s, _, _ in messages(fresh)}
    committed = {(c, s) for c, s, _, _ in messages(translations_dir() / "registru_ro.ts")}
    assert in_code - committed == set(), "run ui/translations/update.py and translate the new texts"
    assert committed - in_code == set(), "run ui/translations/update.py to drop texts no longer used"


def test_placeholder_check_catches_a_broken_translation() -> None:
    assert placeholders("Entry {ref} of {date}") != placeholders("Înregistrarea {nr} din {date}")
    assert placeholders("%1 of %2") == placeholders("%1 din %2")
