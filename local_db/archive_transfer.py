"""Transfer to the archive: closed dossiers of a year and compartment are handed over with an inventory
(separate inventories for permanent and temporary dossiers), the handover is recorded, the dossiers get
their archive location and status 'archived', and a line goes into the register of the archive's
entries and exits.

When: "in the second year" after the dossiers were made — year N + `transfer_year_offset` (1 or 2,
configurable; 2 by default). A year still running cannot be handed over; before the due year it may be
(the due year only marks what is late in `due()`).
"""
from __future__ import annotations

import json
from typing import Any, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from . import roles
from .archive_common import (
    Base, compartment_names, dossier_change, dossier_payload, dossier_ref, dossier_views, find_dossier,
    load_settings, new_uuid, parse_date, retention_label, text_field,
)
from .archive_views import (
    ArchiveRegisterRowView, Inventory, InventoryLine, TransferDue, TransferView,
)
from .archive_messages import status_label
from .audit import Actor, record_change
from .errors import NotFound, StateError, ValidationError
from .messages import tr
from .models_archive import ArchiveRegisterRow, Disposal, Dossier, Transfer


def _sort_key(d: Dossier) -> tuple:
    from .archive_plan import indicator_key
    return (indicator_key(d.indicator), d.volume)


def inventory_lines(dossiers: list[Dossier]) -> list[InventoryLine]:
    out = []
    for n, d in enumerate(sorted(dossiers, key=_sort_key), start=1):
        sheets = d.sheets_counted if d.sheets_counted is not None else d.sheets
        out.append(InventoryLine(n, d.uuid, d.indicator, d.volume, d.title + (f" (vol. {d.volume})" if d.volume > 1
                                                                              else ""),
                                 d.date_from, d.date_to, sheets, retention_label(d.retention_kind, d.retention_years),
                                 d.remarks))
    return out


def inventory_from_json(obj: dict[str, Any]) -> Inventory:
    lines = [InventoryLine(**x) for x in obj.get("lines", [])]
    return Inventory(obj["year"], obj["compartment"], obj.get("compartment_name", ""), obj["permanent"], lines,
                     obj["total_dossiers"], obj["total_sheets"], list(obj.get("missing", [])))


def inventory_to_json(inv: Inventory) -> dict[str, Any]:
    from dataclasses import asdict
    return asdict(inv)


def register_row_view(s: Session, r: ArchiveRegisterRow) -> ArchiveRegisterRowView:
    t = s.get(Transfer, r.transfer_id).uuid if r.transfer_id else None
    dp = s.get(Disposal, r.disposal_id).uuid if r.disposal_id else None
    return ArchiveRegisterRowView(r.number, r.kind, r.day, r.compartment, r.date_from, r.date_to, r.inventory,
                                  r.units, r.units_permanent, r.destination, r.document, t, dp)


def register_row_payload(r: ArchiveRegisterRow) -> dict[str, Any]:
    return {"number": r.number, "kind": r.kind, "day": r.day, "compartment": r.compartment,
            "date_from": r.date_from, "date_to": r.date_to, "inventory": r.inventory, "units": r.units,
            "units_permanent": r.units_permanent, "destination": r.destination, "document": r.document,
            "created_at": r.created_at, "created_by": r.created_by}


def add_register_row(s: Session, actor: Actor, ts: str, **values: Any) -> ArchiveRegisterRow:
    number = (s.execute(select(func.max(ArchiveRegisterRow.number))).scalar() or 0) + 1
    row = ArchiveRegisterRow(number=number, created_at=ts, created_by=actor.username, **values)
    s.add(row)
    s.flush()
    return row


class Transfers(Base):
    # --- what waits --------------------------------------------------------------------------------

    def candidates(self, year: int, compartment: str | None = None) -> list:
        """Closed dossiers of `year` (and compartment) not yet handed over, in inventory order."""
        with self.db.read() as s:
            q = select(Dossier).where(Dossier.year == int(year), Dossier.status == "closed",
                                      Dossier.transfer_id.is_(None))
            if compartment is not None:
                q = q.where(Dossier.compartment == compartment)
            return dossier_views(s, sorted(s.execute(q).scalars(), key=_sort_key), load_settings(s), self.db.today())

    def due(self) -> list[TransferDue]:
        """Per year and compartment, closed dossiers still outside the archive; overdue once the year
        N + offset is over."""
        with self.db.read() as s:
            settings = load_settings(s)
            today = self.db.today()
            rows = s.execute(select(Dossier.year, Dossier.compartment, func.count())
                             .where(Dossier.status == "closed", Dossier.transfer_id.is_(None))
                             .group_by(Dossier.year, Dossier.compartment)
                             .order_by(Dossier.year, Dossier.compartment)).all()
            return [TransferDue(y, c, n, y + settings.transfer_year_offset, today.year > y + settings.transfer_year_offset)
                    for y, c, n in rows]

    # --- inventories -------------------------------------------------------------------------------

    def _select(self, s: Session, year: int, compartment: str, dossiers: Sequence[str | int] | None) -> list[Dossier]:
        if dossiers:
            chosen = []
            for ref in dossiers:
                d = find_dossier(s, ref, year)
                if d.year != year or d.compartment != compartment:
                    raise ValidationError("arch_transfer_mismatch", field="dossier", ref=dossier_ref(d), year=year,
                                          compartment=compartment or "-")
                if d.transfer_id is not None or d.status != "closed":
                    raise StateError("arch_transfer_not_closed", field="dossier", ref=dossier_ref(d), status=status_label(d.status))
                if d not in chosen:
                    chosen.append(d)
            return chosen
        return list(s.execute(select(Dossier).where(Dossier.year == year, Dossier.compartment == compartment,
                                                    Dossier.status == "closed",
                                                    Dossier.transfer_id.is_(None))).scalars())

    def _inventories(self, s: Session, year: int, compartment: str, chosen: list[Dossier]) -> list[Inventory]:
        names = compartment_names(s)
        chosen_ids = {d.id for d in chosen}
        others = s.execute(select(Dossier).where(Dossier.year == year, Dossier.compartment == compartment,
                                                 Dossier.transfer_id.is_(None),
                                                 Dossier.status.in_(("open", "closed", "lent")))).scalars().all()
        out = []
        for permanent in (True, False):
            group = [d for d in chosen if (d.retention_kind == "permanent") == permanent]
            if not group:
                continue
            missing = [f"{dossier_ref(d)} — {d.title}" for d in sorted(others, key=_sort_key)
                       if d.id not in chosen_ids and (d.retention_kind == "permanent") == permanent]
            lines = inventory_lines(group)
            out.append(Inventory(year, compartment, names.get(compartment, compartment), permanent, lines,
                                 len(lines), sum(x.sheets for x in lines), missing))
        return out

    def inventory(self, year: int, compartment: str, dossiers: Sequence[str | int] | None = None) -> list[Inventory]:
        """The inventories that a transfer of these dossiers (default: every closed one of the year and
        compartment) would hand over: permanent first, then temporary. Nothing is written."""
        with self.db.read() as s:
            chosen = self._select(s, int(year), compartment, dossiers)
            return self._inventories(s, int(year), compartment, chosen)

    # --- the handover ------------------------------------------------------------------------------

    def record(self, actor: Actor, year: int, compartment: str, handed_by: str, received_by: str,
               dossiers: Sequence[str | int] | None = None, on: Any = None, room: str = "", shelf: str = "",
               box: str = "", locations: dict[str, tuple[str, str, str]] | None = None,
               remarks: str = "") -> TransferView:
        """Record the handover: the dossiers become 'archived' with a location in the archive (the one
        given, for those that have none yet; `locations` per dossier uuid/ref wins), the inventories are
        kept with the transfer and the register of the archive gets an entry line."""
        roles.require(actor.role, "archive")
        handed = text_field(handed_by, "handed_by", "name", required=True)
        received = text_field(received_by, "received_by", "name", required=True)
        remarks = text_field(remarks, "remarks")
        year = int(year)
        with self.db.write() as s:
            today = self.db.today()
            day = parse_date(on, "date") if on else today
            if day > today:
                raise ValidationError("arch_date_in_future", field="date", value=day.isoformat())
            if year >= day.year:
                raise StateError("arch_transfer_too_early", field="year", year=year)
            chosen = self._select(s, year, compartment, dossiers)
            if not chosen:
                raise StateError("arch_transfer_nothing", field="dossier", year=year, compartment=compartment or "-")
            ts = self.db.now_iso()
            inventories = self._inventories(s, year, compartment, chosen)
            per = {}
            for key, loc in (locations or {}).items():
                per[find_dossier(s, key, year).id] = tuple(text_field(x, "room", "location") for x in loc)
            default = tuple(text_field(x, "room", "location") for x in (room, shelf, box))
            number = (s.execute(select(func.max(Transfer.number))).scalar() or 0) + 1
            n_perm = sum(1 for d in chosen if d.retention_kind == "permanent")
            sheets = sum(inv.total_sheets for inv in inventories)
            t = Transfer(uuid=new_uuid(), number=number, year=year, compartment=compartment,
                         transfer_date=day.isoformat(), handed_by=handed, received_by=received, dossiers=len(chosen),
                         dossiers_permanent=n_perm, sheets=sheets,
                         inventory=json.dumps([inventory_to_json(i) for i in inventories], ensure_ascii=False),
                         remarks=remarks, created_at=ts, created_by=actor.username, version=1)
            s.add(t)
            s.flush()
            for d in chosen:
                before = dossier_payload(s, d)
                loc = per.get(d.id)
                if loc is not None:
                    d.room, d.shelf, d.box = loc
                elif not (d.room or d.shelf or d.box):
                    d.room, d.shelf, d.box = default
                if not (d.room or d.shelf or d.box):
                    raise ValidationError("arch_location_required", field="room", ref=dossier_ref(d))
                d.status, d.transfer_id, d.archived_at = "archived", t.id, day.isoformat()
                dossier_change(s, actor, ts, "transfer", d, before)
            firsts = [d.date_from for d in chosen if d.date_from]
            lasts = [d.date_to for d in chosen if d.date_to]
            row = add_register_row(
                s, actor, ts, kind="in", day=day.isoformat(), compartment=compartment,
                date_from=min(firsts) if firsts else None, date_to=max(lasts) if lasts else None,
                inventory=tr("arch.register_inventory", "ro", number=number, date=day.strftime("%d.%m.%Y"), year=year), units=len(chosen),
                units_permanent=n_perm, destination="", document="", transfer_id=t.id)
            record_change(s, actor, ts, "transfer", "transfer", t.uuid, 1, None, self._payload(s, t, row))
            return self._view(s, t)

    # --- reading -----------------------------------------------------------------------------------

    def _payload(self, s: Session, t: Transfer, row: ArchiveRegisterRow | None) -> dict[str, Any]:
        ds = [u for u, in s.execute(select(Dossier.uuid).where(Dossier.transfer_id == t.id).order_by(Dossier.id))]
        return {"id": t.uuid, "number": t.number, "year": t.year, "compartment": t.compartment,
                "transfer_date": t.transfer_date, "handed_by": t.handed_by, "received_by": t.received_by,
                "dossiers": ds, "dossier_count": t.dossiers, "dossiers_permanent": t.dossiers_permanent,
                "sheets": t.sheets, "inventory": json.loads(t.inventory or "[]"), "remarks": t.remarks,
                "register": register_row_payload(row) if row else None, "created_at": t.created_at,
                "created_by": t.created_by, "version": t.version}

    def _view(self, s: Session, t: Transfer) -> TransferView:
        row = s.execute(select(ArchiveRegisterRow).where(ArchiveRegisterRow.transfer_id == t.id)).scalar()
        names = compartment_names(s)
        return TransferView(t.id, t.uuid, t.number, t.year, t.compartment, names.get(t.compartment, t.compartment),
                            t.transfer_date, t.handed_by, t.received_by, t.dossiers, t.dossiers_permanent, t.sheets,
                            t.remarks, t.created_at, t.created_by,
                            [inventory_from_json(x) for x in json.loads(t.inventory or "[]")],
                            register_row_view(s, row) if row else None)

    def list(self, year: int | None = None) -> list[TransferView]:
        with self.db.read() as s:
            q = select(Transfer).order_by(Transfer.number.desc())
            if year is not None:
                q = q.where(Transfer.year == int(year))
            return [self._view(s, t) for t in s.execute(q).scalars()]

    def get(self, ref: str | int) -> TransferView:
        with self.db.read() as s:
            t = None
            if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
                t = s.execute(select(Transfer).where(Transfer.number == int(ref))).scalar()
            else:
                t = s.execute(select(Transfer).where(Transfer.uuid == str(ref).strip())).scalar()
            if t is None:
                raise NotFound("arch_transfer_not_found", ref=str(ref))
            return self._view(s, t)

    def register(self, year: int | None = None) -> list[ArchiveRegisterRowView]:
        """The register of the archive's entries and exits (in number order)."""
        with self.db.read() as s:
            q = select(ArchiveRegisterRow).order_by(ArchiveRegisterRow.number)
            if year is not None:
                q = q.where(ArchiveRegisterRow.day.like(f"{int(year)}-%"))
            return [register_row_view(s, r) for r in s.execute(q).scalars()]
