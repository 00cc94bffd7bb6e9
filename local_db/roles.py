"""Roles and what each may do. The core checks these, so the CLI and the UI obey the same rules."""
from __future__ import annotations

from .errors import PermissionDenied

ROLE_NAMES = {
    "clerk": ("registrator", "clerk"),
    "compartment": ("compartiment", "compartment staff"),
    "secretary": ("secretar general", "secretary general"),
    "archivist": ("arhivar", "archivist"),
    "admin": ("administrator", "administrator"),
}

_ALL = frozenset(ROLE_NAMES)
PERMISSIONS: dict[str, frozenset[str]] = {
    "register": frozenset({"clerk", "secretary", "archivist", "admin", "compartment"}),
    "attach": _ALL,
    "assign": frozenset({"clerk", "secretary", "admin"}),
    "resolve": frozenset({"clerk", "compartment", "secretary", "admin"}),
    "cancel": frozenset({"clerk", "secretary", "admin"}),
    "extend_deadline": frozenset({"secretary", "admin"}),
    "link": frozenset({"clerk", "compartment", "secretary", "archivist", "admin"}),
    "view_identifiers": frozenset({"clerk", "secretary", "admin"}),
    "manage_users": frozenset({"admin"}),
    "manage_nomenclator": frozenset({"secretary", "admin"}),
    "manage_settings": frozenset({"admin"}),
    "import": frozenset({"admin"}),
    "export": frozenset({"clerk", "secretary", "archivist", "admin"}),  # incl. printing the register
    "backup": frozenset({"clerk", "secretary", "archivist", "admin"}),
    "restore": frozenset({"admin"}),
    "archive": frozenset({"archivist", "secretary", "admin"}),
    # filing entries into dossiers (and opening a year's dossier from the plan) happens in the compartments
    "file_entries": frozenset({"clerk", "compartment", "secretary", "archivist", "admin"}),
    "sync": _ALL,
}

ACTION_NAMES = {
    "register": ("înregistrare documente", "register documents"),
    "attach": ("atașare fișiere", "attach files"),
    "assign": ("repartizare", "assign"),
    "resolve": ("rezolvare", "resolve"),
    "cancel": ("anulare înregistrări", "cancel entries"),
    "extend_deadline": ("prelungire termen", "extend deadlines"),
    "link": ("legare înregistrări", "link entries"),
    "view_identifiers": ("vizualizare CNP", "view personal identifiers"),
    "manage_users": ("administrare utilizatori", "manage users"),
    "manage_nomenclator": ("modificare nomenclator", "edit the nomenclator"),
    "manage_settings": ("modificare setări", "change settings"),
    "import": ("import registre vechi", "import legacy registers"),
    "export": ("export", "export"),
    "backup": ("copii de siguranță", "back up"),
    "restore": ("restaurare", "restore"),
    "archive": ("lucru în arhivă", "work in the archive"),
    "file_entries": ("îndosariere", "file entries into dossiers"),
    "sync": ("sincronizare", "synchronise"),
}


def allowed(role: str, action: str) -> bool:
    return role in PERMISSIONS.get(action, frozenset())


def require(role: str, action: str) -> None:
    if not allowed(role, action):
        from .messages import language
        lang = 1 if language() == "en" else 0
        raise PermissionDenied("permission_denied", role=ROLE_NAMES.get(role, (role, role))[lang],
                               action=ACTION_NAMES.get(action, (action, action))[lang])
