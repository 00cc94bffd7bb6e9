"""Errors raised by the registry core.

Every error carries a stable `code`, the `field` it concerns (when there is one, so a form can show the
message next to it) and parameters. Messages come from `local_db.messages`, Romanian by default.
"""
from __future__ import annotations

from typing import Any

from .messages import tr


class RegistruError(Exception):
    """Base class: a problem the user can understand and fix."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.code = code
        self.field = field
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        text = tr(self.code, lang, **self.params)
        if self.field:
            return f"{tr('field.' + self.field, lang)}: {text}"
        return text

    def __str__(self) -> str:  # Romanian by default, as everywhere user-facing
        return self.message()


class ValidationError(RegistruError):
    """Bad input for a field; nothing was written."""


class NotFound(RegistruError):
    pass


class PermissionDenied(RegistruError):
    pass


class StateError(RegistruError):
    """The action is not allowed in the record's current state (e.g. resolving a cancelled entry)."""


class IntegrityProblem(RegistruError):
    """Stored data does not match what it should (a blob's hash, the audit chain, integrity_check)."""


class SchemaTooNew(RegistruError):
    pass


class MigrationFailed(RegistruError):
    pass
