"""Shared pieces of the archive services: retention rules, settings, text folding, lookups, payloads
and views. No Qt (local_db never imports it)."""
from __future__ import annotations

import json
import re
import unicodedata
import uuid as uuidlib
from dataclasses import fields
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import archive_messages  # noqa: F401  (registers the archive's messages in the catalogue)
from .audit import Actor, record_change
from .database import Database
from .errors import NotFound, ValidationError
from .models import Compartment, Meta
from .models_archive import Disposal, Dossier, Loan, PlanItem, Transfer
from .archive_views import ArchiveSettings, DossierView, LoanView, PlanItemView
from .text import bounded_text, clean_text

#: Retention periods in years allowed by the 1996 instructions (besides P and CS).
LEGAL_RETENTION_YEARS = (1, 2, 3, 5, 10, 15, 25, 30, 50, 75, 100)
_INDICATOR = re.compile(r"^[0-9A-Z]+(?:[./\-][0-9A-Z]+)*$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_DOSSIER_REF = re.compile(r"^\s*(\d{4})\s*:\s*([^:]+?)\s*(?::\s*(?:v(?:ol)?\.?\s*)?(\d{1,3}))?\s*$", re.I)
LIMITS = {"indicator": 32, "title": 500, "notes": 1000, "compartment": 120, "name": 200, "location": 60,
          "remarks": 2000, "reason": 1000, "purpose": 500, "act": 60}

SETTING_KEYS = {f.name: f"archive.{f.name}" for f in fields(ArchiveSettings)}
SETTING_LIMITS = {"transfer_year_offset": (1, 2), "loan_days": (1, 365), "volume_max_sheets": (50, 300),
                  "cs_review_years": (1, 100)}


def new_uuid() -> str:
    return str(uuidlib.uuid4())


def fold(text: str) -> str:
    """Lower case without diacritics, for search ('Ședință' -> 'sedinta')."""
    decomposed = unicodedata.normalize("NFKD", clean_text(text or "").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> set[str]:
    return {w for w in re.split(r"[^0-9a-z]+", fold(text)) if len(w) >= 4}


def text_field(value: Any, field: str, limit_key: str | None = None, required: bool = False) -> str:
    return bounded_text(value, field, LIMITS[limit_key or field], required)


def indicator_value(value: Any) -> str:
    v = re.sub(r"\s*([./\-])\s*", r"\1", clean_text(str(value or ""))).upper()  # "I. A. 7" -> "I.A.7"
    if not v:
        raise ValidationError("required", field="indicator")
    if len(v) > LIMITS["indicator"] or not _INDICATOR.match(v):
        raise ValidationError("arch_bad_indicator", field="indicator", value=value)
    return v


def parse_date(value: Any, field: str = "date") -> date:
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            from datetime import datetime
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise ValidationError("bad_date", field=field, value=text)


# --- retention ------------------------------------------------------------------------------------

def parse_retention(value: Any) -> tuple[str, int | None]:
    """'P' / 'permanent' -> ('permanent', None); 'CS' -> ('cs', None); 'CS 10' / '10 CS' -> ('cs', 10);
    10 / '10' / '10 ani' -> ('years', 10). Years must be one of the legal periods. None is refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError("arch_retention_required", field="retention")
    if isinstance(value, bool):
        raise ValidationError("arch_bad_retention", field="retention", value=value)
    if isinstance(value, int):
        kind, years = "years", value
    else:
        text = fold(str(value)).replace(".", " ").strip()
        if text in ("p", "perm", "permanent", "permanenta", "permanent (p)"):
            return "permanent", None
        tokens = [t for t in re.split(r"[\s,;/()]+", text) if t and t not in ("ani", "an", "years", "year")]
        cs = "cs" in tokens
        rest = [t for t in tokens if t != "cs"]
        if cs and not rest:
            return "cs", None
        if len(rest) != 1 or not rest[0].isdigit():
            raise ValidationError("arch_bad_retention", field="retention", value=value)
        kind, years = ("cs" if cs else "years"), int(rest[0])
    if years not in LEGAL_RETENTION_YEARS:
        raise ValidationError("arch_bad_retention", field="retention", value=value)
    return kind, years


def retention_label(kind: str, years: int | None) -> str:
    if kind == "permanent":
        return "P"
    if kind == "cs":
        return f"CS {years}" if years else "CS"
    return str(years)


def expires_year(year: int, kind: str, years: int | None, settings: ArchiveSettings) -> int | None:
    """The last year of retention: a dossier of `year` kept `years` years is kept to 31 Dec of year +
    years (retention runs from 1 January after the year the dossier was closed); None when permanent."""
    if kind == "permanent":
        return None
    return year + (years if years else settings.cs_review_years)


# --- settings -------------------------------------------------------------------------------------

def load_settings(s: Session) -> ArchiveSettings:
    rows = dict(s.execute(select(Meta.key, Meta.value).where(Meta.key.in_(SETTING_KEYS.values()))).all())
    values: dict[str, int] = {}
    for name, key in SETTING_KEYS.items():
        raw_value = rows.get(key)
        if raw_value is None:
            continue
        try:
            n = int(raw_value)
        except ValueError:
            continue
        lo, hi = SETTING_LIMITS[name]
        if lo <= n <= hi:
            values[name] = n
    return ArchiveSettings(**values)


def save_setting(s: Session, actor: Actor, ts: str, name: str, value: Any) -> ArchiveSettings:
    if name not in SETTING_KEYS:
        raise ValidationError("bad_choice", field="setting", value=name, allowed=", ".join(SETTING_KEYS))
    lo, hi = SETTING_LIMITS[name]
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ValidationError("arch_setting_range", field="setting", name=name, min=lo, max=hi) from None
    if not lo <= n <= hi:
        raise ValidationError("arch_setting_range", field="setting", name=name, min=lo, max=hi)
    before = load_settings(s)
    key = SETTING_KEYS[name]
    row = s.get(Meta, key)
    if row is None:
        s.add(Meta(key=key, value=str(n)))
    else:
        row.value = str(n)
    s.flush()
    after = load_settings(s)
    # Local configuration: audited (and the audit event replicated), not a replicated record itself.
    record_change(s, actor, ts, "archive_setting", "archive_setting", name, 1,
                  {name: getattr(before, name)}, {name: getattr(after, name)}, replicate=False)
    return after


# --- compartments ---------------------------------------------------------------------------------

def compartment_code(s: Session, value: Any) -> str:
    """A compartment as typed (code or name) -> its code when it is a known one, else the cleaned text
    (a county template may name compartments the commune does not have)."""
    v = text_field(value, "compartment")
    if not v:
        return ""
    for c in s.execute(select(Compartment)).scalars():
        if c.code.upper() == v.upper() or fold(c.name) == fold(v):
            return c.code
    return v


def compartment_names(s: Session) -> dict[str, str]:
    return {c.code: c.name for c in s.execute(select(Compartment)).scalars()}


# --- lookups --------------------------------------------------------------------------------------

def dossier_ref(d: Dossier) -> str:
    return f"{d.year}:{d.indicator}" + (f":{d.volume}" if d.volume > 1 else "")


def find_plan_item(s: Session, ref: Any, year: int | None = None) -> PlanItem:
    item = None
    if isinstance(ref, int):
        item = s.get(PlanItem, ref)
    elif isinstance(ref, str) and _UUID.match(ref):
        item = s.execute(select(PlanItem).where(PlanItem.uuid == ref)).scalar()
    elif year is not None:
        item = s.execute(select(PlanItem).where(PlanItem.year == year,
                                                PlanItem.indicator == indicator_value(ref))).scalar()
    if item is None:
        raise NotFound("arch_plan_item_not_found", ref=f"{ref}" + (f" ({year})" if year else ""))
    return item


def find_dossier(s: Session, ref: Any, year: int | None = None, for_filing: bool = False) -> Dossier:
    """By id, uuid, 'YEAR:INDICATOR[:VOLUME]' or an indicator with `year`. Without a volume, the open
    volume (for filing) or the last one."""
    d = None
    if isinstance(ref, int):
        d = s.get(Dossier, ref)
    elif isinstance(ref, str) and _UUID.match(ref.strip()):
        d = s.execute(select(Dossier).where(Dossier.uuid == ref.strip())).scalar()
    else:
        text = str(ref or "")
        m = _DOSSIER_REF.match(text)
        if m:
            y, ind, vol = int(m.group(1)), m.group(2), m.group(3)
        elif year is not None:
            y, ind, vol = year, text, None
        else:
            raise ValidationError("arch_bad_dossier_ref", field="dossier", value=text)
        ind = indicator_value(ind)
        q = select(Dossier).where(Dossier.year == y, Dossier.indicator == ind)
        if vol:
            d = s.execute(q.where(Dossier.volume == int(vol))).scalar()
        else:
            rows = s.execute(q.order_by(Dossier.volume.desc())).scalars().all()
            open_rows = [r for r in rows if r.status == "open"]
            d = (open_rows[0] if open_rows and for_filing else (rows[0] if rows else None))
    if d is None:
        raise NotFound("arch_dossier_not_found", ref=str(ref))
    return d


# --- payloads (audit 'after' and outbox) -------------------------------------------------------------

def plan_item_payload(p: PlanItem) -> dict[str, Any]:
    return {"id": p.uuid, "year": p.year, "indicator": p.indicator, "compartment": p.compartment,
            "title": p.title, "retention_kind": p.retention_kind, "retention_years": p.retention_years,
            "notes": p.notes, "doc_types": p.doc_types, "position": p.position, "source": p.source,
            "created_at": p.created_at, "updated_at": p.updated_at, "version": p.version}


def dossier_payload(s: Session, d: Dossier) -> dict[str, Any]:
    s.flush()
    plan_uuid = s.get(PlanItem, d.plan_item_id).uuid
    transfer_uuid = s.get(Transfer, d.transfer_id).uuid if d.transfer_id else None
    disposal_uuid = s.get(Disposal, d.disposal_id).uuid if d.disposal_id else None
    return {"id": d.uuid, "year": d.year, "plan_item": plan_uuid, "indicator": d.indicator, "volume": d.volume,
            "title": d.title, "compartment": d.compartment, "status": d.status,
            "retention_kind": d.retention_kind, "retention_years": d.retention_years, "room": d.room,
            "shelf": d.shelf, "box": d.box, "sheets": d.sheets, "sheets_counted": d.sheets_counted,
            "entry_count": d.entry_count, "date_from": d.date_from, "date_to": d.date_to, "remarks": d.remarks,
            "opened_at": d.opened_at, "opened_by": d.opened_by, "closed_at": d.closed_at, "closed_by": d.closed_by,
            "reopened_at": d.reopened_at, "reopened_by": d.reopened_by, "reopen_reason": d.reopen_reason,
            "transfer": transfer_uuid, "archived_at": d.archived_at, "disposal": disposal_uuid,
            "disposed_at": d.disposed_at, "updated_at": d.updated_at, "version": d.version}


def loan_payload(s: Session, loan: Loan) -> dict[str, Any]:
    s.flush()
    return {"id": loan.uuid, "dossier": s.get(Dossier, loan.dossier_id).uuid, "borrower": loan.borrower,
            "borrower_compartment": loan.borrower_compartment, "purpose": loan.purpose,
            "approved_by": loan.approved_by, "lent_at": loan.lent_at, "due": loan.due,
            "returned_at": loan.returned_at, "renewals": loan.renewals, "lent_by": loan.lent_by,
            "returned_by": loan.returned_by, "updated_at": loan.updated_at, "version": loan.version}


def dossier_change(s: Session, actor: Actor, ts: str, action: str, d: Dossier,
                   before: dict[str, Any] | None, bump: bool = True) -> dict[str, Any]:
    if bump:
        d.version += 1
        d.updated_at = ts
    after = dossier_payload(s, d)
    record_change(s, actor, ts, action, "dossier", d.uuid, d.version, before, after)
    return after


# --- views ----------------------------------------------------------------------------------------

def plan_item_view(p: PlanItem, dossiers: int = 0) -> PlanItemView:
    return PlanItemView(p.id, p.uuid, p.year, p.indicator, p.compartment, p.title,
                        retention_label(p.retention_kind, p.retention_years), p.retention_kind, p.retention_years,
                        p.notes, tuple(x for x in p.doc_types.split(",") if x), p.source, p.version, dossiers)


def location_text(room: str, shelf: str, box: str) -> str:
    return " / ".join(x for x in (room, shelf, box) if x)


def loan_view(loan: Loan, d: Dossier, today: date) -> LoanView:
    overdue = loan.returned_at is None and loan.due < today.isoformat()
    days = (today - date.fromisoformat(loan.due)).days if overdue else 0
    return LoanView(loan.id, loan.uuid, d.uuid, dossier_ref(d), d.indicator, d.title, d.year, loan.borrower,
                    loan.borrower_compartment, loan.purpose, loan.approved_by, loan.lent_at, loan.due,
                    loan.returned_at, loan.renewals, loan.lent_by, overdue, days)


def dossier_views(s: Session, dossiers: list[Dossier], settings: ArchiveSettings, today: date) -> list[DossierView]:
    """Views of many dossiers with a handful of queries (the archive search lists thousands)."""
    def uuids(model, ids: set[int]) -> dict[int, str]:  # noqa: ANN001
        out: dict[int, str] = {}
        ids_list = sorted(i for i in ids if i)
        for k in range(0, len(ids_list), 500):
            out.update(dict(s.execute(select(model.id, model.uuid).where(model.id.in_(ids_list[k:k + 500]))).all()))
        return out
    plans = uuids(PlanItem, {d.plan_item_id for d in dossiers})
    transfers = uuids(Transfer, {d.transfer_id for d in dossiers if d.transfer_id})
    disposals = uuids(Disposal, {d.disposal_id for d in dossiers if d.disposal_id})
    lent = {d.id: d for d in dossiers if d.status == "lent"}
    loans: dict[int, LoanView] = {}
    if lent:
        for row in s.execute(select(Loan).where(Loan.returned_at.is_(None), Loan.dossier_id.in_(list(lent)))
                             .order_by(Loan.id)).scalars():
            loans[row.dossier_id] = loan_view(row, lent[row.dossier_id], today)
    return [_view(d, plans[d.plan_item_id], transfers.get(d.transfer_id) if d.transfer_id else None,
                  disposals.get(d.disposal_id) if d.disposal_id else None, loans.get(d.id), settings)
            for d in dossiers]


def dossier_view(s: Session, d: Dossier, settings: ArchiveSettings, today: date,
                 with_loan: bool = True) -> DossierView:
    plan_uuid = s.get(PlanItem, d.plan_item_id).uuid
    transfer_uuid = s.get(Transfer, d.transfer_id).uuid if d.transfer_id else None
    disposal_uuid = s.get(Disposal, d.disposal_id).uuid if d.disposal_id else None
    loan = None
    if with_loan and d.status == "lent":
        row = s.execute(select(Loan).where(Loan.dossier_id == d.id, Loan.returned_at.is_(None))
                        .order_by(Loan.id.desc())).scalar()
        if row is not None:
            loan = loan_view(row, d, today)
    return _view(d, plan_uuid, transfer_uuid, disposal_uuid, loan, settings)


def _view(d: Dossier, plan_uuid: str, transfer_uuid: str | None, disposal_uuid: str | None, loan: LoanView | None,
          settings: ArchiveSettings) -> DossierView:
    sheets = d.sheets_counted if d.sheets_counted is not None else d.sheets
    return DossierView(
        d.id, d.uuid, dossier_ref(d), d.year, plan_uuid, d.indicator, d.volume, d.title, d.compartment, d.status,
        retention_label(d.retention_kind, d.retention_years), d.retention_kind, d.retention_years, d.room, d.shelf,
        d.box, location_text(d.room, d.shelf, d.box), sheets, d.sheets, d.sheets_counted, d.entry_count,
        d.date_from, d.date_to, d.remarks, d.opened_at, d.opened_by, d.closed_at, d.closed_by, d.reopened_at,
        d.reopen_reason, transfer_uuid, d.archived_at, disposal_uuid, d.disposed_at,
        expires_year(d.year, d.retention_kind, d.retention_years, settings), d.version, loan)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, default=str)


class Base:
    """A sub-service of the archive: the database and a few helpers."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def settings(self) -> ArchiveSettings:
        with self.db.read() as s:
            return load_settings(s)
