"""`verify`: is the registry intact? SQLite integrity, the audit chain, every entry against its last
audited state, numbering without gaps, and every stored file against its SHA-256."""
from __future__ import annotations

import json

from sqlalchemy import select, text

from .audit import verify_chain
from .blobs import BlobStore
from .database import Database
from .errors import IntegrityProblem
from .messages import tr
from .models import Entry
from .records import entry_payload
from .views import EntryRef, VerifyReport


def verify(db: Database, check_blobs: bool = True) -> VerifyReport:
    rep = VerifyReport()
    with db.read() as s:
        result = [r[0] for r in s.execute(text("PRAGMA integrity_check")).all()]
        if result != ["ok"]:
            rep.problems.append(tr("integrity_failed", detail="; ".join(result[:5])))
        fk = s.execute(text("PRAGMA foreign_key_check")).all()
        if fk:
            rep.problems.append(tr("integrity_failed", detail=f"foreign keys: {fk[:3]}"))
        for p in verify_chain(s):
            rep.problems.append(tr("audit_chain_broken", seq=p.seq, detail=p.detail))
        rep.events = s.execute(text("SELECT count(*) FROM audit_event")).scalar_one()

        # Each entry must equal the state its last audit event recorded (a raw UPDATE shows here),
        # and each audited entry must still exist (a raw DELETE shows here).
        last = dict(s.execute(text(
            "SELECT a.object_id, a.id FROM audit_event a JOIN (SELECT object_id, max(id) AS mid FROM audit_event "
            "WHERE object_kind = 'entry' AND after <> '' GROUP BY object_id) m ON a.id = m.mid")).all())
        seen = 0
        last_id = 0
        while True:
            batch = s.execute(select(Entry).where(Entry.id > last_id).order_by(Entry.id).limit(2000)).scalars().all()
            if not batch:
                break
            for e in batch:
                last_id = e.id
                seen += 1
                ref = str(EntryRef(e.number, e.year, e.number_suffix))
                ev_id = last.pop(e.uuid, None)
                if ev_id is None:
                    rep.problems.append(tr("entry_unaudited", ref=ref))
                    continue
                after = s.execute(text("SELECT after FROM audit_event WHERE id = :i"), {"i": ev_id}).scalar_one()
                current = json.loads(json.dumps(entry_payload(s, e), default=str))
                if json.loads(after) != current:
                    diff = sorted(k for k, v in current.items() if json.loads(after).get(k) != v)
                    rep.problems.append(tr("entry_tampered", ref=ref, seq=ev_id, fields=", ".join(diff)))
            s.expunge_all()
        rep.entries = seen
        for uid, ev_id in last.items():
            rep.problems.append(tr("entry_deleted", uuid=uid, seq=ev_id))

        for year, first, last_n, n in s.execute(text(
                "SELECT year, min(number), max(number), count(DISTINCT number) FROM entry GROUP BY year")).all():
            if first != 1 or last_n != n:
                numbers = {r[0] for r in s.execute(text("SELECT DISTINCT number FROM entry WHERE year = :y"),
                                                   {"y": year})}
                missing = [str(i) for i in range(1, last_n + 1) if i not in numbers][:20]
                imported_only = s.execute(text(
                    "SELECT count(*) FROM entry WHERE year = :y AND source <> 'import'"), {"y": year}).scalar_one() == 0
                target = rep.warnings if imported_only else rep.problems
                target.append(tr("numbering_gap", year=year, missing=", ".join(missing)))

        if check_blobs:
            store: BlobStore = db.blobs
            for sha, in s.execute(text("SELECT sha256 FROM blob ORDER BY sha256")).all():
                try:
                    store.verify(sha)
                except IntegrityProblem as exc:
                    rep.problems.append(str(exc))
                rep.blobs += 1
            for sha, in s.execute(text(
                    "SELECT DISTINCT a.sha256 FROM attachment a LEFT JOIN blob b ON b.sha256 = a.sha256 "
                    "WHERE b.sha256 IS NULL")).all():
                rep.problems.append(tr("blob_missing", sha=sha))
    return rep
