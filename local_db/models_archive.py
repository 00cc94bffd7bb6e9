"""SQLAlchemy models of the archive: filing plan, dossiers, filing, year closing, transfers, the archive
register, loans and disposal (DOMAIN.md "The archive"). Created by migration 0003.

Commune-owned records (plan items, dossiers, transfers, loans, disposals) carry a `uuid` and a growing
`version` like the registry's records; every change goes through `audit.record_change`.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base

RETENTION_KINDS = ("years", "permanent", "cs")
DOSSIER_STATUSES = ("open", "closed", "archived", "lent", "disposed")
DISPOSAL_STATUSES = ("proposed", "approved", "executed", "withdrawn")
REGISTER_KINDS = ("in", "out")


class PlanItem(Base):
    """One line of the filing plan (nomenclator arhivistic) of a year: indicator, compartment, title,
    retention (years, permanent or CS = decided by the selection committee)."""
    __tablename__ = "plan_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    indicator: Mapped[str] = mapped_column(String(32))
    compartment: Mapped[str] = mapped_column(String(120), default="")
    title: Mapped[str] = mapped_column(String(500))
    retention_kind: Mapped[str] = mapped_column(String(10))
    retention_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    doc_types: Mapped[str] = mapped_column(String(400), default="")  # comma-separated codes (suggestions)
    position: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(60), default="local")  # local | copy:<year> | template:<code>
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        UniqueConstraint("year", "indicator", name="uq_plan_item_year_indicator"),
        CheckConstraint("retention_kind IN ('years','permanent','cs')", name="ck_plan_item_retention"),
    )


class Dossier(Base):
    """A dossier (one volume) of a year, opened from a plan item. Retention is copied from the plan item
    when it is opened: a later change of the plan does not move an existing dossier's expiry."""
    __tablename__ = "dossier"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    plan_item_id: Mapped[int] = mapped_column(ForeignKey("plan_item.id"))
    indicator: Mapped[str] = mapped_column(String(32))
    volume: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(500))
    compartment: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    retention_kind: Mapped[str] = mapped_column(String(10))
    retention_years: Mapped[int | None] = mapped_column(Integer, nullable=True)
    room: Mapped[str] = mapped_column(String(60), default="")
    shelf: Mapped[str] = mapped_column(String(60), default="")
    box: Mapped[str] = mapped_column(String(60), default="")
    sheets: Mapped[int] = mapped_column(Integer, default=0)          # sum of the filed entries' sheets
    sheets_counted: Mapped[int | None] = mapped_column(Integer, nullable=True)  # counted by hand, wins
    entry_count: Mapped[int] = mapped_column(Integer, default=0)
    date_from: Mapped[str | None] = mapped_column(String(10), nullable=True)
    date_to: Mapped[str | None] = mapped_column(String(10), nullable=True)
    remarks: Mapped[str] = mapped_column(Text, default="")
    search_text: Mapped[str] = mapped_column(Text, default="")       # folded indicator + title
    opened_at: Mapped[str] = mapped_column(String(40))
    opened_by: Mapped[str] = mapped_column(String(40), default="")
    closed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    closed_by: Mapped[str] = mapped_column(String(40), default="")
    reopened_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reopened_by: Mapped[str] = mapped_column(String(40), default="")
    reopen_reason: Mapped[str] = mapped_column(Text, default="")
    transfer_id: Mapped[int | None] = mapped_column(ForeignKey("transfer.id"), nullable=True)
    archived_at: Mapped[str | None] = mapped_column(String(10), nullable=True)
    disposal_id: Mapped[int | None] = mapped_column(ForeignKey("disposal.id"), nullable=True)
    disposed_at: Mapped[str | None] = mapped_column(String(10), nullable=True)
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        UniqueConstraint("year", "indicator", "volume", name="uq_dossier_year_indicator_volume"),
        CheckConstraint("status IN ('open','closed','archived','lent','disposed')", name="ck_dossier_status"),
        CheckConstraint("retention_kind IN ('years','permanent','cs')", name="ck_dossier_retention"),
        CheckConstraint("volume >= 1", name="ck_dossier_volume"),
        Index("ix_dossier_status", "status"),
        Index("ix_dossier_year_compartment", "year", "compartment"),
        Index("ix_dossier_plan_item", "plan_item_id"),
    )


class DossierEntry(Base):
    """An entry filed in a dossier; an entry is in at most one dossier (unique entry_id)."""
    __tablename__ = "dossier_entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"), unique=True)
    filed_at: Mapped[str] = mapped_column(String(40))
    filed_by: Mapped[str] = mapped_column(String(40), default="")
    __table_args__ = (Index("ix_dossier_entry_dossier", "dossier_id"),)


class ArchiveYear(Base):
    """A closed year (year-end closing): its dossiers were closed; filing needs an audited reopen."""
    __tablename__ = "archive_year"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    closed_at: Mapped[str] = mapped_column(String(40))
    closed_by: Mapped[str] = mapped_column(String(40), default="")
    report: Mapped[str] = mapped_column(Text, default="")  # JSON summary of what was unresolved


class Transfer(Base):
    """A handover of closed dossiers of one year and compartment to the archive, with its inventories."""
    __tablename__ = "transfer"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    year: Mapped[int] = mapped_column(Integer)
    compartment: Mapped[str] = mapped_column(String(120), default="")
    transfer_date: Mapped[str] = mapped_column(String(10))
    handed_by: Mapped[str] = mapped_column(String(200))
    received_by: Mapped[str] = mapped_column(String(200))
    dossiers: Mapped[int] = mapped_column(Integer, default=0)
    dossiers_permanent: Mapped[int] = mapped_column(Integer, default=0)
    sheets: Mapped[int] = mapped_column(Integer, default=0)
    inventory: Mapped[str] = mapped_column(Text, default="")  # JSON: the inventories as handed over
    remarks: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class ArchiveRegisterRow(Base):
    """Register of the archive's entries and exits (registrul de evidență a intrărilor și ieșirilor)."""
    __tablename__ = "archive_register"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(4))
    day: Mapped[str] = mapped_column(String(10))
    compartment: Mapped[str] = mapped_column(String(120), default="")
    date_from: Mapped[str | None] = mapped_column(String(10), nullable=True)
    date_to: Mapped[str | None] = mapped_column(String(10), nullable=True)
    inventory: Mapped[str] = mapped_column(String(300), default="")
    units: Mapped[int] = mapped_column(Integer, default=0)
    units_permanent: Mapped[int] = mapped_column(Integer, default=0)
    destination: Mapped[str] = mapped_column(String(60), default="")
    document: Mapped[str] = mapped_column(String(300), default="")
    transfer_id: Mapped[int | None] = mapped_column(ForeignKey("transfer.id"), nullable=True)
    disposal_id: Mapped[int | None] = mapped_column(ForeignKey("disposal.id"), nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))
    created_by: Mapped[str] = mapped_column(String(40), default="")
    __table_args__ = (CheckConstraint("kind IN ('in','out')", name="ck_archive_register_kind"),)


class Loan(Base):
    """A dossier lent against a signature: who, approved by whom, when, until when, returned when."""
    __tablename__ = "loan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"))
    borrower: Mapped[str] = mapped_column(String(200))
    borrower_compartment: Mapped[str] = mapped_column(String(120), default="")
    purpose: Mapped[str] = mapped_column(String(500), default="")
    approved_by: Mapped[str] = mapped_column(String(200))
    lent_at: Mapped[str] = mapped_column(String(10))
    due: Mapped[str] = mapped_column(String(10))
    returned_at: Mapped[str | None] = mapped_column(String(10), nullable=True)
    renewals: Mapped[int] = mapped_column(Integer, default=0)
    prior_status: Mapped[str] = mapped_column(String(10))
    lent_by: Mapped[str] = mapped_column(String(40), default="")
    returned_by: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_loan_dossier", "dossier_id"), Index("ix_loan_open_due", "returned_at", "due"))


class Disposal(Base):
    """A disposal proposal of the selection committee: proposed → approved (the National Archives'
    confirmation: act number and date) → executed. Nothing is destroyed before approval."""
    __tablename__ = "disposal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    status: Mapped[str] = mapped_column(String(10), default="proposed")
    president: Mapped[str] = mapped_column(String(200))
    secretary: Mapped[str] = mapped_column(String(200))
    members: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    minutes_number: Mapped[str] = mapped_column(String(60), default="")
    minutes_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    proposed_at: Mapped[str] = mapped_column(String(40))
    proposed_by: Mapped[str] = mapped_column(String(40), default="")
    act_number: Mapped[str] = mapped_column(String(60), default="")
    act_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    approved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    approved_by: Mapped[str] = mapped_column(String(40), default="")
    executed_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    executed_by: Mapped[str] = mapped_column(String(40), default="")
    files_removed: Mapped[int] = mapped_column(Integer, default=0)
    files_kept: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (
        CheckConstraint("status IN ('proposed','approved','executed','withdrawn')", name="ck_disposal_status"),
    )


class DisposalItem(Base):
    """A dossier listed in a disposal proposal; `excluded` when the confirmation left it out."""
    __tablename__ = "disposal_item"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    disposal_id: Mapped[int] = mapped_column(ForeignKey("disposal.id"))
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id"))
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        UniqueConstraint("disposal_id", "dossier_id", name="uq_disposal_item"),
        Index("ix_disposal_item_dossier", "dossier_id"),
    )
