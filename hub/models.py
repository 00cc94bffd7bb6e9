"""The hub's tables (SQLAlchemy 2 declarative). Schema changes go through hub/migrations only."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, MetaData, String, Text,
                        TypeDecorator, UniqueConstraint)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# BIGINT on PostgreSQL; INTEGER on SQLite so that an integer primary key is the rowid (autoincrement).
BigId = BigInteger().with_variant(Integer(), "sqlite")
# none_as_null: a Python None (a withdrawn publication, a deleted record) is SQL NULL, so the queries'
# `payload IS NULL` / `IS NOT NULL` see it (the default stores the JSON text 'null', which they miss).
Json = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both databases (SQLite stores them naive)."""
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    })


# --- communes, enrolment, installations ------------------------------------------------------------

class Commune(Base):
    __tablename__ = "communes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)          # SIRUTA
    name: Mapped[str] = mapped_column(String(200))
    county: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EnrolCode(Base):
    __tablename__ = "enrol_codes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(16))                        # first group, to recognise it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    used_node: Mapped[str | None] = mapped_column(String(64))
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Device(Base):
    """An enrolled installation (node) of a commune, with its sync health."""
    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    node: Mapped[str] = mapped_column(String(64), unique=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hostname: Mapped[str] = mapped_column(String(200), default="")
    app_version: Mapped[str] = mapped_column(String(50), default="")
    enrolled_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ack: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    pending: Mapped[int] = mapped_column(Integer, default=0)
    clock_skew_ms: Mapped[int | None] = mapped_column(BigInteger)
    last_ip: Mapped[str] = mapped_column(String(64), default="")


# --- push and the replica --------------------------------------------------------------------------

class ChangeRow(Base):
    """Every change a node pushed, unique on (node, seq): the idempotency key of push."""
    __tablename__ = "changes"
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReplicaRecord(Base):
    """The newest version of each commune-owned record, plus columns the admin view filters on."""
    __tablename__ = "replica"
    __table_args__ = (
        UniqueConstraint("commune_id", "kind", "record_id", name="uq_replica_record"),
        Index("ix_replica_page", "commune_id", "kind", "id"),
        Index("ix_replica_number", "commune_id", "kind", "year", "number"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"))
    kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(BigInteger)
    payload: Mapped[dict[str, Any] | None] = mapped_column(Json)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # extracted from `entry` payloads for the county's read-only registry view
    year: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(BigInteger)
    direction: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str | None] = mapped_column(String(16))
    registered_at: Mapped[str | None] = mapped_column(String(40))
    subject: Mapped[str | None] = mapped_column(Text)
    correspondent: Mapped[str | None] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(String(64))
    search: Mapped[str | None] = mapped_column(Text)           # folded (lower case, no diacritics)


# --- blobs ------------------------------------------------------------------------------------------

class Blob(Base):
    """A complete, verified blob on disk (data-dir/blobs/ab/cdef...)."""
    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BlobAccess(Base):
    """Which commune may download a blob: it uploaded it (proved possession), or it was sent to it."""
    __tablename__ = "blob_access"
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), primary_key=True)


class BlobUpload(Base):
    """A commune's upload in progress; `offset` is the truth, the partial file is cut back to it."""
    __tablename__ = "blob_uploads"
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BlobRef(Base):
    """A blob a commune's records reference; `pending` until that commune has uploaded it."""
    __tablename__ = "blob_refs"
    __table_args__ = (Index("ix_blob_refs_pending", "commune_id", "pending"),)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    pending: Mapped[bool] = mapped_column(Boolean)


# --- publications (streams going down) ------------------------------------------------------------

class Stream(Base):
    """One publication stream; publishing locks this row so seq order is commit order."""
    __tablename__ = "streams"
    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    epoch: Mapped[int] = mapped_column(Integer, default=1)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    rebuilt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PubItem(Base):
    __tablename__ = "pub_items"
    __table_args__ = (
        UniqueConstraint("stream", "seq", name="uq_pub_items_stream_seq"),
        Index("ix_pub_items_item", "stream", "item_id", "version"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    stream: Mapped[str] = mapped_column(ForeignKey("streams.name"))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(32))
    item_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict[str, Any] | None] = mapped_column(Json)
    targets_all: Mapped[bool] = mapped_column(Boolean)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    published_by: Mapped[str] = mapped_column(String(100), default="")


class PubTarget(Base):
    __tablename__ = "pub_targets"
    __table_args__ = (Index("ix_pub_targets_commune", "commune_id", "pub_item_id"),)
    pub_item_id: Mapped[int] = mapped_column(ForeignKey("pub_items.id", ondelete="CASCADE"), primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), primary_key=True)


# --- messages (circulars) ---------------------------------------------------------------------------

class Message(Base):
    __tablename__ = "messages"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    subject: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    sender: Mapped[str] = mapped_column(String(200))
    doc_type: Mapped[str | None] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(200), default="")
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class MessageAttachmentRow(Base):
    __tablename__ = "message_attachments"
    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(255))
    size: Mapped[int] = mapped_column(BigInteger)


class MessageTarget(Base):
    """Per commune: delivered (its cursor moved past the message) and registered (its receipt)."""
    __tablename__ = "message_targets"
    __table_args__ = (Index("ix_message_targets_commune", "commune_id", "delivered_at"),)
    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id"), primary_key=True)
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), primary_key=True)
    pub_seq: Mapped[int] = mapped_column(BigInteger)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    receipt_number: Mapped[int | None] = mapped_column(BigInteger)
    receipt_year: Mapped[int | None] = mapped_column(Integer)
    registered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    entry_id: Mapped[str | None] = mapped_column(String(64))
    receipt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class MessageReply(Base):
    __tablename__ = "message_replies"
    __table_args__ = (UniqueConstraint("message_id", "commune_id", "entry_id", name="uq_message_replies_entry"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[str] = mapped_column(ForeignKey("messages.id"))
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"))
    entry_id: Mapped[str] = mapped_column(String(64))
    number: Mapped[int] = mapped_column(BigInteger)
    year: Mapped[int] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(Json)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- county staff, rate limits, security log, configuration ------------------------------------------

class StaffUser(Base):
    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StaffSession(Base):
    __tablename__ = "staff_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RateLimit(Base):
    """Fixed-window counters shared by all worker processes (the database is the only shared state)."""
    __tablename__ = "rate_limits"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[int] = mapped_column(BigInteger)
    count: Mapped[int] = mapped_column(Integer)


class SecurityEvent(Base):
    __tablename__ = "security_events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    commune_id: Mapped[int | None] = mapped_column(Integer)
    device_id: Mapped[int | None] = mapped_column(Integer)
    ip: Mapped[str] = mapped_column(String(64), default="")
    path: Mapped[str] = mapped_column(String(500), default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class HubConfig(Base):
    """A few hub-wide values set by `registru-hub config set` (county name, sending institution)."""
    __tablename__ = "hub_config"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
