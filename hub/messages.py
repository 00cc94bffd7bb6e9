"""Document exchange: the county sends circulars (document + blobs) to communes; communes answer with a
registration receipt (their number and date) and, if needed, a reply.

A circular is one item of the `circulars` stream targeted at its communes; a commune's delivery is
recorded when its circulars cursor moves past the item (the client advances a cursor only after storing
the page), its registration when its receipt arrives (POSTed, or pushed as a `receipt` record).
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub.communes import get_config
from hub.db import Database
from hub.errors import HubError
from hub.models import (Blob, BlobAccess, Commune, Message, MessageAttachmentRow, MessageReply, MessageTarget, PubItem,
                        utcnow)
from hub.streams import Publication, publish
from sync.protocol import CircularPayload, MessageAttachment, Receipt, ReplyRequest

DEFAULT_SENDER = "Consiliul Județean"
MAX_NUMBER = 2**63 - 1


@dataclass(frozen=True)
class OutgoingFile:
    sha256: str      # already in the blob store
    filename: str
    size: int


def send_circular(db: Database, *, subject: str, body: str, files: list[OutgoingFile], targets: list[int] | None,
                  by: str, doc_type: str | None = None, reference: str = "") -> str:
    """Send to the listed commune ids, or to every commune (`targets=None`); returns the message id."""
    subject = subject.strip()
    if not subject or len(subject) > 500:
        raise HubError(422, "bad_subject", "Subiectul circularei lipsește sau depășește 500 de caractere.")
    if doc_type and len(doc_type) > 64 or len(reference) > 200:
        raise HubError(422, "too_long", "Tipul de document (64) sau referința (200) este prea lung(ă).")
    sender = get_config(db, "institution", DEFAULT_SENDER)
    message_id = str(uuid.uuid4())
    now = utcnow()
    with db.write() as s:
        communes = list(s.scalars(select(Commune.id).order_by(Commune.id)))
        audience = communes if targets is None else sorted(set(targets))
        if not audience:
            raise HubError(422, "no_targets", "Alegeți cel puțin o comună destinatară.")
        unknown = set(audience) - set(communes)
        if unknown:
            raise HubError(422, "unknown_commune", "Destinatar necunoscut.")
        s.add(Message(id=message_id, subject=subject, body=body, sender=sender[:200], doc_type=doc_type or None,
                      reference=reference, sent_at=now, created_by=by))
        s.flush()
        for pos, f in enumerate(files):
            s.add(MessageAttachmentRow(message_id=message_id, position=pos, sha256=f.sha256,
                                       filename=f.filename[:255], size=f.size))
        payload = CircularPayload(message_id=message_id, subject=subject, body=body, sender=sender, sent_at=now,
                                  doc_type=doc_type or None, reference=reference,
                                  attachments=[MessageAttachment(sha256=f.sha256, filename=f.filename, size=f.size)
                                               for f in files])
        publish(db, "circulars", [Publication(message_id, "circular", payload.model_dump(mode="json"))],
                audience, by, session=s)
        seq = s.scalar(select(PubItem.seq).where(PubItem.stream == "circulars", PubItem.item_id == message_id))
        s.execute(MessageTarget.__table__.insert(),
                  [{"message_id": message_id, "commune_id": c, "pub_seq": seq} for c in audience])
        grants = {(f.sha256, c) for f in files for c in audience}
        if grants:
            table = BlobAccess.__table__
            s.execute(db.insert(table).on_conflict_do_nothing(), [{"sha256": h, "commune_id": c}
                                                                  for h, c in sorted(grants)])
    return message_id


def _target(s: Session, message_id: str, commune_id: int) -> MessageTarget | None:
    return s.scalars(select(MessageTarget).where(MessageTarget.message_id == message_id,
                                                 MessageTarget.commune_id == commune_id).with_for_update()).first()


def message_exists(db: Database, message_id: str) -> bool:
    with db.read() as s:
        return s.get(Message, message_id) is not None


def circular_for(db: Database, message_id: str, commune_id: int) -> CircularPayload | None:
    with db.read() as s:
        if s.scalar(select(MessageTarget.pub_seq).where(MessageTarget.message_id == message_id,
                                                        MessageTarget.commune_id == commune_id)) is None:
            return None
        payload = s.scalar(select(PubItem.payload).where(PubItem.stream == "circulars", PubItem.item_id == message_id))
    return CircularPayload.model_validate(payload)


def record_receipt(db: Database, message_id: str, commune_id: int, receipt: Receipt) -> bool:
    """Store a registration receipt; False if the message does not target this commune."""
    now = utcnow()
    with db.write() as s:
        return _record_receipt(s, message_id, commune_id, receipt, now)


def _record_receipt(s: Session, message_id: str, commune_id: int, receipt: Receipt, now: datetime) -> bool:
    _check_numbers(receipt.number, receipt.year, receipt.entry_id)
    target = _target(s, message_id, commune_id)
    if target is None:
        return False
    if target.receipt_number is not None:
        if (target.receipt_number, target.receipt_year, target.entry_id) != (receipt.number, receipt.year,
                                                                            receipt.entry_id):
            raise HubError(409, "already_registered",
                           f"Mesajul a fost deja înregistrat cu nr. {target.receipt_number}/{target.receipt_year}.")
        return True
    registered_at = _utc(receipt.registered_at)
    delivered_at = _utc(receipt.delivered_at) if receipt.delivered_at is not None else None
    target.receipt_number, target.receipt_year = receipt.number, receipt.year
    target.registered_at, target.entry_id, target.receipt_at = registered_at, receipt.entry_id, now
    target.delivered_at = target.delivered_at or delivered_at or now
    return True


def _check_numbers(number: int, year: int, entry_id: str) -> None:
    if not (0 < number <= MAX_NUMBER and 1900 <= year <= 9999):
        raise HubError(422, "out_of_range", "Număr sau an de înregistrare în afara limitelor.")
    if not 0 < len(entry_id) <= 64:
        raise HubError(422, "out_of_range", "entry_id trebuie să aibă 1–64 de caractere.")


def _utc(value: datetime) -> datetime:
    """An aware UTC time (a time without offset is taken as UTC); 422 at the calendar's edges."""
    try:
        return value.astimezone(timezone.utc) if value.tzinfo else value.replace(tzinfo=timezone.utc)
    except OverflowError:
        raise HubError(422, "out_of_range", "Dată în afara limitelor.") from None


def apply_pushed_receipts(db: Database, commune_id: int, payloads: list[dict[str, Any]]) -> list[str]:
    """Receipts that arrived as `receipt` records in a push; returns message ids not addressed to the commune."""
    foreign = []
    now = utcnow()
    with db.write() as s:
        for p in payloads:
            message_id = p.get("message_id")
            if not isinstance(message_id, str):
                continue
            try:
                receipt = Receipt.model_validate({k: p[k] for k in Receipt.model_fields if k in p})
            except ValidationError:
                continue
            try:
                if not _record_receipt(s, message_id, commune_id, receipt, now):
                    foreign.append(message_id)
            except HubError:
                continue  # a conflicting re-registration keeps the first receipt
    return foreign


def record_reply(db: Database, message_id: str, commune_id: int, reply: ReplyRequest) -> bool:
    """Store a commune's reply (idempotent per entry); False if the message does not target the commune."""
    _check_numbers(reply.number, reply.year, reply.entry_id)
    with db.write() as s:
        if _target(s, message_id, commune_id) is None:
            return False
        hashes = {a.sha256 for a in reply.attachments}
        if hashes:
            have = set(s.scalars(select(BlobAccess.sha256).where(BlobAccess.commune_id == commune_id,
                                                                  BlobAccess.sha256.in_(hashes))))
            if hashes - have:
                raise HubError(409, "missing_blobs", "Încărcați întâi fișierele atașate.",
                               detail=sorted(hashes - have))
        table = MessageReply.__table__
        s.execute(db.insert(table).values(
            message_id=message_id, commune_id=commune_id, entry_id=reply.entry_id, number=reply.number,
            year=reply.year, subject=reply.subject[:500], body=reply.body,
            attachments=[a.model_dump() for a in reply.attachments], received_at=utcnow(),
        ).on_conflict_do_nothing(index_elements=[table.c.message_id, table.c.commune_id, table.c.entry_id]))
    return True


# --- county views ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class CircularSummary:
    id: str
    subject: str
    sent_at: datetime
    created_by: str
    targets: int
    delivered: int
    registered: int


@dataclass(frozen=True)
class TargetStatus:
    commune_code: str
    commune_name: str
    delivered_at: datetime | None
    receipt_number: int | None
    receipt_year: int | None
    registered_at: datetime | None


@dataclass(frozen=True)
class ReplyView:
    commune_code: str
    commune_name: str
    number: int
    year: int
    subject: str
    body: str
    attachments: list[dict[str, Any]]
    received_at: datetime


@dataclass(frozen=True)
class CircularDetail:
    message: Message
    attachments: list[MessageAttachmentRow]
    targets: list[TargetStatus]
    replies: list[ReplyView]


def list_circulars(db: Database, limit: int = 200) -> list[CircularSummary]:
    with db.read() as s:
        rows = s.execute(
            select(Message.id, Message.subject, Message.sent_at, Message.created_by,
                   func.count(MessageTarget.commune_id), func.count(MessageTarget.delivered_at),
                   func.count(MessageTarget.receipt_number))
            .join(MessageTarget, MessageTarget.message_id == Message.id)
            .group_by(Message.id, Message.subject, Message.sent_at, Message.created_by)
            .order_by(Message.sent_at.desc()).limit(limit)).all()
    return [CircularSummary(*r) for r in rows]


def circular_detail(db: Database, message_id: str) -> CircularDetail:
    with db.read() as s:
        message = s.get(Message, message_id)
        if message is None:
            raise HubError(404, "not_found", "Circulara nu există.")
        attachments = list(s.scalars(select(MessageAttachmentRow).where(MessageAttachmentRow.message_id == message_id)
                                     .order_by(MessageAttachmentRow.position)))
        targets = [TargetStatus(code, name, t.delivered_at, t.receipt_number, t.receipt_year, t.registered_at)
                   for t, code, name in s.execute(
                       select(MessageTarget, Commune.code, Commune.name)
                       .join(Commune, Commune.id == MessageTarget.commune_id)
                       .where(MessageTarget.message_id == message_id).order_by(Commune.name))]
        replies = [ReplyView(code, name, r.number, r.year, r.subject, r.body, r.attachments, r.received_at)
                   for r, code, name in s.execute(
                       select(MessageReply, Commune.code, Commune.name)
                       .join(Commune, Commune.id == MessageReply.commune_id)
                       .where(MessageReply.message_id == message_id).order_by(MessageReply.received_at))]
    return CircularDetail(message, attachments, targets, replies)


def county_blob_known(db: Database, sha256: str) -> int | None:
    """Size of a complete blob (the county may download any blob it holds)."""
    with db.read() as s:
        return s.scalar(select(Blob.size).where(Blob.sha256 == sha256))

