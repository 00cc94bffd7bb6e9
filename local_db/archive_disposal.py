"""Retention and disposal. A dossier of year N kept R years expires at the end of year N + R ("CS"
dossiers without years after `cs_review_years`); permanent dossiers never expire and can never be
proposed. The selection committee's proposal lists expired dossiers; only once the approval (the
National Archives' confirmation: act number and date) is recorded can it be executed: the dossiers
become 'disposed', the archive register gets an exit line, and the attachment files of their entries
are removed — each file only when no record that is kept still uses it (files are stored once per
content, so a scan may be shared with an entry that stays).
"""
from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import roles
from .archive_common import (
    Base, dossier_change, dossier_payload, dossier_ref, dossier_views, expires_year, find_dossier, load_settings,
    new_uuid, parse_date, retention_label, text_field,
)
from .archive_transfer import add_register_row, register_row_payload
from .archive_views import DisposalLine, DisposalView, EligibleDossier
from .archive_messages import status_label
from .audit import Actor, record_change
from .db import raw
from .errors import NotFound, StateError, ValidationError
from .messages import tr
from .models_archive import Disposal, DisposalItem, Dossier
from .records import load_entry_payload

log = logging.getLogger(__name__)
DISPOSABLE = ("closed", "archived")
ACTIVE = ("proposed", "approved")


def _other_blob_users(conn, sha: str) -> int:  # noqa: ANN001
    """Rows outside `attachment` that name this file (any table with a sha256 column but `blob`)."""
    n = 0
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN "
                                 "('blob', 'attachment') AND name NOT LIKE 'sqlite_%'").fetchall():
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()]
        if "sha256" in cols:
            n += conn.execute(f'SELECT count(*) FROM "{table}" WHERE sha256 = ?', (sha,)).fetchone()[0]
    return n


class DisposalService(Base):
    # --- what may go -------------------------------------------------------------------------------

    def _active_ids(self, s: Session) -> set[int]:
        return {i for i, in s.execute(select(DisposalItem.dossier_id).join(Disposal, Disposal.id == DisposalItem.disposal_id)
                                      .where(Disposal.status.in_(ACTIVE), DisposalItem.excluded.is_(False)))}

    def eligible(self) -> list[EligibleDossier]:
        """Dossiers past retention, not permanent, closed or in the archive (not lent), in no active
        proposal; oldest first."""
        with self.db.read() as s:
            settings, today = load_settings(s), self.db.today()
            busy = self._active_ids(s)
            q = select(Dossier).where(Dossier.status.in_(DISPOSABLE), Dossier.retention_kind != "permanent",
                                      Dossier.year < today.year)
            rows, ends = [], []
            for d in s.execute(q).scalars():
                last = expires_year(d.year, d.retention_kind, d.retention_years, settings)
                if last is None or last >= today.year or d.id in busy:
                    continue
                rows.append(d)
                ends.append(last)
            out = [EligibleDossier(v, date(last, 12, 31).isoformat(), v.retention_kind == "cs")
                   for v, last in zip(dossier_views(s, rows, settings, today), ends)]
            from .archive_plan import indicator_key
            out.sort(key=lambda x: (x.expired_on, x.dossier.year, indicator_key(x.dossier.indicator), x.dossier.volume))
            return out

    def _check(self, s: Session, d: Dossier, busy: set[int], today: date) -> None:
        ref = dossier_ref(d)
        if d.retention_kind == "permanent":
            raise StateError("arch_dossier_permanent", field="dossier", ref=ref)
        if d.status not in DISPOSABLE:
            raise StateError("arch_dossier_not_disposable", field="dossier", ref=ref, status=status_label(d.status))
        last = expires_year(d.year, d.retention_kind, d.retention_years, load_settings(s))
        if last is None or last >= today.year:
            raise StateError("arch_dossier_not_expired", field="dossier", ref=ref, year=last)
        if d.id in busy:
            raise StateError("arch_dossier_already_proposed", field="dossier", ref=ref)

    # --- proposal ----------------------------------------------------------------------------------

    def propose(self, actor: Actor, dossiers: Sequence[str | int], president: str, secretary: str,
                members: Sequence[str], minutes_number: str = "", minutes_date: Any = None,
                note: str = "") -> DisposalView:
        """The selection committee's proposal. The committee has a president, a secretary and members;
        the president and the members are an odd number, at least three."""
        roles.require(actor.role, "archive")
        pres = text_field(president, "president", "name", required=True)
        sec = text_field(secretary, "secretary", "name", required=True)
        names = [text_field(m, "members", "name") for m in members]
        names = [m for m in names if m]
        voters = 1 + len(names)
        if voters < 3 or voters % 2 == 0:
            raise ValidationError("arch_committee_odd", field="members", count=voters)
        minutes = text_field(minutes_number, "minutes_number", "act")
        mdate = parse_date(minutes_date, "minutes_date").isoformat() if minutes_date else None
        note = text_field(note, "remarks")
        if not dossiers:
            raise ValidationError("required", field="dossier")
        with self.db.write() as s:
            today = self.db.today()
            if mdate and mdate > today.isoformat():
                raise ValidationError("arch_date_in_future", field="minutes_date", value=mdate)
            busy = self._active_ids(s)
            chosen: list[Dossier] = []
            for ref in dossiers:
                d = find_dossier(s, ref)
                if d in chosen:
                    continue
                self._check(s, d, busy, today)
                chosen.append(d)
            ts = self.db.now_iso()
            number = (s.execute(select(Disposal.number).order_by(Disposal.number.desc())).scalar() or 0) + 1
            p = Disposal(uuid=new_uuid(), number=number, status="proposed", president=pres, secretary=sec,
                         members=json.dumps(names, ensure_ascii=False), minutes_number=minutes, minutes_date=mdate,
                         note=note, proposed_at=ts, proposed_by=actor.username, act_number="", act_date=None,
                         approved_by="", executed_by="", files_removed=0, files_kept=0, version=1)
            s.add(p)
            s.flush()
            for d in chosen:
                s.add(DisposalItem(disposal_id=p.id, dossier_id=d.id, excluded=False))
            s.flush()
            record_change(s, actor, ts, "dispose_propose", "disposal", p.uuid, 1, None, self._payload(s, p))
            return self._view(s, p)

    def _find(self, s: Session, ref: str | int) -> Disposal:
        if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
            p = s.execute(select(Disposal).where(Disposal.number == int(ref))).scalar()
        else:
            p = s.execute(select(Disposal).where(Disposal.uuid == str(ref).strip())).scalar()
        if p is None:
            raise NotFound("arch_disposal_not_found", ref=str(ref))
        return p

    def approve(self, actor: Actor, ref: str | int, act_number: str, act_date: Any,
                exclude: Sequence[str | int] = ()) -> DisposalView:
        """Record the approving act (the National Archives' confirmation). Dossiers the confirmation
        left out go in `exclude` and stay where they are."""
        roles.require(actor.role, "archive")
        number = text_field(act_number, "act_number", "act", required=True)
        if not act_date:
            raise ValidationError("required", field="act_date")
        day = parse_date(act_date, "act_date")
        with self.db.write() as s:
            p = self._find(s, ref)
            if p.status != "proposed":
                raise StateError("arch_disposal_bad_status", field="act_number", number=p.number, status=status_label(p.status))
            if day > self.db.today() or (p.minutes_date and day.isoformat() < p.minutes_date):
                raise ValidationError("arch_bad_act_date", field="act_date", value=day.isoformat())
            before = self._payload(s, p)
            for ref_x in exclude:
                d = find_dossier(s, ref_x)
                item = s.execute(select(DisposalItem).where(DisposalItem.disposal_id == p.id,
                                                            DisposalItem.dossier_id == d.id)).scalar()
                if item is None:
                    raise ValidationError("arch_not_in_proposal", field="dossier", ref=dossier_ref(d), number=p.number)
                item.excluded = True
            ts = self.db.now_iso()
            p.status, p.act_number, p.act_date = "approved", number, day.isoformat()
            p.approved_at, p.approved_by, p.version = ts, actor.username, p.version + 1
            s.flush()
            record_change(s, actor, ts, "dispose_approve", "disposal", p.uuid, p.version, before, self._payload(s, p))
            return self._view(s, p)

    def withdraw(self, actor: Actor, ref: str | int, reason: str) -> DisposalView:
        """Give up a proposal not executed yet (the dossiers become eligible again)."""
        roles.require(actor.role, "archive")
        why = text_field(reason, "reason", required=True)
        with self.db.write() as s:
            p = self._find(s, ref)
            if p.status not in ACTIVE:
                raise StateError("arch_disposal_bad_status", field="reason", number=p.number, status=status_label(p.status))
            before = self._payload(s, p)
            ts = self.db.now_iso()
            p.status, p.note = "withdrawn", (p.note + "\n" if p.note else "") + why
            p.version += 1
            s.flush()
            record_change(s, actor, ts, "dispose_withdraw", "disposal", p.uuid, p.version, before, self._payload(s, p))
            return self._view(s, p)

    # --- execution ---------------------------------------------------------------------------------

    def execute(self, actor: Actor, ref: str | int, on: Any = None) -> DisposalView:
        """Dispose of the approved proposal's dossiers. Refused without a recorded approval."""
        roles.require(actor.role, "archive")
        with self.db.write() as s:
            p = self._find(s, ref)
            if p.status == "proposed" or not p.act_number or not p.act_date:
                raise StateError("arch_disposal_not_approved", field="act_number", number=p.number)
            if p.status != "approved":
                raise StateError("arch_disposal_bad_status", field="act_number", number=p.number, status=status_label(p.status))
            today = self.db.today()
            day = parse_date(on, "date") if on else today
            if day > today or day.isoformat() < p.act_date:
                raise ValidationError("arch_bad_act_date", field="date", value=day.isoformat())
            items = s.execute(select(Dossier).join(DisposalItem, DisposalItem.dossier_id == Dossier.id)
                              .where(DisposalItem.disposal_id == p.id, DisposalItem.excluded.is_(False))).scalars().all()
            for d in items:
                if d.retention_kind == "permanent":  # cannot happen through propose(); never dispose one anyway
                    raise StateError("arch_dossier_permanent", field="dossier", ref=dossier_ref(d))
                if d.status not in DISPOSABLE:
                    raise StateError("arch_dossier_not_disposable", field="dossier", ref=dossier_ref(d), status=status_label(d.status))
            before = self._payload(s, p)
            ts = self.db.now_iso()
            conn = raw(s)
            removed_sha: list[str] = []
            kept = 0
            shas: set[str] = set()
            for d in items:
                entry_ids = [r[0] for r in conn.execute("SELECT entry_id FROM dossier_entry WHERE dossier_id = ?",
                                                        (d.id,)).fetchall()]
                for eid in entry_ids:
                    atts = conn.execute("SELECT id, uuid, sha256, filename, mime, size, added_at, added_by, version "
                                        "FROM attachment WHERE entry_id = ?", (eid,)).fetchall()
                    if not atts:
                        continue
                    e_before = load_entry_payload(conn, eid)
                    for aid, auuid, sha, fname, mime, size, added_at, added_by, aver in atts:
                        a_before = {"id": auuid, "entry": e_before["id"], "sha256": sha, "filename": fname,
                                    "mime": mime, "size": size, "added_at": added_at, "added_by": added_by,
                                    "version": aver}
                        conn.execute("DELETE FROM attachment WHERE id = ?", (aid,))
                        record_change(s, actor, ts, "dispose", "attachment", auuid, aver + 1, a_before, None)
                        shas.add(sha)
                    conn.execute("UPDATE entry SET updated_at = ?, version = version + 1 WHERE id = ?", (ts, eid))
                    e_after = load_entry_payload(conn, eid)
                    record_change(s, actor, ts, "dispose_attachments", "entry", e_after["id"], e_after["version"],
                                  e_before, e_after)
                d_before = dossier_payload(s, d)
                d.status, d.disposal_id, d.disposed_at = "disposed", p.id, day.isoformat()
                dossier_change(s, actor, ts, "dispose", d, d_before)
            for sha in sorted(shas):
                still = conn.execute("SELECT count(*) FROM attachment WHERE sha256 = ?", (sha,)).fetchone()[0]
                if still or _other_blob_users(conn, sha):
                    kept += 1
                    continue
                conn.execute("DELETE FROM blob WHERE sha256 = ?", (sha,))
                removed_sha.append(sha)
            firsts = [d.date_from for d in items if d.date_from]
            lasts = [d.date_to for d in items if d.date_to]
            comps = sorted({d.compartment for d in items if d.compartment})
            row = add_register_row(
                s, actor, ts, kind="out", day=day.isoformat(), compartment=", ".join(comps)[:120],
                date_from=min(firsts) if firsts else None, date_to=max(lasts) if lasts else None,
                inventory=tr("arch.register_disposal", "ro", number=p.number)[:300], units=len(items),
                units_permanent=0, destination="disposal",
                document=tr("arch.register_act", "ro", number=p.act_number, date=date.fromisoformat(p.act_date).strftime("%d.%m.%Y"))[:300], disposal_id=p.id)
            p.status, p.executed_at, p.executed_by = "executed", ts, actor.username
            p.files_removed, p.files_kept, p.version = len(removed_sha), kept, p.version + 1
            s.flush()
            payload = self._payload(s, p)
            payload["register"] = register_row_payload(row)
            record_change(s, actor, ts, "dispose_execute", "disposal", p.uuid, p.version, before, payload)
            view = self._view(s, p)
        # The transaction is committed: only now remove the files (a crash here leaves an unreferenced
        # file behind, never a record whose file is gone).
        for sha in removed_sha:
            try:
                self.db.blobs.remove(sha)
            except OSError:  # pragma: no cover - a locked file on Windows; the record is already consistent
                log.warning("could not remove disposed file %s", sha)
        return view

    # --- reading -----------------------------------------------------------------------------------

    def _payload(self, s: Session, p: Disposal) -> dict[str, Any]:
        s.flush()
        items = s.execute(select(Dossier.uuid, DisposalItem.excluded).join(Dossier, Dossier.id == DisposalItem.dossier_id)
                          .where(DisposalItem.disposal_id == p.id).order_by(DisposalItem.id)).all()
        return {"id": p.uuid, "number": p.number, "status": p.status, "president": p.president,
                "secretary": p.secretary, "members": json.loads(p.members or "[]"),
                "minutes_number": p.minutes_number, "minutes_date": p.minutes_date, "note": p.note,
                "proposed_at": p.proposed_at, "proposed_by": p.proposed_by, "act_number": p.act_number,
                "act_date": p.act_date, "approved_at": p.approved_at, "approved_by": p.approved_by,
                "executed_at": p.executed_at, "executed_by": p.executed_by, "files_removed": p.files_removed,
                "files_kept": p.files_kept, "dossiers": [u for u, ex in items if not ex],
                "excluded": [u for u, ex in items if ex], "version": p.version}

    def _view(self, s: Session, p: Disposal) -> DisposalView:
        from .archive_plan import indicator_key
        settings = load_settings(s)
        rows = s.execute(select(Dossier, DisposalItem.excluded).join(DisposalItem, DisposalItem.dossier_id == Dossier.id)
                         .where(DisposalItem.disposal_id == p.id)).all()
        rows.sort(key=lambda r: (r[0].year, r[0].compartment, indicator_key(r[0].indicator), r[0].volume))
        lines = []
        for n, (d, excluded) in enumerate(rows, start=1):
            sheets = d.sheets_counted if d.sheets_counted is not None else d.sheets
            lines.append(DisposalLine(n, d.uuid, dossier_ref(d), d.year, d.compartment, d.indicator, d.volume,
                                      d.title + (f" (vol. {d.volume})" if d.volume > 1 else ""), d.date_from, d.date_to,
                                      sheets, retention_label(d.retention_kind, d.retention_years),
                                      expires_year(d.year, d.retention_kind, d.retention_years, settings), bool(excluded)))
        kept = [x for x in lines if not x.excluded]
        return DisposalView(p.id, p.uuid, p.number, p.status, p.president, p.secretary,
                            tuple(json.loads(p.members or "[]")), p.minutes_number, p.minutes_date, p.note,
                            p.proposed_at, p.proposed_by, p.act_number, p.act_date, p.approved_at, p.executed_at,
                            p.files_removed, p.files_kept, lines, len(kept), sum(x.sheets for x in kept), p.version)

    def get(self, ref: str | int) -> DisposalView:
        with self.db.read() as s:
            return self._view(s, self._find(s, ref))

    def list(self, status: str | None = None) -> list[DisposalView]:
        with self.db.read() as s:
            q = select(Disposal).order_by(Disposal.number.desc())
            if status:
                q = q.where(Disposal.status == status)
            return [self._view(s, p) for p in s.execute(q).scalars()]
