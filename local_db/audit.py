"""Hash-chained audit log and the transactional outbox, written together with every change.

`record_change()` is the one door every mutation of a commune-owned record goes through: in the
caller's transaction it appends the audit event (whose hash chains to the previous event) and the
outbox rows (the record's new state, and the audit event itself) that sync will push to the hub.
"""
from __future__ import annotations

import hashlib
import json
import uuid as uuidlib
from dataclasses import dataclass
from typing import Any, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from .db import flush, raw
from .models import AuditEvent

GENESIS = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who does something: a local user name (or 'cli:<os user>', 'sync') and their role."""
    username: str
    role: str
    user_id: int | None = None
    full_name: str = ""


SYSTEM = Actor("system", "admin")


def dump_json(obj: Any) -> str:
    """The canonical JSON stored in audit events and outbox rows ('' for None)."""
    if obj is None:
        return ""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


_dump = dump_json


def event_hash(prev_hash: str, seq: int, uuid: str, ts: str, actor: str, action: str,
               object_kind: str, object_id: str, before: str, after: str) -> str:
    material = json.dumps([prev_hash, seq, uuid, ts, actor, action, object_kind, object_id, before, after],
                          ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def append_event(session: Session, actor: Actor, ts: str, action: str, object_kind: str,
                 object_id: str, before: Any, after: Any) -> dict[str, Any]:
    """Append one chained event (raw SQL: it is on every write path). Returns its payload."""
    conn = raw(session)
    last = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    ev = {"id": str(uuidlib.uuid4()), "seq": seq, "ts": ts, "actor": actor.username, "action": action,
          "object_kind": object_kind, "object_id": object_id, "before": _dump(before), "after": _dump(after),
          "prev_hash": prev}
    ev["hash"] = event_hash(prev, seq, ev["id"], ts, ev["actor"], action, object_kind, object_id,
                            ev["before"], ev["after"])
    conn.execute(
        "INSERT INTO audit_event (id, uuid, ts, actor, action, object_kind, object_id, before, after, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, ev["id"], ts, ev["actor"], action, object_kind, object_id, ev["before"], ev["after"], prev, ev["hash"]))
    return ev


def append_outbox(session: Session, kind: str, record_id: str, version: int,
                  payload: dict[str, Any] | None, ts: str) -> None:
    raw(session).execute(
        "INSERT INTO outbox (kind, record_id, version, payload, created_at) VALUES (?, ?, ?, ?, ?)",
        (kind, record_id, version, None if payload is None else _dump(payload), ts))


def record_change(session: Session, actor: Actor, ts: str, action: str, kind: str, record_id: str,
                  version: int, before: dict[str, Any] | None, after: dict[str, Any] | None,
                  replicate: bool = True) -> dict[str, Any]:
    """Audit + outbox for one change, in the caller's transaction. Returns the audit event payload."""
    flush(session)
    ev = append_event(session, actor, ts, action, kind, record_id, before, after)
    if replicate:
        append_outbox(session, kind, record_id, version, after, ts)
    # The audit event itself is immutable and already stored: its outbox row points at it (payload
    # NULL) and the sync reader expands it (`expand_audit_payloads`), instead of a third copy of `after`.
    raw(session).execute("INSERT INTO outbox (kind, record_id, version, payload, created_at) "
                         "VALUES ('audit_event', ?, 1, NULL, ?)", (ev["id"], ts))
    return ev


AUDIT_COLUMNS = "uuid, id, ts, actor, action, object_kind, object_id, before, after, prev_hash, hash"


def audit_row_payload(row: tuple) -> dict[str, Any]:
    uuid, seq, ts, actor, action, object_kind, object_id, before, after, prev_hash, h = row
    return {"id": uuid, "seq": seq, "ts": ts, "actor": actor, "action": action, "object_kind": object_kind,
            "object_id": object_id, "before": before, "after": after, "prev_hash": prev_hash, "hash": h}


def expand_audit_payloads(conn, uuids: list[str]) -> dict[str, str]:  # noqa: ANN001 - sqlite3 connection
    """uuid -> the canonical JSON of that audit event, for outbox rows stored by reference."""
    out: dict[str, str] = {}
    for i in range(0, len(uuids), 500):
        chunk = uuids[i:i + 500]
        q = f"SELECT {AUDIT_COLUMNS} FROM audit_event WHERE uuid IN ({', '.join('?' * len(chunk))})"
        for row in conn.execute(q, chunk):
            out[row[0]] = dump_json(audit_row_payload(row))
    return out


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    detail: str


def verify_chain(session: Session, batch: int = 5000) -> Iterator[ChainProblem]:
    """Recompute every event's hash in order; yield where the chain breaks."""
    prev_hash = GENESIS
    expected_seq = 1
    last_id = 0
    while True:
        rows = session.execute(select(AuditEvent).where(AuditEvent.id > last_id)
                               .order_by(AuditEvent.id).limit(batch)).scalars().all()
        if not rows:
            return
        for ev in rows:
            if ev.id != expected_seq:
                yield ChainProblem(expected_seq, f"events {expected_seq}..{ev.id - 1} missing")
            if ev.prev_hash != prev_hash:
                yield ChainProblem(ev.id, "prev_hash does not match the previous event")
            h = event_hash(ev.prev_hash, ev.id, ev.uuid, ev.ts, ev.actor, ev.action, ev.object_kind,
                           ev.object_id, ev.before, ev.after)
            if h != ev.hash:
                yield ChainProblem(ev.id, f"hash mismatch on {ev.action} {ev.object_kind} {ev.object_id}")
            prev_hash = ev.hash
            expected_seq = ev.id + 1
            last_id = ev.id
        session.expunge_all()
