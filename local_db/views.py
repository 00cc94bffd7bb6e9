"""Plain data handed to callers (CLI, UI, sync): frozen dataclasses, never live ORM objects, so
nothing lazy-loads on the GUI thread. Personal identifiers are masked unless the caller may see them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .errors import ValidationError

_REF = re.compile(r"^\s*(\d{1,7})\s*([A-Za-z]{0,6})\s*/\s*(\d{4})\s*$")


@dataclass(frozen=True)
class EntryRef:
    number: int
    year: int
    suffix: str = ""

    def __str__(self) -> str:
        return f"{self.number}{' ' + self.suffix if self.suffix else ''}/{self.year}"


def parse_ref(text: str, field: str = "number") -> EntryRef:
    """'125/2026' or '245 bis/2023' -> EntryRef."""
    m = _REF.match(text or "")
    if not m:
        raise ValidationError("bad_number_ref", field=field, value=text)
    return EntryRef(int(m.group(1)), int(m.group(3)), m.group(2).lower())


@dataclass(frozen=True)
class Party:
    name: str = ""
    kind: str = "person"          # person | institution
    idno: str = ""                # CNP (person) or CUI (institution), validated by checksum
    address: str = ""


@dataclass
class NewEntry:
    """What a clerk types for a new registration."""
    direction: str                         # in | out | internal
    subject: str
    doc_type: str | None = None            # document type code
    sender: Party = field(default_factory=Party)
    recipient: Party = field(default_factory=Party)
    summary: str = ""
    channel: str = "desk"
    issuer_ref: str = ""                   # the issuer's own number and date
    pages: int = 0
    annexes: int = 0
    compartment: str | None = None         # compartment code
    assignee: str | None = None            # username
    instruction: str = ""
    register: str | None = None            # register code; the general register by default
    reply_to: str | None = None            # "N/YEAR" of the entry this one answers (outgoing)
    related: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)  # file paths


@dataclass(frozen=True)
class AttachmentView:
    id: int
    uuid: str
    sha256: str
    filename: str
    mime: str
    size: int
    added_at: str
    added_by: str


@dataclass(frozen=True)
class LinkView:
    kind: str            # related | joined | reply | reply_to
    ref: str
    subject: str
    uuid: str


@dataclass(frozen=True)
class EntryRow:
    """One line of the registry table / search results (identifiers masked, never full)."""
    id: int
    uuid: str
    ref: str
    year: int
    number: int
    number_suffix: str
    reg_date: str
    direction: str
    doc_type: str
    party: str            # sender for incoming, recipient otherwise
    subject: str
    compartment: str
    assignee: str
    deadline: str | None
    status: str
    overdue: bool


@dataclass(frozen=True)
class EntryView:
    """Everything about one entry (the detail view)."""
    id: int
    uuid: str
    ref: str
    year: int
    number: int
    number_suffix: str
    registered_at: str
    reg_date: str
    register: str
    direction: str
    doc_type: str | None
    doc_type_name: str
    channel: str
    issuer_ref: str
    sender: Party
    recipient: Party
    subject: str
    summary: str
    pages: int
    annexes: int
    compartment: str | None
    compartment_name: str
    assignee: str | None
    assignee_name: str
    instruction: str
    deadline: str | None
    deadline_original: str | None
    status: str
    resolution_kind: str
    resolution: str
    resolved_at: str | None
    reply: str | None            # ref of the outgoing reply, if resolved with one
    dispatch_date: str | None
    joined_to: str
    dossier_indicator: str
    cancelled_reason: str
    cancelled_at: str | None
    cancelled_by: str
    source: str
    created_by: str
    version: int
    overdue: bool
    attachments: tuple[AttachmentView, ...] = ()
    links: tuple[LinkView, ...] = ()


@dataclass(frozen=True)
class AuditView:
    seq: int
    ts: str
    actor: str
    action: str
    object_kind: str
    object_id: str
    before: str
    after: str


@dataclass(frozen=True)
class DocTypeView:
    code: str
    name: str
    direction: str | None
    regime: str
    deadline_days: int | None
    day_kind: str
    roll_to_working_day: bool
    extension_days: int
    legal_basis: str
    source: str
    active: bool


@dataclass(frozen=True)
class NamedCode:
    code: str
    name: str
    active: bool = True


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    full_name: str
    role: str
    compartment: str | None
    active: bool


@dataclass(frozen=True)
class InstitutionView:
    uuid: str
    name: str
    siruta: str
    county: str
    address: str
    cui: str
    node_id: str


@dataclass
class VerifyReport:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entries: int = 0
    events: int = 0
    blobs: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def today_iso(d: date) -> str:
    return d.isoformat()
