"""Typed settings of this PC, in one JSON file in the platform's config dir (env REGISTRU_CONFIG_DIR).

Each setting is declared once as a `ConfigVar` (name, type, default, doc) on `Settings`; widgets read
and write attributes (`settings.language = "en"`), never string keys. A value of the wrong type in the
file (hand-edited, older release) falls back to the default instead of breaking start-up. Writes are
atomic (temporary file + rename), so a power cut never leaves a half-written file.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from .paths import config_dir

log = logging.getLogger(__name__)
T = TypeVar("T")
SETTINGS_FILE = "settings.json"
LANGUAGES = ("ro", "en")


class ConfigVar(Generic[T]):
    def __init__(self, type_: type[T], default: T, doc: str, choices: tuple[T, ...] | None = None,
                 minimum: int | None = None, maximum: int | None = None) -> None:
        self.type = type_
        self.default = default
        self.doc = doc
        self.choices = choices
        self.minimum = minimum
        self.maximum = maximum
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def valid(self, value: Any) -> bool:
        if self.type is int and isinstance(value, bool):
            return False
        if not isinstance(value, self.type):
            return False
        if self.choices is not None and value not in self.choices:
            return False
        if self.minimum is not None and value < self.minimum:  # type: ignore[operator]
            return False
        return self.maximum is None or value <= self.maximum  # type: ignore[operator]

    @overload
    def __get__(self, obj: None, owner: type) -> "ConfigVar[T]": ...
    @overload
    def __get__(self, obj: "Settings", owner: type) -> T: ...

    def __get__(self, obj: "Settings | None", owner: type) -> "T | ConfigVar[T]":
        if obj is None:
            return self
        value = obj._values.get(self.name, self.default)
        return value if self.valid(value) else self.default

    def __set__(self, obj: "Settings", value: T) -> None:
        if not self.valid(value):
            raise ValueError(f"setting {self.name}: {value!r} is not a valid {self.type.__name__}")
        obj._values[self.name] = value
        obj.save()


class Settings:
    language = ConfigVar(str, "ro", "Interface language (ro or en).", choices=LANGUAGES)
    last_username = ConfigVar(str, "", "User name offered in the login dialog.")
    due_soon_days = ConfigVar(int, 5, "An open entry is 'due soon' when its deadline is within this many days.",
                              minimum=1, maximum=60)
    search_delay_ms = ConfigVar(int, 250, "Pause after typing before the search runs.", minimum=50, maximum=2000)
    documents_dir = ConfigVar(str, "", "Where receipts and register prints are saved (empty: <data dir>/documente).")
    open_documents = ConfigVar(bool, True, "Open a receipt or register print in the PDF viewer once it is saved.")
    window_geometry = ConfigVar(str, "", "Main window geometry (Qt saveGeometry, base64).")
    table_header = ConfigVar(str, "", "Registry table column widths and order (Qt saveState, base64).")

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / SETTINGS_FILE
        self._values: dict[str, Any] = {}
        self._load()

    @classmethod
    def variables(cls) -> list[ConfigVar[Any]]:
        return [v for v in vars(cls).values() if isinstance(v, ConfigVar)]

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable (%s); using defaults", self.path, exc)
            return
        if isinstance(data, dict):
            known = {v.name for v in self.variables()}
            self._values = {k: v for k, v in data.items() if k in known}

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self._values, f, ensure_ascii=False, indent=2, sort_keys=True)
            os.replace(tmp, self.path)
        except OSError as exc:  # a read-only profile must not stop the clerk's work
            log.warning("could not save settings to %s: %s", self.path, exc)

    def documents_path(self, data_dir: Path) -> Path:
        return Path(self.documents_dir).expanduser() if self.documents_dir else data_dir / "documente"
