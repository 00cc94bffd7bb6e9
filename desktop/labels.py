"""Names of the core's codes (statuses, directions, channels, roles, resolutions) in the interface.

The English names are marked for Qt's translation tools here, once; screens translate them with
`label(...)` (the interface language) and documents with `label(..., document_tr)` (Romanian).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"
Translate = Callable[[str, str], str]

STATUS = {
    "registered": QT_TRANSLATE_NOOP("Labels", "Registered"),
    "assigned": QT_TRANSLATE_NOOP("Labels", "Assigned"),
    "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "filed": QT_TRANSLATE_NOOP("Labels", "Filed"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}
DIRECTION = {
    "in": QT_TRANSLATE_NOOP("Labels", "Incoming"),
    "out": QT_TRANSLATE_NOOP("Labels", "Outgoing"),
    "internal": QT_TRANSLATE_NOOP("Labels", "Internal"),
}
CHANNEL = {
    "desk": QT_TRANSLATE_NOOP("Labels", "At the desk"),
    "post": QT_TRANSLATE_NOOP("Labels", "Post"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "online": QT_TRANSLATE_NOOP("Labels", "Online portal"),
    "hub": QT_TRANSLATE_NOOP("Labels", "County hub"),
    "fax": QT_TRANSLATE_NOOP("Labels", "Fax"),
    "courier": QT_TRANSLATE_NOOP("Labels", "Courier"),
}
RESOLUTION = {
    "answered": QT_TRANSLATE_NOOP("Labels", "Answered"),
    "filed_no_action": QT_TRANSLATE_NOOP("Labels", "Filed without action"),
    "forwarded": QT_TRANSLATE_NOOP("Labels", "Forwarded"),
    "joined": QT_TRANSLATE_NOOP("Labels", "Joined to another entry"),
    "for_information": QT_TRANSLATE_NOOP("Labels", "For information"),
}
ROLE = {
    "clerk": QT_TRANSLATE_NOOP("Labels", "Registry clerk"),
    "compartment": QT_TRANSLATE_NOOP("Labels", "Compartment staff"),
    "secretary": QT_TRANSLATE_NOOP("Labels", "Secretary general"),
    "archivist": QT_TRANSLATE_NOOP("Labels", "Archivist"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
}
PARTY_KIND = {
    "person": QT_TRANSLATE_NOOP("Labels", "Person"),
    "institution": QT_TRANSLATE_NOOP("Labels", "Institution"),
}
AUDIT_ACTION = {
    "register": QT_TRANSLATE_NOOP("Labels", "Registered"),
    "assign": QT_TRANSLATE_NOOP("Labels", "Assigned"),
    "resolve": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "cancel": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    "link": QT_TRANSLATE_NOOP("Labels", "Linked"),
    "attach": QT_TRANSLATE_NOOP("Labels", "File attached"),
    "extend_deadline": QT_TRANSLATE_NOOP("Labels", "Deadline extended"),
    "view_identifiers": QT_TRANSLATE_NOOP("Labels", "Personal identifiers viewed"),
}
VIEW_CONTEXT = "Views"
VIEW = {
    "all": QT_TRANSLATE_NOOP("Views", "All"),
    "mine": QT_TRANSLATE_NOOP("Views", "Assigned to me"),
    "due_soon": QT_TRANSLATE_NOOP("Views", "Due soon"),
    "overdue": QT_TRANSLATE_NOOP("Views", "Overdue"),
    "cancelled": QT_TRANSLATE_NOOP("Views", "Cancelled"),
}


def qt_translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def label(table: dict[str, str], code: str | None, translate: Translate = qt_translate) -> str:
    """The translated name of `code` in `table`; unknown codes are shown as they are."""
    if not code:
        return ""
    source = table.get(code)
    return translate(VIEW_CONTEXT if table is VIEW else CONTEXT, source) if source else code
