"""SQLAlchemy 2 models of the town hall's local database.

Schema changes only through Alembic (`local_db/migrations`). Times are stored as ISO 8601 text with
the local UTC offset (registration dates are legal facts in the town hall's own time); dates as ISO
dates. Commune-owned records carry a `uuid` (their identity at the hub) and a `version` that grows on
every change (the hub keeps the highest).
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

DIRECTIONS = ("in", "out", "internal")
STATUSES = ("registered", "assigned", "resolved", "filed", "cancelled")
CHANNELS = ("desk", "post", "email", "online", "hub", "fax", "courier")
PARTY_KINDS = ("person", "institution")
RESOLUTION_KINDS = ("answered", "filed_no_action", "forwarded", "joined", "for_information")
ROLES = ("clerk", "compartment", "secretary", "archivist", "admin")
DAY_KINDS = ("calendar", "working")


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value facts about this installation (node id, schema notes, sync cursors)."""
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Institution(Base):
    __tablename__ = "institution"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    siruta: Mapped[str] = mapped_column(String(10))
    county: Mapped[str] = mapped_column(String(60))
    address: Mapped[str] = mapped_column(String(300), default="")
    cui: Mapped[str] = mapped_column(String(12), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)


class Compartment(Base):
    __tablename__ = "compartment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Register(Base):
    """A register (the general one, or a compartment's own). All registers share one yearly sequence."""
    __tablename__ = "register"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20), default="general")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class DocType(Base):
    """Document type with its deadline rule (county nomenclator, or local)."""
    __tablename__ = "doc_type"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    direction: Mapped[str | None] = mapped_column(String(10), nullable=True)
    regime: Mapped[str] = mapped_column(String(30), default="general")
    deadline_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    day_kind: Mapped[str] = mapped_column(String(10), default="calendar")
    roll_to_working_day: Mapped[bool] = mapped_column(Boolean, default=False)
    extension_days: Mapped[int] = mapped_column(Integer, default=0)
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(10), default="default")  # default | county | local
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Holiday(Base):
    """Non-working days beyond the legal public holidays (from the county over sync)."""
    __tablename__ = "holiday"
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    working: Mapped[bool] = mapped_column(Boolean, default=False)


class User(Base):
    __tablename__ = "user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    compartment_id: Mapped[int | None] = mapped_column(ForeignKey("compartment.id"), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (CheckConstraint("role IN ('clerk','compartment','secretary','archivist','admin')"),)


class Entry(Base):
    __tablename__ = "entry"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    register_id: Mapped[int] = mapped_column(ForeignKey("register.id"))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    number_suffix: Mapped[str] = mapped_column(String(10), default="")  # legacy "245 bis"
    registered_at: Mapped[str] = mapped_column(String(40))
    reg_date: Mapped[str] = mapped_column(String(10))
    direction: Mapped[str] = mapped_column(String(10))
    doc_type_id: Mapped[int | None] = mapped_column(ForeignKey("doc_type.id"), nullable=True)
    channel: Mapped[str] = mapped_column(String(12), default="desk")
    issuer_ref: Mapped[str] = mapped_column(String(80), default="")  # issuer's own number and date
    sender_kind: Mapped[str] = mapped_column(String(12), default="person")
    sender_name: Mapped[str] = mapped_column(String(200), default="")
    sender_idno: Mapped[str] = mapped_column(String(16), default="")
    sender_address: Mapped[str] = mapped_column(String(300), default="")
    recipient_kind: Mapped[str] = mapped_column(String(12), default="institution")
    recipient_name: Mapped[str] = mapped_column(String(200), default="")
    recipient_idno: Mapped[str] = mapped_column(String(16), default="")
    recipient_address: Mapped[str] = mapped_column(String(300), default="")
    subject: Mapped[str] = mapped_column(String(500), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    annexes: Mapped[int] = mapped_column(Integer, default=0)
    compartment_id: Mapped[int | None] = mapped_column(ForeignKey("compartment.id"), nullable=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    instruction: Mapped[str] = mapped_column(Text, default="")  # the head's rezoluție
    deadline: Mapped[str | None] = mapped_column(String(10), nullable=True)
    deadline_original: Mapped[str | None] = mapped_column(String(10), nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="registered")
    resolution_kind: Mapped[str] = mapped_column(String(20), default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    resolved_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    reply_entry_id: Mapped[int | None] = mapped_column(ForeignKey("entry.id"), nullable=True)
    dispatch_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    joined_to: Mapped[str] = mapped_column(String(40), default="")  # "Nr. conexat"
    dossier_indicator: Mapped[str] = mapped_column(String(40), default="")
    cancelled_reason: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    cancelled_by: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(10), default="desk")  # desk | import | hub
    created_by: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)

    doc_type: Mapped[DocType | None] = relationship(lazy="joined")
    register: Mapped[Register] = relationship(lazy="joined")
    compartment: Mapped[Compartment | None] = relationship(lazy="joined")
    assignee: Mapped[User | None] = relationship(lazy="joined")

    __table_args__ = (
        # One yearly sequence for the whole institution: a number never repeats across registers.
        UniqueConstraint("year", "number", "number_suffix", name="uq_entry_year_number"),
        CheckConstraint("direction IN ('in','out','internal')", name="ck_entry_direction"),
        CheckConstraint("status IN ('registered','assigned','resolved','filed','cancelled')", name="ck_entry_status"),
        CheckConstraint("number >= 1", name="ck_entry_number"),
        Index("ix_entry_reg_date", "reg_date"),
        Index("ix_entry_status_deadline", "status", "deadline"),
        Index("ix_entry_compartment", "compartment_id"),
        Index("ix_entry_assignee", "assignee_id"),
        Index("ix_entry_doc_type", "doc_type_id"),
        Index("ix_entry_sender_name", "sender_name"),
        Index("ix_entry_recipient_name", "recipient_name"),
    )


class EntryLink(Base):
    """Links between entries: 'related', 'joined' (conexat). Replies use entry.reply_entry_id."""
    __tablename__ = "entry_link"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"))
    other_id: Mapped[int] = mapped_column(ForeignKey("entry.id"))
    kind: Mapped[str] = mapped_column(String(12), default="related")
    created_at: Mapped[str] = mapped_column(String(40))
    __table_args__ = (UniqueConstraint("entry_id", "other_id", "kind"), Index("ix_entry_link_other", "other_id"))


class Blob(Base):
    """A stored file, by content. Files live at blobs/<sha[:2]>/<sha[2:]> under the data dir."""
    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[str] = mapped_column(String(40))


class Attachment(Base):
    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id"))
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[str] = mapped_column(String(40))
    added_by: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __table_args__ = (Index("ix_attachment_entry", "entry_id"), Index("ix_attachment_sha", "sha256"))


class AuditEvent(Base):
    """Append-only, hash-chained: hash = sha256(prev_hash || canonical(event fields))."""
    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # position in the chain (1, 2, …)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    ts: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    object_kind: Mapped[str] = mapped_column(String(20))
    object_id: Mapped[str] = mapped_column(String(36))
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (Index("ix_audit_object", "object_kind", "object_id"),)


class Outbox(Base):
    """Transactional outbox: one row per change of a commune-owned record, written in the same
    transaction as the change. `seq` is AUTOINCREMENT so a trimmed sequence is never reused."""
    __tablename__ = "outbox"
    __table_args__ = {"sqlite_autoincrement": True}
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))


# The archive's tables live in their own module; importing it here keeps one metadata (Alembic env).
from . import models_archive  # noqa: E402,F401
