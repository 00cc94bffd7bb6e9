"""Compartments, registers and document types (the local nomenclator).

The default document types ship as data (`local_db/data/doc_types.json`) with their legal basis; the
county replaces or extends them over sync (`apply_county_doc_type`), and an admin may add local ones.
"""
from __future__ import annotations

import json
import uuid as uuidlib
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import roles
from .audit import Actor, record_change
from .database import Database
from .errors import ValidationError
from .models import DAY_KINDS, Compartment, DocType, Register
from .records import compartment_payload, doc_type_payload, register_payload
from .text import clean_text
from .views import DocTypeView, NamedCode


def default_data() -> dict[str, Any]:
    return json.loads(resources.files("local_db").joinpath("data/doc_types.json").read_text("utf-8"))


def _code(value: str, field: str = "code") -> str:
    v = (value or "").strip().upper()
    if not v or len(v) > 40 or not all(c.isalnum() or c in "-_." for c in v):
        raise ValidationError("bad_choice", field=field, value=value, allowed="A-Z 0-9 - _ .")
    return v


def doc_type_view(d: DocType) -> DocTypeView:
    return DocTypeView(d.code, d.name, d.direction, d.regime, d.deadline_days, d.day_kind, d.roll_to_working_day,
                       d.extension_days, d.legal_basis, d.source, d.active)


class Nomenclator:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- document types -------------------------------------------------------------------------

    def doc_types(self, active_only: bool = True) -> list[DocTypeView]:
        with self.db.read() as s:
            q = select(DocType).order_by(DocType.name)
            if active_only:
                q = q.where(DocType.active.is_(True))
            return [doc_type_view(d) for d in s.execute(q).scalars()]

    def save_doc_type(self, actor: Actor, data: dict[str, Any], source: str = "local") -> DocTypeView:
        roles.require(actor.role, "manage_nomenclator")
        with self.db.write() as s:
            return doc_type_view(self.upsert_doc_type(s, actor, data, source))

    def upsert_doc_type(self, s: Session, actor: Actor, data: dict[str, Any], source: str) -> DocType:
        """Create or update a document type by code, in the caller's transaction."""
        code = _code(data.get("code", ""))
        name = clean_text(data.get("name", ""))
        if not name:
            raise ValidationError("required", field="name")
        days = data.get("deadline_days")
        if days is not None and (not isinstance(days, int) or days < 0 or days > 3650):
            raise ValidationError("not_a_number", field="days")
        day_kind = data.get("day_kind", "calendar")
        if day_kind not in DAY_KINDS:
            raise ValidationError("bad_choice", field="kind", value=day_kind, allowed=", ".join(DAY_KINDS))
        d = s.execute(select(DocType).where(DocType.code == code)).scalar()
        before = doc_type_payload(d) if d else None
        if d is None:
            d = DocType(uuid=data.get("id") or str(uuidlib.uuid4()), code=code, version=0)
            s.add(d)
        d.name = name[:200]
        d.direction = data.get("direction")
        d.regime = data.get("regime") or "general"
        d.deadline_days = days
        d.day_kind = day_kind
        d.roll_to_working_day = bool(data.get("roll_to_working_day", False))
        d.extension_days = int(data.get("extension_days") or 0)
        d.legal_basis = clean_text(data.get("legal_basis", ""))
        d.active = bool(data.get("active", True))
        d.source = source
        d.version = (d.version or 0) + 1
        s.flush()
        # County types come down from the hub and are not pushed back; local/default ones replicate.
        record_change(s, actor, self.db.now_iso(), "doc_type_save", "doc_type", d.uuid, d.version, before,
                      doc_type_payload(d), replicate=source != "county")
        return d

    # --- compartments and registers -------------------------------------------------------------

    def compartments(self, active_only: bool = True) -> list[NamedCode]:
        with self.db.read() as s:
            q = select(Compartment).order_by(Compartment.name)
            if active_only:
                q = q.where(Compartment.active.is_(True))
            return [NamedCode(c.code, c.name, c.active) for c in s.execute(q).scalars()]

    def add_compartment(self, actor: Actor, code: str, name: str) -> NamedCode:
        roles.require(actor.role, "manage_nomenclator")
        with self.db.write() as s:
            c = self.insert_compartment(s, actor, code, name)
            return NamedCode(c.code, c.name, c.active)

    def insert_compartment(self, s: Session, actor: Actor, code: str, name: str) -> Compartment:
        code = _code(code)
        name = clean_text(name)
        if not name:
            raise ValidationError("required", field="name")
        if s.execute(select(Compartment.id).where(Compartment.code == code)).scalar():
            raise ValidationError("duplicate", field="code", value=code)
        c = Compartment(uuid=str(uuidlib.uuid4()), code=code, name=name[:120], active=True, version=1)
        s.add(c)
        s.flush()
        record_change(s, actor, self.db.now_iso(), "compartment_add", "compartment", c.uuid, 1, None,
                      compartment_payload(c))
        return c

    def registers(self) -> list[NamedCode]:
        with self.db.read() as s:
            return [NamedCode(r.code, r.name, r.active) for r in
                    s.execute(select(Register).order_by(Register.id)).scalars()]

    def add_register(self, actor: Actor, code: str, name: str, kind: str = "compartment") -> NamedCode:
        roles.require(actor.role, "manage_nomenclator")
        with self.db.write() as s:
            r = self.insert_register(s, actor, code, name, kind)
            return NamedCode(r.code, r.name, r.active)

    def insert_register(self, s: Session, actor: Actor, code: str, name: str, kind: str) -> Register:
        code = _code(code)
        if s.execute(select(Register.id).where(Register.code == code)).scalar():
            raise ValidationError("duplicate", field="code", value=code)
        r = Register(uuid=str(uuidlib.uuid4()), code=code, name=clean_text(name)[:120] or code, kind=kind,
                     active=True, version=1)
        s.add(r)
        s.flush()
        record_change(s, actor, self.db.now_iso(), "register_add", "register", r.uuid, 1, None, register_payload(r))
        return r
