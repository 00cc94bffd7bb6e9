"""Record payloads: the full state of each commune-owned record as it goes into the audit log
('after') and the outbox (what the hub replicates). Stable keys; see sync/protocol.py EntryPayload."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Attachment, Compartment, DocType, Entry, Institution, Register, User


def entry_payload(session: Session, e: Entry) -> dict[str, Any]:
    atts = session.execute(select(Attachment).where(Attachment.entry_id == e.id).order_by(Attachment.id)).scalars()
    reply_uuid = None
    if e.reply_entry_id:
        reply_uuid = session.execute(select(Entry.uuid).where(Entry.id == e.reply_entry_id)).scalar()
    return {
        "id": e.uuid,
        "register_id": e.register.uuid if e.register else None,
        "register": e.register.code if e.register else None,
        "year": e.year,
        "number": e.number,
        "number_suffix": e.number_suffix,
        "registered_at": e.registered_at,
        "reg_date": e.reg_date,
        "direction": e.direction,
        "doc_type": e.doc_type.code if e.doc_type else None,
        "channel": e.channel,
        "issuer_ref": e.issuer_ref,
        "sender_kind": e.sender_kind,
        "sender_name": e.sender_name,
        "sender_idno": e.sender_idno,
        "sender_address": e.sender_address,
        "recipient_kind": e.recipient_kind,
        "recipient_name": e.recipient_name,
        "recipient_idno": e.recipient_idno,
        "recipient_address": e.recipient_address,
        "subject": e.subject,
        "summary": e.summary,
        "pages": e.pages,
        "annexes": e.annexes,
        "compartment": e.compartment.code if e.compartment else None,
        "assignee": e.assignee.username if e.assignee else None,
        "instruction": e.instruction,
        "deadline": e.deadline,
        "deadline_original": e.deadline_original,
        "status": e.status,
        "resolution_kind": e.resolution_kind,
        "resolution": e.resolution,
        "resolved_at": e.resolved_at,
        "reply_entry": reply_uuid,
        "dispatch_date": e.dispatch_date,
        "joined_to": e.joined_to,
        "dossier_indicator": e.dossier_indicator,
        "cancelled_reason": e.cancelled_reason,
        "cancelled_at": e.cancelled_at,
        "cancelled_by": e.cancelled_by,
        "source": e.source,
        "created_by": e.created_by,
        "updated_at": e.updated_at,
        "version": e.version,
        "attachments": [{"id": a.uuid, "sha256": a.sha256, "filename": a.filename, "size": a.size,
                         "mime": a.mime} for a in atts],
    }


def attachment_payload(a: Attachment, entry_uuid: str) -> dict[str, Any]:
    return {"id": a.uuid, "entry": entry_uuid, "sha256": a.sha256, "filename": a.filename, "mime": a.mime,
            "size": a.size, "added_at": a.added_at, "added_by": a.added_by, "version": a.version}


def institution_payload(i: Institution) -> dict[str, Any]:
    return {"id": i.uuid, "name": i.name, "siruta": i.siruta, "county": i.county, "address": i.address,
            "cui": i.cui, "phone": i.phone, "email": i.email, "version": i.version}


def compartment_payload(c: Compartment) -> dict[str, Any]:
    return {"id": c.uuid, "code": c.code, "name": c.name, "active": c.active, "version": c.version}


def register_payload(r: Register) -> dict[str, Any]:
    return {"id": r.uuid, "code": r.code, "name": r.name, "kind": r.kind, "active": r.active, "version": r.version}


def doc_type_payload(d: DocType) -> dict[str, Any]:
    return {"id": d.uuid, "code": d.code, "name": d.name, "direction": d.direction, "regime": d.regime,
            "deadline_days": d.deadline_days, "day_kind": d.day_kind, "roll_to_working_day": d.roll_to_working_day,
            "extension_days": d.extension_days, "legal_basis": d.legal_basis, "source": d.source,
            "active": d.active, "version": d.version}


def user_payload(u: User, compartment_code: str | None) -> dict[str, Any]:
    """Roster only: a password hash never leaves the PC."""
    return {"id": u.uuid, "username": u.username, "full_name": u.full_name, "role": u.role,
            "compartment": compartment_code, "active": u.active, "version": u.version}
