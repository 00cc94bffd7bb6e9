"""Dossiers: opened from a plan item for a year, entries filed into them (one entry, or many at once),
the dossier suggested for an entry, sheets and extreme dates derived from the entries, location,
year-end closing (after which filing needs an explicit, audited reopen) and the archive search.

Filing changes the entry too (its `dossier_indicator`, status `filed`, and the `dossier` key of its
payload), through the entry's audit path, so `verify` keeps matching every entry to its last event.
A volume holds at most `volume_max_sheets` sheets: filing past that closes the full volume and
continues in the next one (same indicator, volume + 1).
"""
from __future__ import annotations

import json
from collections import Counter
from typing import Any, Sequence

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from . import roles
from .archive_common import (
    Base, dossier_change, dossier_payload, dossier_ref, dossier_view, dossier_views, find_dossier, find_plan_item, fold,
    indicator_value, load_settings, new_uuid, plan_item_view, text_field, words,
)
from .archive_views import (
    ArchiveFilters, ArchiveSettings, ClosingReport, DossierDetail, DossierEntryRow, DossierSuggestion,
    DossierView, EntryBrief, FilingResult,
)
from .archive_messages import status_label
from .audit import Actor, record_change
from .db import raw
from .entries import Entries
from .errors import StateError, ValidationError
from .models import Entry
from .models_archive import DOSSIER_STATUSES, ArchiveYear, Dossier, DossierEntry, Loan, PlanItem
from .records import load_entry_payload
from .views import EntryRef

UNRESOLVED = ("registered", "assigned")
REPORT_LIMIT = 200


def _entry_ref(e: Entry) -> str:
    return str(EntryRef(e.number, e.year, e.number_suffix))


class Dossiers(Base):
    # --- reading ---------------------------------------------------------------------------------

    def get(self, ref: str | int, year: int | None = None) -> DossierView:
        with self.db.read() as s:
            return dossier_view(s, find_dossier(s, ref, year), load_settings(s), self.db.today())

    def detail(self, ref: str | int, year: int | None = None) -> DossierDetail:
        with self.db.read() as s:
            d = find_dossier(s, ref, year)
            today = self.db.today()
            view = dossier_view(s, d, load_settings(s), today)
            rows = raw(s).execute(
                "SELECT e.id, e.uuid, e.number, e.number_suffix, e.year, e.reg_date, e.direction, e.subject, e.pages, "
                "e.status, de.filed_at, de.filed_by FROM dossier_entry de JOIN entry e ON e.id = de.entry_id "
                "WHERE de.dossier_id = ? ORDER BY e.reg_date, e.year, e.number", (d.id,)).fetchall()
            entries = [DossierEntryRow(r[0], r[1], str(EntryRef(r[2], r[4], r[3])), r[5], r[6], r[7], r[8], r[9],
                                       r[10], r[11]) for r in rows]
            from .archive_common import loan_view
            loans = [loan_view(x, d, today) for x in
                     s.execute(select(Loan).where(Loan.dossier_id == d.id).order_by(Loan.id.desc())).scalars()]
            return DossierDetail(view, entries, loans)

    def of_entry(self, entry_ref: str | int) -> DossierView | None:
        """The dossier an entry is filed in, if any."""
        with self.db.read() as s:
            e = Entries._find(s, entry_ref)
            did = s.execute(select(DossierEntry.dossier_id).where(DossierEntry.entry_id == e.id)).scalar()
            return dossier_view(s, s.get(Dossier, did), load_settings(s), self.db.today()) if did else None

    def _query(self, f: ArchiveFilters) -> tuple[str, dict[str, Any]]:
        where, params = ["1 = 1"], {}
        if f.year:
            where.append("d.year = :year")
            params["year"] = int(f.year)
        if f.indicator:
            where.append("d.indicator LIKE :ind ESCAPE '\\'")
            params["ind"] = _like_prefix(indicator_value(f.indicator))
        if f.compartment:
            where.append("d.compartment = :comp")
            params["comp"] = f.compartment
        statuses = [st for st in (f.status or ()) if st]
        for st in statuses:
            if st not in DOSSIER_STATUSES:
                raise ValidationError("bad_choice", field="status", value=st, allowed=", ".join(DOSSIER_STATUSES))
        if statuses:
            names = [f"st{i}" for i in range(len(statuses))]
            where.append(f"d.status IN ({', '.join(':' + n for n in names)})")
            params.update(dict(zip(names, statuses)))
        for i, w in enumerate(fold(f.text).split()):
            where.append(f"d.search_text LIKE :t{i} ESCAPE '\\'")
            params[f"t{i}"] = "%" + _like_escape(w) + "%"
        for i, w in enumerate(fold(f.location).split()):
            where.append(f"(lower(d.room) || ' ' || lower(d.shelf) || ' ' || lower(d.box)) LIKE :l{i} ESCAPE '\\'")
            params[f"l{i}"] = "%" + _like_escape(w) + "%"
        return " AND ".join(where), params

    def search(self, filters: ArchiveFilters | None = None, limit: int = 500, offset: int = 0) -> list[DossierView]:
        """Dossiers by words of the title/indicator (diacritics ignored), indicator prefix, year,
        compartment, status and location; newest year first, then by indicator and volume."""
        from .archive_plan import indicator_key
        where, params = self._query(filters or ArchiveFilters())
        with self.db.read() as s:
            ids = [r[0] for r in s.execute(text(f"SELECT d.id FROM dossier d WHERE {where}"), params)]
            rows: list[Dossier] = []
            for k in range(0, len(ids), 500):
                rows += s.execute(select(Dossier).where(Dossier.id.in_(ids[k:k + 500]))).scalars().all()
            rows.sort(key=lambda d: (-d.year, indicator_key(d.indicator), d.volume))
            return dossier_views(s, rows[offset:offset + limit], load_settings(s), self.db.today())

    def count(self, filters: ArchiveFilters | None = None) -> int:
        where, params = self._query(filters or ArchiveFilters())
        with self.db.read() as s:
            return s.execute(text(f"SELECT count(*) FROM dossier d WHERE {where}"), params).scalar_one()

    def years(self) -> list[int]:
        with self.db.read() as s:
            return [y for y, in s.execute(select(Dossier.year).distinct().order_by(Dossier.year.desc())).all()]

    def closed_years(self) -> dict[int, str]:
        with self.db.read() as s:
            return dict(s.execute(select(ArchiveYear.year, ArchiveYear.closed_at)).all())

    # --- opening ---------------------------------------------------------------------------------

    def _open(self, s: Session, actor: Actor, item: PlanItem, year: int, ts: str, title: str | None = None,
              volume: int | None = None, remarks: str = "") -> Dossier:
        if volume is None:
            volume = (s.execute(select(func.max(Dossier.volume)).where(Dossier.year == year,
                                                                      Dossier.indicator == item.indicator))
                      .scalar() or 0) + 1
        d = Dossier(uuid=new_uuid(), year=year, plan_item_id=item.id, indicator=item.indicator, volume=volume,
                    title=text_field(title, "title") or item.title, compartment=item.compartment, status="open",
                    retention_kind=item.retention_kind, retention_years=item.retention_years, room="", shelf="",
                    box="", sheets=0, sheets_counted=None, entry_count=0, remarks=remarks, opened_at=ts,
                    opened_by=actor.username, closed_by="", reopened_by="", reopen_reason="", updated_at=ts, version=1)
        d.search_text = fold(f"{d.indicator} {d.title}")
        s.add(d)
        s.flush()
        record_change(s, actor, ts, "dossier_open", "dossier", d.uuid, 1, None, dossier_payload(s, d))
        return d

    def open(self, actor: Actor, year: int, plan_item: str | int, title: str | None = None,
             reason: str | None = None) -> DossierView:
        """Open the dossier of a plan item for `year` (the plan of that year). One volume of an indicator
        is open at a time; after a volume is closed, opening again starts the next volume. A year already
        closed needs a `reason` (recorded)."""
        roles.require(actor.role, "file_entries")
        from .archive_plan import Plan
        year = Plan._year(year)
        with self.db.write() as s:
            item = find_plan_item(s, plan_item, year)
            if item.year != year:
                raise ValidationError("arch_plan_item_other_year", field="indicator", indicator=item.indicator,
                                      year=item.year, wanted=year)
            open_one = s.execute(select(Dossier).where(Dossier.year == year, Dossier.indicator == item.indicator,
                                                       Dossier.status == "open")).scalar()
            if open_one is not None:
                raise StateError("arch_dossier_already_open", field="indicator", ref=dossier_ref(open_one))
            remarks = ""
            if s.get(ArchiveYear, year) is not None:
                why = text_field(reason, "reason")
                if not why:
                    raise StateError("arch_year_closed_open", field="reason", year=year)
                remarks = why
            ts = self.db.now_iso()
            d = self._open(s, actor, item, year, ts, title, remarks=remarks)
            if remarks:  # recorded like a reopen, so the audit log says why
                before = dossier_payload(s, d)
                d.reopened_at, d.reopened_by, d.reopen_reason = ts, actor.username, remarks
                dossier_change(s, actor, ts, "dossier_open_after_closing", d, before)
            return dossier_view(s, d, load_settings(s), self.db.today())

    # --- filing ----------------------------------------------------------------------------------

    @staticmethod
    def _check_open(d: Dossier) -> None:
        if d.status == "open":
            return
        if d.status == "closed":
            raise StateError("arch_dossier_closed", field="dossier", ref=dossier_ref(d))
        raise StateError("arch_dossier_not_open", field="dossier", ref=dossier_ref(d), status=status_label(d.status))

    @staticmethod
    def _refresh(s: Session, d: Dossier) -> None:
        n, pages, first, last = raw(s).execute(
            "SELECT count(*), COALESCE(SUM(e.pages), 0), MIN(e.reg_date), MAX(e.reg_date) FROM dossier_entry de "
            "JOIN entry e ON e.id = de.entry_id WHERE de.dossier_id = ?", (d.id,)).fetchone()
        d.entry_count, d.sheets, d.date_from, d.date_to = n, pages, first, last

    def _entry_change(self, s: Session, actor: Actor, ts: str, action: str, e: Entry, before: dict[str, Any],
                      indicator: str, status: str) -> None:
        """Update the entry and write its audit event + outbox row (the same path `Entries` uses)."""
        conn = raw(s)
        conn.execute("UPDATE entry SET dossier_indicator = ?, status = ?, updated_at = ?, version = version + 1 "
                     "WHERE id = ?", (indicator, status, ts, e.id))
        after = load_entry_payload(conn, e.id)
        record_change(s, actor, ts, action, "entry", after["id"], after["version"], before, after)

    def file(self, actor: Actor, dossier: str | int, entries: Sequence[str | int] | str | int,
             year: int | None = None) -> FilingResult:
        """File one entry or many into a dossier, in one transaction (all or nothing). An entry is in at
        most one dossier and belongs to a dossier of its own year; entries already in this dossier are
        skipped. Resolved entries and outgoing/internal ones become 'filed'; an incoming entry not yet
        resolved keeps its status (its deadline is still watched) but is in the dossier."""
        roles.require(actor.role, "file_entries")
        refs = [entries] if isinstance(entries, (str, int)) else list(entries)
        if not refs:
            raise ValidationError("required", field="entries")
        with self.db.write() as s:
            d = find_dossier(s, dossier, year, for_filing=True)
            self._check_open(d)
            settings = load_settings(s)
            found: dict[int, Entry] = {}
            for ref in refs:
                e = Entries._find(s, ref)
                found[e.id] = e
            skipped: list[str] = []
            todo: list[Entry] = []
            same_plan_ids = {x for x, in s.execute(select(Dossier.id).where(Dossier.year == d.year,
                                                                            Dossier.indicator == d.indicator))}
            for e in sorted(found.values(), key=lambda x: (x.reg_date, x.year, x.number, x.number_suffix)):
                ref = _entry_ref(e)
                if e.status == "cancelled":
                    raise StateError("entry_cancelled", field="entries", ref=ref)
                if e.year != d.year:
                    raise ValidationError("arch_entry_other_year", field="entries", ref=ref, year=d.year)
                cur = s.execute(select(DossierEntry.dossier_id).where(DossierEntry.entry_id == e.id)).scalar()
                if cur is not None:
                    if cur in same_plan_ids:
                        skipped.append(ref)
                        continue
                    other = s.get(Dossier, cur)
                    raise StateError("arch_entry_already_filed", field="entries", ref=ref, dossier=dossier_ref(other))
                todo.append(e)
            ts = self.db.now_iso()
            touched: dict[int, tuple[Dossier, dict[str, Any]]] = {d.id: (d, dossier_payload(s, d))}
            filed: list[tuple[str, str]] = []
            new_volumes: list[str] = []
            current = d
            for e in todo:
                used = current.sheets_counted if current.sheets_counted is not None else current.sheets
                if current.entry_count and used + (e.pages or 0) > settings.volume_max_sheets:
                    current = self._next_volume(s, actor, ts, current, touched)
                    new_volumes.append(dossier_ref(current))
                before = load_entry_payload(raw(s), e.id)
                s.add(DossierEntry(dossier_id=current.id, entry_id=e.id, filed_at=ts, filed_by=actor.username))
                s.flush()
                status = "filed" if (e.status == "resolved" or e.direction != "in") else e.status
                self._entry_change(s, actor, ts, "file", e, before, current.indicator, status)
                filed.append((_entry_ref(e), dossier_ref(current)))
                current.entry_count += 1
                current.sheets += e.pages or 0
            views = []
            for dd, before in touched.values():
                self._refresh(s, dd)
                if dossier_payload(s, dd) != before:
                    dossier_change(s, actor, ts, "file", dd, before)
                views.append(dossier_view(s, dd, settings, self.db.today()))
            return FilingResult(filed, skipped, views, new_volumes)

    def _next_volume(self, s: Session, actor: Actor, ts: str, full: Dossier,
                     touched: dict[int, tuple[Dossier, dict[str, Any]]]) -> Dossier:
        """Close a full volume and open the next one of the same indicator."""
        self._refresh(s, full)
        before = touched[full.id][1]
        full.status, full.closed_at, full.closed_by = "closed", ts, actor.username
        dossier_change(s, actor, ts, "close_volume", full, before)
        touched[full.id] = (full, dossier_payload(s, full))
        item = s.get(PlanItem, full.plan_item_id)
        nxt = self._open(s, actor, item, full.year, ts, full.title)
        touched[nxt.id] = (nxt, dossier_payload(s, nxt))
        return nxt

    def unfile(self, actor: Actor, entry: str | int) -> DossierView:
        """Take an entry out of its (open) dossier; its status goes back to what it was."""
        roles.require(actor.role, "file_entries")
        with self.db.write() as s:
            e = Entries._find(s, entry)
            link = s.execute(select(DossierEntry).where(DossierEntry.entry_id == e.id)).scalar()
            if link is None:
                raise StateError("arch_entry_not_filed", field="entries", ref=_entry_ref(e))
            d = s.get(Dossier, link.dossier_id)
            self._check_open(d)
            ts = self.db.now_iso()
            d_before = dossier_payload(s, d)
            before = load_entry_payload(raw(s), e.id)
            s.delete(link)
            s.flush()
            status = e.status
            if status == "filed":
                status = "resolved" if e.resolved_at else ("assigned" if (e.compartment_id or e.assignee_id)
                                                             else "registered")
            self._entry_change(s, actor, ts, "unfile", e, before, "", status)
            self._refresh(s, d)
            dossier_change(s, actor, ts, "unfile", d, d_before)
            return dossier_view(s, d, load_settings(s), self.db.today())

    # --- suggestions -----------------------------------------------------------------------------

    def suggest(self, entry: str | int, limit: int = 5) -> list[DossierSuggestion]:
        """Dossiers (or plan items to open one from) of the entry's year, best first, from: where entries
        of the same document type and compartment were filed before; the plan item's document types; the
        compartment; words shared by the title and the document type / subject."""
        with self.db.read() as s:
            e = Entries._find(s, entry)
            items = s.execute(select(PlanItem).where(PlanItem.year == e.year)).scalars().all()
            if not items:
                return []
            dt_code = e.doc_type.code if e.doc_type else ""
            comp_code = e.compartment.code if e.compartment else ""
            comp_name = fold(e.compartment.name) if e.compartment else ""
            history: Counter[str] = Counter()
            if dt_code or comp_code:
                rows = raw(s).execute(
                    "SELECT d.indicator, count(*) FROM dossier_entry de JOIN entry x ON x.id = de.entry_id "
                    "JOIN dossier d ON d.id = de.dossier_id WHERE x.doc_type_id IS ? AND x.compartment_id IS ? "
                    "AND x.id <> ? GROUP BY d.indicator", (e.doc_type_id, e.compartment_id, e.id)).fetchall()
                history.update({ind: n for ind, n in rows})
            total = sum(history.values()) or 1
            subject_words = words(f"{e.doc_type.name if e.doc_type else ''} {e.subject}")
            settings, today = load_settings(s), self.db.today()
            out: list[DossierSuggestion] = []
            for p in items:
                score, reasons = 0.0, []
                if history.get(p.indicator):
                    score += 10 * history[p.indicator] / total
                    reasons.append("history")
                if dt_code and dt_code in p.doc_types.split(","):
                    score += 8
                    reasons.append("doc_type")
                if p.compartment and (p.compartment == comp_code or fold(p.compartment) == comp_name):
                    score += 4
                    reasons.append("compartment")
                shared = len(subject_words & words(p.title))
                if shared:
                    score += min(shared, 3)
                    reasons.append("words")
                if score <= 0:
                    continue
                d = s.execute(select(Dossier).where(Dossier.year == p.year, Dossier.indicator == p.indicator,
                                                    Dossier.status == "open")).scalar()
                out.append(DossierSuggestion(plan_item_view(p), dossier_view(s, d, settings, today) if d else None,
                                             round(score, 2), tuple(reasons)))
            out.sort(key=lambda x: (-x.score, x.plan_item.indicator))
            return out[:limit]

    # --- details ---------------------------------------------------------------------------------

    def locate(self, actor: Actor, dossier: str | int, room: str | None = None, shelf: str | None = None,
               box: str | None = None, year: int | None = None) -> DossierView:
        """Where the dossier is kept (room / shelf / box)."""
        roles.require(actor.role, "archive")
        with self.db.write() as s:
            d = find_dossier(s, dossier, year)
            if d.status == "disposed":
                raise StateError("arch_dossier_not_open", field="dossier", ref=dossier_ref(d), status=status_label(d.status))
            before = dossier_payload(s, d)
            if room is not None:
                d.room = text_field(room, "room", "location")
            if shelf is not None:
                d.shelf = text_field(shelf, "shelf", "location")
            if box is not None:
                d.box = text_field(box, "box", "location")
            if dossier_payload(s, d) != before:
                dossier_change(s, actor, self.db.now_iso(), "locate", d, before)
            return dossier_view(s, d, load_settings(s), self.db.today())

    def annotate(self, actor: Actor, dossier: str | int, *, sheets_counted: int | None | str = "",
                 remarks: str | None = None, title: str | None = None, year: int | None = None) -> DossierView:
        """The sheets counted by hand (None clears it: the entries' sum counts), remarks, title."""
        roles.require(actor.role, "file_entries")
        with self.db.write() as s:
            d = find_dossier(s, dossier, year)
            if d.status in ("archived", "lent", "disposed") and title is not None:
                raise StateError("arch_dossier_not_open", field="dossier", ref=dossier_ref(d), status=status_label(d.status))
            if d.status == "disposed":
                raise StateError("arch_dossier_not_open", field="dossier", ref=dossier_ref(d), status=status_label(d.status))
            before = dossier_payload(s, d)
            if sheets_counted != "":
                if sheets_counted is None:
                    d.sheets_counted = None
                else:
                    try:
                        n = int(sheets_counted)
                    except (TypeError, ValueError):
                        raise ValidationError("not_a_number", field="sheets") from None
                    if not 0 <= n <= 100000:
                        raise ValidationError("not_a_number", field="sheets")
                    d.sheets_counted = n
            if remarks is not None:
                d.remarks = text_field(remarks, "remarks")
            if title is not None:
                d.title = text_field(title, "title", required=True)
                d.search_text = fold(f"{d.indicator} {d.title}")
            if dossier_payload(s, d) != before:
                dossier_change(s, actor, self.db.now_iso(), "annotate", d, before)
            return dossier_view(s, d, load_settings(s), self.db.today())

    # --- closing ---------------------------------------------------------------------------------

    def close(self, actor: Actor, dossier: str | int, year: int | None = None) -> DossierView:
        """Close one dossier (a full volume, or a reopened dossier once the late papers are in)."""
        roles.require(actor.role, "archive")
        with self.db.write() as s:
            d = find_dossier(s, dossier, year)
            self._check_open(d)
            before = dossier_payload(s, d)
            ts = self.db.now_iso()
            self._refresh(s, d)
            d.status, d.closed_at, d.closed_by = "closed", ts, actor.username
            dossier_change(s, actor, ts, "close", d, before)
            return dossier_view(s, d, load_settings(s), self.db.today())

    def reopen(self, actor: Actor, dossier: str | int, reason: str, year: int | None = None) -> DossierView:
        """Reopen a closed dossier to file late papers; the reason is recorded in the dossier and the
        audit log. A dossier already handed to the archive (or lent, or disposed) cannot be reopened."""
        roles.require(actor.role, "archive")
        why = text_field(reason, "reason", required=True)
        with self.db.write() as s:
            d = find_dossier(s, dossier, year)
            if d.status == "open":
                raise StateError("arch_dossier_already_open", field="dossier", ref=dossier_ref(d))
            if d.status != "closed":
                raise StateError("arch_dossier_reopen_refused", field="dossier", ref=dossier_ref(d), status=status_label(d.status))
            before = dossier_payload(s, d)
            ts = self.db.now_iso()
            d.status, d.reopened_at, d.reopened_by, d.reopen_reason = "open", ts, actor.username, why
            dossier_change(s, actor, ts, "reopen", d, before)
            return dossier_view(s, d, load_settings(s), self.db.today())

    def closing_report(self, year: int) -> ClosingReport:
        """What is still unresolved in `year`: entries in no dossier, incoming entries not resolved, open
        and empty dossiers, plan items without a dossier."""
        with self.db.read() as s:
            return self._report(s, int(year), load_settings(s))

    def _report(self, s: Session, year: int, settings: ArchiveSettings) -> ClosingReport:
        conn = raw(s)
        today = self.db.today()
        closed = s.get(ArchiveYear, year)
        dossiers = s.execute(select(Dossier).where(Dossier.year == year, Dossier.status == "open")).scalars().all()
        open_views = [dossier_view(s, d, settings, today) for d in dossiers]
        sel = ("SELECT e.id, e.number, e.number_suffix, e.year, e.reg_date, e.direction, e.subject, e.status, "
               "COALESCE(c.code, '') FROM entry e LEFT JOIN compartment c ON c.id = e.compartment_id WHERE e.year = ? ")
        unfiled_where = ("AND e.status <> 'cancelled' AND NOT EXISTS "
                         "(SELECT 1 FROM dossier_entry de WHERE de.entry_id = e.id) ")
        unresolved_where = "AND e.direction = 'in' AND e.status IN ('registered', 'assigned') "

        def briefs(where: str) -> tuple[list[EntryBrief], int]:
            n = conn.execute("SELECT count(*) FROM entry e WHERE e.year = ? " + where, (year,)).fetchone()[0]
            rows = conn.execute(sel + where + "ORDER BY e.number LIMIT ?", (year, REPORT_LIMIT)).fetchall()
            return [EntryBrief(r[0], str(EntryRef(r[1], r[3], r[2])), r[4], r[5], r[6], r[7], r[8]) for r in rows], n

        unfiled, n_unfiled = briefs(unfiled_where)
        unresolved, n_unresolved = briefs(unresolved_where)
        no_dossier = [p for p, in conn.execute(
            "SELECT p.indicator FROM plan_item p WHERE p.year = ? AND NOT EXISTS "
            "(SELECT 1 FROM dossier d WHERE d.plan_item_id = p.id)", (year,)).fetchall()]
        from .archive_plan import indicator_key
        no_dossier.sort(key=indicator_key)
        return ClosingReport(year, closed is not None, closed.closed_at if closed else None, open_views,
                             [v.ref for v in open_views if not v.entries], unfiled, n_unfiled, unresolved,
                             n_unresolved, no_dossier)

    def close_year(self, actor: Actor, year: int, accept_unresolved: bool = False) -> ClosingReport:
        """Year-end closing: close every open dossier of `year`. When entries are still unfiled or
        unresolved this is refused unless `accept_unresolved` (the report is kept with the closing)."""
        roles.require(actor.role, "archive")
        from .archive_plan import Plan
        year = Plan._year(year)
        with self.db.write() as s:
            today = self.db.today()
            if year > today.year:
                raise StateError("arch_year_in_future", field="year", year=year)
            if s.get(ArchiveYear, year) is not None:
                raise StateError("arch_year_already_closed", field="year", year=year)
            settings = load_settings(s)
            rep = self._report(s, year, settings)
            if not rep.clean and not accept_unresolved:
                raise StateError("arch_year_unresolved", field="year", year=year, unfiled=rep.unfiled_count,
                                 unresolved=rep.unresolved_count)
            ts = self.db.now_iso()
            for d in s.execute(select(Dossier).where(Dossier.year == year, Dossier.status == "open")).scalars().all():
                before = dossier_payload(s, d)
                self._refresh(s, d)
                d.status, d.closed_at, d.closed_by = "closed", ts, actor.username
                dossier_change(s, actor, ts, "close_year", d, before)
            summary = {"year": year, "dossiers_closed": len(rep.open_dossiers), "unfiled": rep.unfiled_count,
                       "unresolved": rep.unresolved_count, "empty_dossiers": rep.empty_dossiers,
                       "plan_items_without_dossier": rep.plan_items_without_dossier,
                       "unfiled_refs": [b.ref for b in rep.unfiled[:50]],
                       "unresolved_refs": [b.ref for b in rep.unresolved[:50]]}
            s.add(ArchiveYear(year=year, closed_at=ts, closed_by=actor.username,
                              report=json.dumps(summary, ensure_ascii=False)))
            s.flush()
            record_change(s, actor, ts, "close_year", "archive_year", str(year), 1, None,
                          {"year": year, "closed_at": ts, "closed_by": actor.username, **summary}, replicate=False)
            return self._report(s, year, settings)


def _like_escape(v: str) -> str:
    return v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_prefix(v: str) -> str:
    return _like_escape(v) + "%"


__all__ = ["Dossiers"]
