"""The archive of the town hall (DOMAIN.md "The archive"; DESIGN.md §3), reached as `reg.archive`:

    arch = reg.archive
    arch.plan.add(actor, 2026, PlanItemInput("I.A.1", "Registrul general", "10", compartment="REG"))
    arch.plan.copy(actor, 2026, 2027)                       # last year's plan into the next
    arch.plan.import_template(actor, 2027, path="plan-judet.json")
    d = arch.dossiers.open(actor, 2026, "I.A.1")            # from a plan item
    arch.dossiers.file(actor, d.ref, ["12/2026", "13/2026"])
    arch.dossiers.suggest("14/2026")                        # from document type and compartment
    arch.dossiers.closing_report(2026); arch.dossiers.close_year(actor, 2026)
    arch.transfers.inventory(2026, "REG"); arch.transfers.record(actor, 2026, "REG", "Ana", "Ion", room="Arhivă")
    arch.loans.lend(actor, d.ref, "Ion Pop", approved_by="Secretar general")
    arch.disposal.eligible(); arch.disposal.propose(...); .approve(...); .execute(...)
    arch.search(ArchiveFilters(text="registru", year=2026))

Sub-services: `plan`, `dossiers`, `transfers`, `loans`, `disposal`. Everything returns plain dataclasses
(local_db.archive_views); every change is audited and replicated through `audit.record_change`.
"""
from __future__ import annotations

from typing import Any

from . import roles
from .archive_common import load_settings, save_setting
from .archive_disposal import DisposalService
from .archive_dossiers import Dossiers
from .archive_loans import Loans
from .archive_plan import Plan
from .archive_transfer import Transfers
from .archive_views import ArchiveFilters, ArchiveSettings, DossierView
from .audit import Actor
from .database import Database


class Archive:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.plan = Plan(db)
        self.dossiers = Dossiers(db)
        self.transfers = Transfers(db)
        self.loans = Loans(db)
        self.disposal = DisposalService(db)

    def search(self, filters: ArchiveFilters | None = None, limit: int = 500, offset: int = 0) -> list[DossierView]:
        """Archive search: indicator, words of the title, year, compartment, status, location."""
        return self.dossiers.search(filters, limit, offset)

    def settings(self) -> ArchiveSettings:
        with self.db.read() as s:
            return load_settings(s)

    def set_setting(self, actor: Actor, name: str, value: Any) -> ArchiveSettings:
        """Change one of the configurable values (transfer_year_offset 1–2, loan_days, volume_max_sheets
        50–300, cs_review_years); audited."""
        roles.require(actor.role, "archive")
        with self.db.write() as s:
            return save_setting(s, actor, self.db.now_iso(), name, value)


__all__ = ["Archive", "ArchiveFilters"]
