"""Typed settings in the config dir: defaults, round trip, bad values refused or ignored."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.paths import config_dir
from desktop.settings import SETTINGS_FILE, Settings


def test_defaults_and_round_trip(tmp_path: Path) -> None:
    s = Settings()
    assert s.path == config_dir() / SETTINGS_FILE
    assert (s.language, s.due_soon_days, s.open_documents, s.documents_dir) == ("ro", 5, True, "")
    s.language = "en"
    s.due_soon_days = 10
    again = Settings()
    assert again.language == "en" and again.due_soon_days == 10
    assert again.documents_path(tmp_path) == tmp_path / "documente"
    assert {v.name for v in Settings.variables()} >= {"language", "due_soon_days", "window_geometry"}
    assert all(v.doc for v in Settings.variables())


def test_bad_values_are_refused_and_bad_files_ignored() -> None:
    s = Settings()
    for name, value in (("language", "fr"), ("due_soon_days", 0), ("due_soon_days", "7"), ("open_documents", 1)):
        with pytest.raises(ValueError):
            setattr(s, name, value)
    s.path.parent.mkdir(parents=True, exist_ok=True)
    s.path.write_text(json.dumps({"language": "de", "due_soon_days": True, "unknown": 1}), "utf-8")
    loaded = Settings()
    assert loaded.language == "ro" and loaded.due_soon_days == 5
    s.path.write_text("{not json", "utf-8")
    assert Settings().language == "ro"
