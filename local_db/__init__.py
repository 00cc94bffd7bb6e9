"""The town hall's data and rules (no Qt). Start at `local_db.registry.Registry`."""
from .audit import SYSTEM, Actor
from .errors import (
    IntegrityProblem, MigrationFailed, NotFound, PermissionDenied, RegistruError, SchemaTooNew, StateError,
    ValidationError,
)
from .registry import Registry
from .search import Filters
from .views import EntryRef, EntryRow, EntryView, NewEntry, Party, parse_ref

__all__ = [
    "Registry", "Actor", "SYSTEM", "Filters", "NewEntry", "Party", "EntryRef", "EntryRow", "EntryView", "parse_ref",
    "RegistruError", "ValidationError", "NotFound", "PermissionDenied", "StateError", "IntegrityProblem",
    "SchemaTooNew", "MigrationFailed",
]
