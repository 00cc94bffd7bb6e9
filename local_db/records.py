"""Record payloads: the full state of each commune-owned record as it goes into the audit log
('after') and the outbox (what the hub replicates). Stable keys; see sync/protocol.py EntryPayload."""
from __future__ import annotations

from typing import Any, Mapping

import sqlite3

from sqlalchemy.orm import Session

from .db import fetch_dicts, raw
from .models import Attachment, Compartment, DocType, Entry, Institution, Register, User


ENTRY_SELECT = (
    "SELECT e.*, r.uuid AS r_uuid, r.code AS r_code, dt.code AS dt_code, dt.name AS dt_name, c.code AS c_code, "
    "c.name AS c_name, u.username AS u_name, u.full_name AS u_full, rep.uuid AS reply_uuid, rep.number AS rep_number, "
    "rep.number_suffix AS rep_suffix, rep.year AS rep_year, "
    "(SELECT d.uuid FROM dossier_entry de JOIN dossier d ON d.id = de.dossier_id WHERE de.entry_id = e.id) "
    "AS dossier_uuid, "
    "(SELECT group_concat(x, ',') FROM (SELECT o.uuid AS x FROM entry_link l JOIN entry o ON o.id = l.other_id "
    "WHERE l.entry_id = e.id AND l.kind = 'related' ORDER BY l.id)) AS related_uuids "
    "FROM entry e JOIN register r ON r.id = e.register_id LEFT JOIN doc_type dt ON dt.id = e.doc_type_id "
    "LEFT JOIN compartment c ON c.id = e.compartment_id LEFT JOIN user u ON u.id = e.assignee_id "
    "LEFT JOIN entry rep ON rep.id = e.reply_entry_id WHERE e.id = ?"
)
ATTACHMENTS_SELECT = ("SELECT id, uuid, sha256, filename, mime, size, added_at, added_by FROM attachment "
                      "WHERE entry_id = ? ORDER BY id")


def load_entry_row(conn: sqlite3.Connection, entry_id: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The entry joined with its names, and its attachments, as plain dicts (DB-API: this is the
    registration hot path and `verify`'s loop)."""
    rows = fetch_dicts(conn.execute(ENTRY_SELECT, (entry_id,)))
    if not rows:
        raise LookupError(entry_id)
    return rows[0], fetch_dicts(conn.execute(ATTACHMENTS_SELECT, (entry_id,)))


def entry_payload_from_row(e: Mapping[str, Any], atts: list[Mapping[str, Any]]) -> dict[str, Any]:
    p = {
        "id": e["uuid"],
        "register_id": e["r_uuid"],
        "register": e["r_code"],
        "year": e["year"],
        "number": e["number"],
        "number_suffix": e["number_suffix"],
        "registered_at": e["registered_at"],
        "reg_date": e["reg_date"],
        "direction": e["direction"],
        "doc_type": e["dt_code"],
        "channel": e["channel"],
        "issuer_ref": e["issuer_ref"],
        "sender_kind": e["sender_kind"],
        "sender_name": e["sender_name"],
        "sender_idno": e["sender_idno"],
        "sender_address": e["sender_address"],
        "recipient_kind": e["recipient_kind"],
        "recipient_name": e["recipient_name"],
        "recipient_idno": e["recipient_idno"],
        "recipient_address": e["recipient_address"],
        "subject": e["subject"],
        "summary": e["summary"],
        "pages": e["pages"],
        "annexes": e["annexes"],
        "compartment": e["c_code"],
        "assignee": e["u_name"],
        "instruction": e["instruction"],
        "deadline": e["deadline"],
        "deadline_original": e["deadline_original"],
        "status": e["status"],
        "resolution_kind": e["resolution_kind"],
        "resolution": e["resolution"],
        "resolved_at": e["resolved_at"],
        "reply_entry": e["reply_uuid"],
        "dispatch_date": e["dispatch_date"],
        "joined_to": e["joined_to"],
        "dossier_indicator": e["dossier_indicator"],
        "cancelled_reason": e["cancelled_reason"],
        "cancelled_at": e["cancelled_at"],
        "cancelled_by": e["cancelled_by"],
        "source": e["source"],
        "created_by": e["created_by"],
        "updated_at": e["updated_at"],
        "version": e["version"],
        "attachments": [{"id": a["uuid"], "sha256": a["sha256"], "filename": a["filename"], "size": a["size"],
                         "mime": a["mime"]} for a in atts],
    }
    # The archive dossier (uuid) the entry is filed in; the key exists only for filed entries, so the
    # audited state of entries never filed (and of older audit events) is unchanged.
    if e.get("dossier_uuid"):
        p["dossier"] = e["dossier_uuid"]
    # 'related' links this entry makes (present only when there are some, like "dossier"). Reply links
    # are carried by reply_entry and joined ones by joined_to, so a restore rebuilds all three.
    if e.get("related_uuids"):
        p["related"] = e["related_uuids"].split(",")
    return p


def load_entry_payload(conn: sqlite3.Connection, entry_id: int) -> dict[str, Any]:
    return entry_payload_from_row(*load_entry_row(conn, entry_id))


def entry_payload(session: Session, e: Entry) -> dict[str, Any]:
    """Full state of an ORM entry (flushes pending changes first)."""
    session.flush()
    return load_entry_payload(raw(session), e.id)


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
