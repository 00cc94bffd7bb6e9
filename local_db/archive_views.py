"""Plain data of the archive handed to callers (CLI, UI, PDFs, sync): frozen dataclasses, never ORM rows."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArchiveSettings:
    """Values the law leaves to practice (DOMAIN.md "configurable"); stored in `meta` as archive.*."""
    transfer_year_offset: int = 2      # dossiers of year N go to the archive in year N + offset (1 or 2)
    loan_days: int = 30                # a loan's term, renewable
    volume_max_sheets: int = 250       # a volume holds at most this many sheets (the rule says 250–300)
    cs_review_years: int = 10          # a "CS" item without years is reviewed by the committee after this


@dataclass(frozen=True)
class PlanItemView:
    id: int
    uuid: str
    year: int
    indicator: str
    compartment: str
    title: str
    retention: str                 # "P", "CS", "CS 10", "10"
    retention_kind: str            # years | permanent | cs
    retention_years: int | None
    notes: str
    doc_types: tuple[str, ...]
    source: str
    version: int
    dossiers: int = 0              # dossiers opened from it

    @property
    def permanent(self) -> bool:
        return self.retention_kind == "permanent"


@dataclass(frozen=True)
class PlanItemInput:
    """What the archivist types for a plan line (or a template/CSV row brings)."""
    indicator: str
    title: str
    retention: str | int | None    # "P", "CS", "CS 10", 10, "10 ani"; None is refused (retention required)
    compartment: str = ""
    notes: str = ""
    doc_types: tuple[str, ...] | list[str] = ()


@dataclass(frozen=True)
class PlanImportReport:
    year: int
    added: list[str] = field(default_factory=list)       # indicators added
    unchanged: list[str] = field(default_factory=list)   # already there, identical
    conflicts: list[str] = field(default_factory=list)   # already there with other content (left as is)
    template: str = ""


@dataclass(frozen=True)
class LoanView:
    id: int
    uuid: str
    dossier_uuid: str
    dossier_ref: str
    indicator: str
    dossier_title: str
    year: int
    borrower: str
    borrower_compartment: str
    purpose: str
    approved_by: str
    lent_at: str
    due: str
    returned_at: str | None
    renewals: int
    lent_by: str
    overdue: bool
    days_overdue: int


@dataclass(frozen=True)
class DossierView:
    id: int
    uuid: str
    ref: str                       # "2025:I.A.7" (":2" for a second volume): the CLI's handle
    year: int
    plan_item_uuid: str
    indicator: str
    volume: int
    title: str
    compartment: str
    status: str                    # open | closed | archived | lent | disposed
    retention: str
    retention_kind: str
    retention_years: int | None
    room: str
    shelf: str
    box: str
    location: str                  # "room / shelf / box" as one line ("" when not placed)
    sheets: int                    # counted by hand when known, else the sum of the filed entries' sheets
    sheets_from_entries: int
    sheets_counted: int | None
    entries: int
    date_from: str | None
    date_to: str | None
    remarks: str
    opened_at: str
    opened_by: str
    closed_at: str | None
    closed_by: str
    reopened_at: str | None
    reopen_reason: str
    transfer_uuid: str | None
    archived_at: str | None
    disposal_uuid: str | None
    disposed_at: str | None
    expires_year: int | None       # last year of retention; eligible for disposal from 1 Jan of the next
    version: int
    loan: LoanView | None = None   # the open loan of a lent dossier: where it is

    @property
    def permanent(self) -> bool:
        return self.retention_kind == "permanent"


@dataclass(frozen=True)
class DossierEntryRow:
    entry_id: int
    uuid: str
    ref: str
    reg_date: str
    direction: str
    subject: str
    pages: int
    status: str
    filed_at: str
    filed_by: str


@dataclass(frozen=True)
class DossierDetail:
    dossier: DossierView
    entries: list[DossierEntryRow]
    loans: list[LoanView]


@dataclass(frozen=True)
class FilingResult:
    """Where each entry went (a full volume continues in the next one)."""
    filed: list[tuple[str, str]]           # (entry ref, dossier ref)
    skipped: list[str]                     # entry refs already in that dossier
    dossiers: list[DossierView]            # the dossiers touched, as they are now
    new_volumes: list[str] = field(default_factory=list)   # dossier refs opened because a volume was full


@dataclass(frozen=True)
class DossierSuggestion:
    plan_item: PlanItemView
    dossier: DossierView | None            # the open dossier of that item (None: it would be opened)
    score: float
    reasons: tuple[str, ...]               # codes: history, doc_type, compartment, words


@dataclass(frozen=True)
class EntryBrief:
    id: int
    ref: str
    reg_date: str
    direction: str
    subject: str
    status: str
    compartment: str


@dataclass(frozen=True)
class ClosingReport:
    """What is still unresolved in a year, shown before closing it."""
    year: int
    closed: bool
    closed_at: str | None
    open_dossiers: list[DossierView]
    empty_dossiers: list[str]               # refs of open dossiers with no entries
    unfiled: list[EntryBrief]               # entries of the year in no dossier (first 200)
    unfiled_count: int
    unresolved: list[EntryBrief]            # incoming entries not resolved (first 200)
    unresolved_count: int
    plan_items_without_dossier: list[str]   # indicators

    @property
    def clean(self) -> bool:
        return not self.unfiled_count and not self.unresolved_count


@dataclass(frozen=True)
class InventoryLine:
    no: int
    dossier_uuid: str
    indicator: str
    volume: int
    title: str
    date_from: str | None
    date_to: str | None
    sheets: int
    retention: str
    remarks: str


@dataclass(frozen=True)
class Inventory:
    """One inventory: a year, a compartment, permanent apart from temporary (DOMAIN.md)."""
    year: int
    compartment: str
    compartment_name: str
    permanent: bool
    lines: list[InventoryLine]
    total_dossiers: int
    total_sheets: int
    missing: list[str]                      # dossiers of the year and compartment not handed over (ref — title)


@dataclass(frozen=True)
class ArchiveRegisterRowView:
    number: int
    kind: str                              # in | out
    day: str
    compartment: str
    date_from: str | None
    date_to: str | None
    inventory: str
    units: int
    units_permanent: int
    destination: str
    document: str
    transfer_uuid: str | None
    disposal_uuid: str | None


@dataclass(frozen=True)
class TransferView:
    id: int
    uuid: str
    number: int
    year: int
    compartment: str
    compartment_name: str
    transfer_date: str
    handed_by: str
    received_by: str
    dossiers: int
    dossiers_permanent: int
    sheets: int
    remarks: str
    created_at: str
    created_by: str
    inventories: list[Inventory]
    register: ArchiveRegisterRowView | None


@dataclass(frozen=True)
class TransferDue:
    """Closed dossiers of a year and compartment still waiting to go to the archive."""
    year: int
    compartment: str
    dossiers: int
    due_year: int
    overdue: bool


@dataclass(frozen=True)
class EligibleDossier:
    dossier: DossierView
    expired_on: str                         # last day of retention (31 Dec of expires_year)
    committee_decides: bool                 # a "CS" dossier


@dataclass(frozen=True)
class DisposalLine:
    no: int
    dossier_uuid: str
    dossier_ref: str
    year: int
    compartment: str
    indicator: str
    volume: int
    title: str
    date_from: str | None
    date_to: str | None
    sheets: int
    retention: str
    expires_year: int | None
    excluded: bool


@dataclass(frozen=True)
class DisposalView:
    id: int
    uuid: str
    number: int
    status: str                             # proposed | approved | executed | withdrawn
    president: str
    secretary: str
    members: tuple[str, ...]
    minutes_number: str
    minutes_date: str | None
    note: str
    proposed_at: str
    proposed_by: str
    act_number: str
    act_date: str | None
    approved_at: str | None
    executed_at: str | None
    files_removed: int
    files_kept: int
    lines: list[DisposalLine]
    total_dossiers: int
    total_sheets: int
    version: int


@dataclass(frozen=True)
class ArchiveFilters:
    text: str = ""                          # words of the title or indicator (diacritics ignored)
    indicator: str = ""                     # prefix: "I.A" finds I.A.1, I.A.7 …
    year: int | None = None
    compartment: str = ""
    status: tuple[str, ...] | list[str] = ()
    location: str = ""                      # words of room / shelf / box
