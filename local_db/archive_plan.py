"""The filing plan (nomenclator arhivistic) of each year: items with indicator, compartment, title and
retention; copying last year's plan into the next; importing a county template (CSV/JSON, the shape of
the hub's `plan_templates` publication: {code, name, items: [{indicator, compartment, title,
retention_years|null, notes}]}).

Validation: an indicator is unique within its year; retention is required and is P (permanent), CS
(the selection committee decides, optionally after N years) or one of the legal periods in years.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import roles
from .archive_common import (
    Base, compartment_code, find_plan_item, indicator_value, parse_retention, plan_item_payload, plan_item_view,
    text_field, new_uuid,
)
from .archive_views import PlanImportReport, PlanItemInput, PlanItemView
from .audit import Actor, record_change
from .errors import StateError, ValidationError
from .models import DocType
from .models_archive import Dossier, PlanItem

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
MAX_TEMPLATE_ITEMS = 5000


def _roman(text: str) -> int | None:
    if not text or any(c not in _ROMAN for c in text) or not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})"
                                                                         r"(IX|IV|V?I{0,3})", text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = _ROMAN[c]
        total += -v if i + 1 < len(text) and _ROMAN[text[i + 1]] > v else v
    return total


def indicator_key(indicator: str) -> tuple:
    """Natural order: I.A.2 < I.A.10 < II.A.1 (a leading Roman numeral counts as a number)."""
    key: list[tuple[int, int, str]] = []
    for i, part in enumerate(re.split(r"[./\-]", indicator)):
        if part.isdigit():
            key.append((0, int(part), ""))
        elif i == 0 and _roman(part) is not None:
            key.append((0, _roman(part) or 0, ""))
        else:
            key.append((1, 0, part))
    return tuple(key)


def _doc_types(s: Session, values: Iterable[str] | str | None) -> str:
    if isinstance(values, str):
        values = [v for v in re.split(r"[,;\s]+", values) if v]
    codes = []
    known = {c for c, in s.execute(select(DocType.code)).all()}
    for v in values or ():
        code = str(v).strip().upper()
        if not code:
            continue
        if code not in known:
            raise ValidationError("unknown_doc_type", field="doc_type", value=code)
        if code not in codes:
            codes.append(code)
    text = ",".join(codes)
    if len(text) > 400:
        raise ValidationError("too_long", field="doc_type", max=400)
    return text


class Plan(Base):
    # --- reading ---------------------------------------------------------------------------------

    def items(self, year: int) -> list[PlanItemView]:
        with self.db.read() as s:
            counts = dict(s.execute(select(Dossier.plan_item_id, func.count()).group_by(Dossier.plan_item_id)).all())
            rows = s.execute(select(PlanItem).where(PlanItem.year == year)).scalars().all()
            rows.sort(key=lambda p: indicator_key(p.indicator))
            return [plan_item_view(p, counts.get(p.id, 0)) for p in rows]

    def years(self) -> list[int]:
        with self.db.read() as s:
            return [y for y, in s.execute(select(PlanItem.year).distinct().order_by(PlanItem.year.desc())).all()]

    def get(self, ref: str | int, year: int | None = None) -> PlanItemView:
        with self.db.read() as s:
            p = find_plan_item(s, ref, year)
            n = s.execute(select(func.count()).select_from(Dossier).where(Dossier.plan_item_id == p.id)).scalar_one()
            return plan_item_view(p, n)

    # --- validation ------------------------------------------------------------------------------

    @staticmethod
    def _year(year: Any) -> int:
        try:
            y = int(year)
        except (TypeError, ValueError):
            raise ValidationError("arch_bad_year", field="year", value=year) from None
        if not 1900 <= y <= 2200:
            raise ValidationError("arch_bad_year", field="year", value=year)
        return y

    def _clean(self, s: Session, item: PlanItemInput) -> dict[str, Any]:
        kind, years = parse_retention(item.retention)
        return {"indicator": indicator_value(item.indicator),
                "title": text_field(item.title, "title", required=True),
                "retention_kind": kind, "retention_years": years,
                "compartment": compartment_code(s, item.compartment),
                "notes": text_field(item.notes, "notes"),
                "doc_types": _doc_types(s, item.doc_types)}

    # --- changes ---------------------------------------------------------------------------------

    def _insert(self, s: Session, actor: Actor, year: int, data: dict[str, Any], source: str, ts: str,
                action: str = "plan_add") -> PlanItem:
        exists = s.execute(select(PlanItem.id).where(PlanItem.year == year,
                                                     PlanItem.indicator == data["indicator"])).scalar()
        if exists:
            raise ValidationError("arch_duplicate_indicator", field="indicator", value=data["indicator"], year=year)
        pos = s.execute(select(func.coalesce(func.max(PlanItem.position), 0)).where(PlanItem.year == year)).scalar_one()
        p = PlanItem(uuid=new_uuid(), year=year, position=pos + 1, source=source, created_at=ts, updated_at=ts,
                     version=1, **data)
        s.add(p)
        s.flush()
        record_change(s, actor, ts, action, "plan_item", p.uuid, 1, None, plan_item_payload(p))
        return p

    def add(self, actor: Actor, year: int, item: PlanItemInput) -> PlanItemView:
        roles.require(actor.role, "archive")
        year = self._year(year)
        with self.db.write() as s:
            data = self._clean(s, item)
            return plan_item_view(self._insert(s, actor, year, data, "local", self.db.now_iso()))

    def edit(self, actor: Actor, ref: str | int, year: int | None = None, *, indicator: str | None = None,
             title: str | None = None, retention: Any = None, compartment: str | None = None,
             notes: str | None = None, doc_types: Iterable[str] | str | None = None) -> PlanItemView:
        """Change a plan item. Dossiers already opened keep the indicator, title and retention they were
        opened with (they are records of their own); a new indicator must stay unique in the year."""
        roles.require(actor.role, "archive")
        with self.db.write() as s:
            p = find_plan_item(s, ref, year)
            before = plan_item_payload(p)
            if indicator is not None:
                ind = indicator_value(indicator)
                if ind != p.indicator:
                    clash = s.execute(select(PlanItem.id).where(PlanItem.year == p.year, PlanItem.indicator == ind,
                                                                PlanItem.id != p.id)).scalar()
                    if clash:
                        raise ValidationError("arch_duplicate_indicator", field="indicator", value=ind, year=p.year)
                    used = s.execute(select(func.count()).select_from(Dossier)
                                     .where(Dossier.plan_item_id == p.id)).scalar_one()
                    if used:
                        raise StateError("arch_plan_item_in_use", field="indicator", indicator=p.indicator, count=used)
                    p.indicator = ind
            if title is not None:
                p.title = text_field(title, "title", required=True)
            if retention is not None:
                p.retention_kind, p.retention_years = parse_retention(retention)
            if compartment is not None:
                p.compartment = compartment_code(s, compartment)
            if notes is not None:
                p.notes = text_field(notes, "notes")
            if doc_types is not None:
                p.doc_types = _doc_types(s, doc_types)
            if plan_item_payload(p) == before:
                return plan_item_view(p)
            ts = self.db.now_iso()
            p.updated_at, p.version = ts, p.version + 1
            record_change(s, actor, ts, "plan_edit", "plan_item", p.uuid, p.version, before, plan_item_payload(p))
            return plan_item_view(p)

    def remove(self, actor: Actor, ref: str | int, year: int | None = None) -> None:
        """Delete a plan item no dossier was opened from (a typing mistake)."""
        roles.require(actor.role, "archive")
        with self.db.write() as s:
            p = find_plan_item(s, ref, year)
            used = s.execute(select(func.count()).select_from(Dossier).where(Dossier.plan_item_id == p.id)).scalar_one()
            if used:
                raise StateError("arch_plan_item_in_use", field="indicator", indicator=p.indicator, count=used)
            before = plan_item_payload(p)
            s.delete(p)
            record_change(s, actor, self.db.now_iso(), "plan_remove", "plan_item", before["id"],
                          before["version"] + 1, before, None)

    def _merge(self, s: Session, actor: Actor, year: int, items: list[dict[str, Any]], source: str,
               action: str) -> PlanImportReport:
        """Add the items whose indicator the year lacks; report identical and conflicting ones."""
        ts = self.db.now_iso()
        existing = {p.indicator: p for p in s.execute(select(PlanItem).where(PlanItem.year == year)).scalars()}
        rep = PlanImportReport(year=year, template=source)
        for data in items:
            old = existing.get(data["indicator"])
            if old is None:
                existing[data["indicator"]] = self._insert(s, actor, year, data, source, ts, action)
                rep.added.append(data["indicator"])
            elif all(getattr(old, k) == v for k, v in data.items() if k != "doc_types"):
                rep.unchanged.append(data["indicator"])
            else:
                rep.conflicts.append(data["indicator"])
        return rep

    def copy(self, actor: Actor, from_year: int, to_year: int) -> PlanImportReport:
        """Copy the plan of `from_year` into `to_year` (items the new year already has are left alone)."""
        roles.require(actor.role, "archive")
        from_year, to_year = self._year(from_year), self._year(to_year)
        if from_year == to_year:
            raise ValidationError("arch_copy_same_year", field="year", year=to_year)
        with self.db.write() as s:
            src = s.execute(select(PlanItem).where(PlanItem.year == from_year)).scalars().all()
            if not src:
                raise StateError("arch_plan_empty", field="year", year=from_year)
            src.sort(key=lambda p: indicator_key(p.indicator))
            items = [{"indicator": p.indicator, "title": p.title, "retention_kind": p.retention_kind,
                      "retention_years": p.retention_years, "compartment": p.compartment, "notes": p.notes,
                      "doc_types": p.doc_types} for p in src]
            return self._merge(s, actor, to_year, items, f"copy:{from_year}", "plan_copy")

    # --- county templates ------------------------------------------------------------------------

    @staticmethod
    def read_templates(path: str | Path | None = None, data: bytes | str | None = None,
                       filename: str = "") -> list[dict[str, Any]]:
        """Templates from a .json file (one template, a list of them, or {"items": [templates]}) or a
        .csv file (the hub's columns: code, name, indicator, compartment, title, retention_years, notes;
        ',' or ';'). Returns [{code, name, items: [...]}]."""
        if path is not None:
            try:
                raw = Path(path).read_bytes()
            except OSError:
                raise ValidationError("file_missing", field="file", path=str(path)) from None
            filename = filename or str(path)
        else:
            raw = data.encode("utf-8") if isinstance(data, str) else (data or b"")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("arch_template_encoding", field="file") from None
        if filename.lower().endswith(".json") or text.lstrip()[:1] in ("[", "{"):
            try:
                obj = json.loads(text)
            except ValueError as exc:
                raise ValidationError("arch_template_invalid", field="file", item=0, detail=str(exc)[:120]) from None
            if isinstance(obj, dict) and "items" in obj and obj.get("items") and isinstance(obj["items"], list) \
                    and isinstance(obj["items"][0], dict) and "items" in obj["items"][0]:
                obj = obj["items"]
            templates = obj if isinstance(obj, list) else [obj]
            if not all(isinstance(t, dict) for t in templates):
                raise ValidationError("arch_template_invalid", field="file", item=0, detail="not an object")
            return templates
        delimiter = ";" if text[:4096].count(";") > text[:4096].count(",") else ","
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        if not reader.fieldnames or "indicator" not in [f.strip() for f in reader.fieldnames]:
            raise ValidationError("csv_no_header", field="file", column="indicator")
        templates: dict[str, dict[str, Any]] = {}
        for row in reader:
            r = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
            tpl = templates.setdefault(r.get("code", ""), {"code": r.get("code", ""), "name": r.get("name", ""),
                                                           "items": []})
            if r.get("indicator") or r.get("title"):
                ret = r.get("retention_years", "")
                tpl["items"].append({"indicator": r.get("indicator", ""), "compartment": r.get("compartment", ""),
                                     "title": r.get("title", ""), "retention_years": ret if ret else "",
                                     "notes": r.get("notes", ""), "doc_types": r.get("doc_types", "")})
        return list(templates.values())

    def import_template(self, actor: Actor, year: int, path: str | Path | None = None,
                        data: bytes | str | None = None, template: str | None = None,
                        templates: list[dict[str, Any]] | None = None,
                        dry_run: bool = False) -> PlanImportReport:
        """Import a county template into the plan of `year`. Every item is checked first; one bad item
        refuses the whole file (nothing is written). In a template, `retention_years: null` means
        permanent (the hub's convention); "P" and "CS" are accepted too."""
        roles.require(actor.role, "archive")
        year = self._year(year)
        if templates is None:
            templates = self.read_templates(path, data)
        if template:
            chosen = [t for t in templates if str(t.get("code", "")) == template]
            if not chosen:
                raise ValidationError("arch_template_not_found", field="file", code=template,
                                      codes=", ".join(str(t.get("code", "")) for t in templates))
        elif len(templates) > 1:
            raise ValidationError("arch_template_choose", field="file",
                                  codes=", ".join(str(t.get("code", "")) for t in templates))
        else:
            chosen = templates
        tpl = chosen[0]
        raw_items = tpl.get("items") or []
        if not isinstance(raw_items, list) or not raw_items:
            raise ValidationError("arch_template_empty", field="file", code=tpl.get("code", ""))
        if len(raw_items) > MAX_TEMPLATE_ITEMS:
            raise ValidationError("arch_template_invalid", field="file", item=len(raw_items), detail="too many items")
        try:
            return self._import_items(actor, year, tpl, raw_items, dry_run)
        except _DryRun as done:
            return done.report

    def _import_items(self, actor: Actor, year: int, tpl: dict[str, Any], raw_items: list[Any],
                      dry_run: bool) -> PlanImportReport:
        with self.db.write() as s:
            items: list[dict[str, Any]] = []
            seen: set[str] = set()
            for n, it in enumerate(raw_items, start=1):
                if not isinstance(it, dict):
                    raise ValidationError("arch_template_invalid", field="file", item=n, detail="not an object")
                ret = it.get("retention_years", it.get("retention"))
                if ret is None and ("retention_years" in it or "retention" in it):
                    ret = "P"  # the hub's convention: null = permanent
                try:
                    data_ = self._clean(s, PlanItemInput(indicator=it.get("indicator", ""), title=it.get("title", ""),
                                                         retention=ret, compartment=it.get("compartment", "") or "",
                                                         notes=it.get("notes", "") or "",
                                                         doc_types=it.get("doc_types", "") or ()))
                except ValidationError as exc:
                    raise ValidationError("arch_template_invalid", field="file", item=n,
                                          detail=exc.message()) from None
                if data_["indicator"] in seen:
                    raise ValidationError("arch_template_invalid", field="file", item=n,
                                          detail=f"{data_['indicator']}: duplicate")
                seen.add(data_["indicator"])
                items.append(data_)
            rep = self._merge(s, actor, year, items, f"template:{tpl.get('code', '')}"[:60], "plan_import")
            if dry_run:
                raise _DryRun(rep)  # rolls the transaction back
            return rep


class _DryRun(Exception):
    def __init__(self, report: PlanImportReport) -> None:
        super().__init__("dry run")
        self.report = report
