"""Push: idempotent ingest of an installation's outbox into the commune's replica, and replica reads.

One push is one database transaction: lock the node's row, insert the changes `ON CONFLICT (node, seq)
DO NOTHING`, upsert the replica keeping the highest version of each record, advance the node's
contiguous ack. Replays, duplicates and reordered batches therefore change nothing.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select, text, update
from sqlalchemy.orm import Session

from hub.blobstore import is_sha256
from hub.db import Database
from hub.errors import HubError
from hub.models import BlobAccess, BlobRef, ChangeRow, Device, ReplicaRecord, utcnow
from sync.protocol import Change, ReplicaPage, stream_checksum

PENDING_BLOBS_LIMIT = 1000
MAX_BIGINT = 2**63 - 1
ACK_SCAN_LIMIT = 10_000


@dataclass(frozen=True)
class PushResult:
    ack: int
    applied: int
    pending_blobs: list[str]


@dataclass(frozen=True)
class SyncReport:
    """What the client says about itself on a sync (for the county dashboard)."""
    pending: int | None = None
    client_time: datetime | None = None
    app_version: str | None = None


_RO_FOLD = str.maketrans("ăâîșşțţ", "aaisstt")


def fold(text: str) -> str:
    """Lower case without diacritics (ș, ş, s all match), for the admin search column."""
    folded = text.lower().translate(_RO_FOLD)
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**62 else None


def _str(value: Any, limit: int) -> str | None:
    return value[:limit] if isinstance(value, str) else None


def entry_columns(payload: dict[str, Any] | None) -> dict[str, Any]:
    """The admin view's columns, read defensively from an entry payload (bad types become NULL)."""
    if not payload:
        return dict(year=None, number=None, direction=None, status=None, registered_at=None, subject=None,
                    correspondent=None, doc_type=None, search=None)
    subject = _str(payload.get("subject"), 10_000)
    correspondent = _str(payload.get("sender_name"), 1000) or _str(payload.get("recipient_name"), 1000)
    number = _int(payload.get("number"))
    search = fold(" ".join(str(x) for x in (number or "", subject or "", correspondent or "",
                                            _str(payload.get("summary"), 2000) or "")))
    year = _int(payload.get("year"))
    return dict(year=year if year is not None and 0 < year < 10_000 else None, number=number, direction=_str(payload.get("direction"), 16),
                status=_str(payload.get("status"), 16), registered_at=_str(payload.get("registered_at"), 40),
                subject=subject, correspondent=correspondent, doc_type=_str(payload.get("doc_type"), 64),
                search=search)


def blob_hashes(kind: str, payload: dict[str, Any] | None) -> set[str]:
    """SHA-256 values a record references (attachments)."""
    if not payload:
        return set()
    found: set[str] = set()
    if kind == "attachment" and isinstance(payload.get("sha256"), str):
        found.add(payload["sha256"])
    attachments = payload.get("attachments")
    if isinstance(attachments, list):
        found.update(a["sha256"] for a in attachments if isinstance(a, dict) and isinstance(a.get("sha256"), str))
    return {h for h in found if is_sha256(h)}


def push(db: Database, device_id: int, commune_id: int, changes: list[Change], report: SyncReport) -> PushResult:
    """Apply a batch; raises 409 'gap' (with the ack) if it starts beyond ack+1."""
    with db.write() as s:
        return _push(db, s, device_id, commune_id, changes, report)


def _push(db: Database, s: Session, device_id: int, commune_id: int, changes: list[Change],
          report: SyncReport) -> PushResult:
    now = utcnow()
    device = s.execute(select(Device.ack).where(Device.id == device_id).with_for_update()).one()
    ack = device.ack
    applied = 0
    hashes: set[str] = set()
    if changes:
        if any(c.seq > MAX_BIGINT or c.version > MAX_BIGINT for c in changes):
            raise HubError(422, "out_of_range", f"seq și version trebuie să fie cel mult {MAX_BIGINT}.")
        first = min(c.seq for c in changes)
        if first > ack + 1:
            raise HubError(409, "gap", f"Lipsesc modificările de după {ack}; retrimiteți de la {ack + 1}.", ack=ack)
        fresh: dict[int, Change] = {}
        for c in changes:
            if c.seq > ack and c.seq not in fresh:
                fresh[c.seq] = c
        if fresh:
            inserted = _insert_changes(db, s, device_id, fresh, now)
            stored = [fresh[seq] for seq in inserted]
            applied = len(stored)
            _upsert_replica(db, s, device_id, commune_id, stored, now)
            for c in stored:
                hashes |= blob_hashes(c.kind, c.payload)
            ack = _advance_ack(s, device_id, ack)
    values: dict[str, Any] = {"ack": ack, "last_sync_at": now}
    if report.pending is not None:
        values["pending"] = max(0, min(report.pending, 2**31 - 1))
    if report.client_time is not None and report.client_time.tzinfo is not None:
        try:
            values["clock_skew_ms"] = int((report.client_time - now).total_seconds() * 1000)
        except OverflowError:  # a clock at the edge of the calendar: not a skew worth storing
            pass
    if report.app_version:
        values["app_version"] = report.app_version[:50]
    s.execute(update(Device).where(Device.id == device_id).values(**values))
    if hashes:
        _add_blob_refs(db, s, commune_id, hashes)
    pending = s.scalars(select(BlobRef.sha256).where(BlobRef.commune_id == commune_id, BlobRef.pending.is_(True))
                        .order_by(BlobRef.sha256).limit(PENDING_BLOBS_LIMIT)).all()
    return PushResult(ack=ack, applied=applied, pending_blobs=list(pending))


def _insert_changes(db: Database, s: Session, device_id: int, fresh: dict[int, Change], now: datetime) -> list[int]:
    """Insert ON CONFLICT (node, seq) DO NOTHING; returns the seqs actually inserted."""
    if not db.is_sqlite:  # one prepared statement over arrays: one round trip whatever the batch size
        return list(s.execute(_PG_INSERT_CHANGES, {
            "device_id": device_id, "now": now, "seqs": [c.seq for c in fresh.values()],
            "kinds": [c.kind for c in fresh.values()], "ids": [c.id for c in fresh.values()],
            "versions": [c.version for c in fresh.values()]}).scalars())
    table = ChangeRow.__table__
    stmt = (db.insert(table).on_conflict_do_nothing(index_elements=[table.c.device_id, table.c.seq])
            .returning(table.c.seq))
    rows = [{"device_id": device_id, "seq": c.seq, "kind": c.kind, "record_id": c.id, "version": c.version,
             "received_at": now} for c in fresh.values()]
    return [r[0] for r in s.execute(stmt, rows)]


_PG_INSERT_CHANGES = text("""
    INSERT INTO changes (device_id, seq, kind, record_id, version, received_at)
    SELECT :device_id, t.seq, t.kind, t.record_id, t.version, :now
    FROM unnest(CAST(:seqs AS bigint[]), CAST(:kinds AS text[]), CAST(:ids AS text[]), CAST(:versions AS bigint[]))
         AS t(seq, kind, record_id, version)
    ON CONFLICT (device_id, seq) DO NOTHING
    RETURNING seq""")

_PG_REPLICA_TYPES = {"commune_id": "integer", "kind": "text", "record_id": "text", "version": "bigint",
                     "payload": "jsonb", "deleted": "boolean", "device_id": "integer", "updated_at": "timestamptz",
                     "year": "integer", "number": "bigint", "direction": "text", "status": "text",
                     "registered_at": "text", "subject": "text", "correspondent": "text", "doc_type": "text",
                     "search": "text"}
_KEY = ("commune_id", "kind", "record_id")
# The batch travels as one JSON document (fast to encode, no per-element array escaping).
_PG_UPSERT_REPLICA = text(f"""
    INSERT INTO replica ({", ".join(_PG_REPLICA_TYPES)})
    SELECT {", ".join(_PG_REPLICA_TYPES)}
    FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS t({", ".join(f"{c} {t}" for c, t in _PG_REPLICA_TYPES.items())})
    ON CONFLICT (commune_id, kind, record_id) DO UPDATE SET
        {", ".join(f"{c} = EXCLUDED.{c}" for c in _PG_REPLICA_TYPES if c not in _KEY)}
    WHERE replica.version < EXCLUDED.version""")


def _upsert_replica(db: Database, s: Session, device_id: int, commune_id: int, stored: Iterable[Change],
                    now: datetime) -> None:
    newest: dict[tuple[str, str], Change] = {}
    for c in stored:
        key = (c.kind, c.id)
        if key not in newest or c.version > newest[key].version:
            newest[key] = c
    if not newest:
        return
    rows = []
    for key in sorted(newest):  # one lock order for every transaction: no deadlocks between workers
        c = newest[key]
        cols = entry_columns(c.payload) if c.kind == "entry" else entry_columns(None)
        rows.append({"commune_id": commune_id, "kind": c.kind, "record_id": c.id, "version": c.version,
                     "payload": c.payload, "deleted": c.payload is None, "device_id": device_id,
                     "updated_at": now, **cols})
    if not db.is_sqlite:
        s.execute(_PG_UPSERT_REPLICA, {"rows": json.dumps(rows, ensure_ascii=False, default=_iso)})
        return
    table = ReplicaRecord.__table__
    stmt = db.insert(table)
    keep = {"commune_id", "kind", "record_id", "id"}
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.commune_id, table.c.kind, table.c.record_id],
        set_={col.name: stmt.excluded[col.name] for col in table.columns if col.name not in keep},
        where=table.c.version < stmt.excluded.version,
    )
    s.execute(stmt, rows)


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _advance_ack(s: Session, device_id: int, ack: int) -> int:
    held = s.scalars(select(ChangeRow.seq).where(ChangeRow.device_id == device_id, ChangeRow.seq > ack)
                     .order_by(ChangeRow.seq).limit(ACK_SCAN_LIMIT))
    for seq in held:
        if seq != ack + 1:
            break
        ack = seq
    return ack


def _add_blob_refs(db: Database, s: Session, commune_id: int, hashes: set[str]) -> None:
    have = set(s.scalars(select(BlobAccess.sha256).where(BlobAccess.commune_id == commune_id,
                                                          BlobAccess.sha256.in_(hashes))))
    table = BlobRef.__table__
    stmt = db.insert(table).on_conflict_do_nothing(index_elements=[table.c.commune_id, table.c.sha256])
    s.execute(stmt, [{"commune_id": commune_id, "sha256": h, "pending": h not in have} for h in sorted(hashes)])


# --- replica reads ---------------------------------------------------------------------------------

def replica_page(db: Database, commune_id: int, kind: str, after: str, limit: int) -> ReplicaPage:
    try:
        after_id = int(after) if after else 0
    except ValueError:
        raise HubError(422, "bad_cursor", "Parametrul 'after' este invalid.") from None
    with db.read() as s:
        rows = s.execute(select(ReplicaRecord.id, ReplicaRecord.record_id, ReplicaRecord.version,
                                ReplicaRecord.payload)
                         .where(ReplicaRecord.commune_id == commune_id, ReplicaRecord.kind == kind,
                                ReplicaRecord.id > after_id)
                         .order_by(ReplicaRecord.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    records = [Change(seq=r.id, kind=kind, id=r.record_id, version=r.version, payload=r.payload) for r in rows]
    return ReplicaPage(kind=kind, records=records, after=str(rows[-1].id if rows else after_id), more=more)


def replica_record(db: Database, commune_id: int, kind: str, record_id: str) -> Change | None:
    with db.read() as s:
        r = s.execute(select(ReplicaRecord.id, ReplicaRecord.version, ReplicaRecord.payload)
                      .where(ReplicaRecord.commune_id == commune_id, ReplicaRecord.kind == kind,
                             ReplicaRecord.record_id == record_id)).first()
    return None if r is None else Change(seq=r.id, kind=kind, id=record_id, version=r.version, payload=r.payload)


def record_exists_elsewhere(db: Database, commune_id: int, kind: str, record_id: str) -> bool:
    with db.read() as s:
        return s.scalar(select(ReplicaRecord.id).where(and_(ReplicaRecord.commune_id != commune_id,
                                                            ReplicaRecord.kind == kind,
                                                            ReplicaRecord.record_id == record_id)).limit(1)) is not None


def replica_summary(db: Database, commune_id: int) -> dict[str, tuple[int, str]]:
    """Per kind: (count, stream_checksum over (id, version)) of live (not deleted) records."""
    pairs: dict[str, list[tuple[str, int]]] = {}
    with db.read() as s:
        for kind, rid, ver in s.execute(select(ReplicaRecord.kind, ReplicaRecord.record_id, ReplicaRecord.version)
                                        .where(ReplicaRecord.commune_id == commune_id,
                                               ReplicaRecord.deleted.is_(False))):
            pairs.setdefault(kind, []).append((rid, ver))
    return {kind: (len(p), stream_checksum(p)) for kind, p in sorted(pairs.items())}


# --- the county's read-only registry view ------------------------------------------------------------

@dataclass(frozen=True)
class EntryRow:
    record_id: str
    year: int | None
    number: int | None
    registered_at: str | None
    direction: str | None
    status: str | None
    subject: str | None
    correspondent: str | None
    doc_type: str | None


def search_entries(db: Database, commune_id: int, query: str, year: int | None, page: int,
                   per_page: int) -> tuple[list[EntryRow], int, list[int]]:
    """(rows newest first, total matching, years present) for the admin's registry view."""
    cond = [ReplicaRecord.commune_id == commune_id, ReplicaRecord.kind == "entry", ReplicaRecord.deleted.is_(False)]
    if year is not None:
        cond.append(ReplicaRecord.year == year)
    for term in fold(query).split()[:8]:
        escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        cond.append(ReplicaRecord.search.like(f"%{escaped}%", escape="\\"))
    with db.read() as s:
        total = s.scalar(select(func.count()).select_from(ReplicaRecord).where(*cond)) or 0
        rows = s.execute(select(ReplicaRecord.record_id, ReplicaRecord.year, ReplicaRecord.number,
                                ReplicaRecord.registered_at, ReplicaRecord.direction, ReplicaRecord.status,
                                ReplicaRecord.subject, ReplicaRecord.correspondent, ReplicaRecord.doc_type)
                         .where(*cond)
                         .order_by(ReplicaRecord.year.desc(), ReplicaRecord.number.desc(), ReplicaRecord.id.desc())
                         .offset((page - 1) * per_page).limit(per_page)).all()
        years = list(s.scalars(select(ReplicaRecord.year).distinct()
                               .where(ReplicaRecord.commune_id == commune_id, ReplicaRecord.kind == "entry",
                                      ReplicaRecord.year.is_not(None)).order_by(ReplicaRecord.year.desc())))
    return [EntryRow(*r) for r in rows], total, years


def entry_attachments(db: Database, commune_id: int, payload: dict[str, Any]) -> list[tuple[dict[str, Any], bool]]:
    """The entry's attachments, each with whether the hub holds its bytes."""
    atts = [a for a in payload.get("attachments") or [] if isinstance(a, dict)]
    hashes = {a.get("sha256") for a in atts if isinstance(a.get("sha256"), str)}
    with db.read() as s:
        have = set(s.scalars(select(BlobAccess.sha256).where(BlobAccess.commune_id == commune_id,
                                                              BlobAccess.sha256.in_(hashes)))) if hashes else set()
    return [(a, a.get("sha256") in have) for a in atts]
