from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from local_db import NewEntry, Party

RO = ZoneInfo("Europe/Bucharest")


class FakeClock:
    """A settable clock (the registry takes any callable returning an aware datetime)."""

    def __init__(self, *args: int) -> None:
        self.now = datetime(*args, tzinfo=RO)

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args: int) -> None:
        self.now = datetime(*args, tzinfo=RO)


def petition(subject: str = "Sesizare privind drumul comunal", sender: str = "Ion Popescu", **kw) -> NewEntry:
    return NewEntry(direction="in", subject=subject, doc_type=kw.pop("doc_type", "PETITIE"),
                    sender=Party(sender, kw.pop("kind", "person"), kw.pop("idno", "")), **kw)


def outgoing(subject: str = "Răspuns", recipient: str = "Ion Popescu", **kw) -> NewEntry:
    return NewEntry(direction="out", subject=subject, doc_type=kw.pop("doc_type", "RASPUNS"),
                    recipient=Party(recipient, "person"), **kw)
