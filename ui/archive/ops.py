"""The archive screens' queries, operations and documents: one factory per action, each returning a
function for `TaskManager.run` / `run_op` (desktop/tasks.py), so no archive call ever runs on the GUI
thread. Operations return an `OpResult`: `Changes(outbox=True)` for archive records (the status bar's
pending count), plus the entries touched when filing changes entries (the registry table refreshes)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from desktop.context import AppContext
from desktop.tasks import Changes, OpResult, TaskContext
from local_db.archive_export import write_data
from local_db.archive_views import (
    ArchiveFilters, ArchiveSettings, ClosingReport, DisposalView, DossierDetail, DossierSuggestion, DossierView,
    EligibleDossier, FilingResult, Inventory, LoanView, PlanImportReport, PlanItemInput, PlanItemView, TransferDue,
    TransferView,
)
from local_db.views import NamedCode

Fn = Callable[[TaskContext], Any]
ARCHIVE = Changes(outbox=True)


def _op(fn: Callable[[], Any], changes: Changes = ARCHIVE) -> Fn:
    return lambda ctx: OpResult(fn(), changes)


# --- reads ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ArchiveChoices:
    years: list[int]              # years with a plan or dossiers, and this year and the next
    compartments: list[NamedCode]
    settings: ArchiveSettings
    closed_years: dict[int, str]


def choices(app: AppContext) -> Fn:
    def run(ctx: TaskContext) -> ArchiveChoices:
        arch = app.registry.archive
        today = app.registry.db.today().year
        years = sorted(set(arch.plan.years()) | set(arch.dossiers.years()) | {today, today + 1}, reverse=True)
        return ArchiveChoices(years, app.registry.nomenclator.compartments(), arch.settings(),
                              arch.dossiers.closed_years())
    return run


def plan_items(app: AppContext, year: int) -> Fn:
    return lambda ctx: app.registry.archive.plan.items(year)


def search(app: AppContext, filters: ArchiveFilters) -> Fn:
    return lambda ctx: app.registry.archive.search(filters, limit=5000)


def dossier_detail(app: AppContext, ref: str) -> Fn:
    return lambda ctx: app.registry.archive.dossiers.detail(ref)


def closing_report(app: AppContext, year: int) -> Fn:
    return lambda ctx: app.registry.archive.dossiers.closing_report(year)


def suggestions(app: AppContext, entry_ref: str) -> Fn:
    def run(ctx: TaskContext) -> tuple[list[DossierSuggestion], list[DossierView], DossierView | None]:
        arch = app.registry.archive
        entry = app.registry.entries.get(entry_ref)
        open_ones = arch.search(ArchiveFilters(year=entry.year, status=["open"]))
        return arch.dossiers.suggest(entry_ref, limit=6), open_ones, arch.dossiers.of_entry(entry_ref)
    return run


def transfer_overview(app: AppContext, year: int, compartment: str) -> Fn:
    def run(ctx: TaskContext) -> tuple[list[DossierView], list[TransferDue], list[TransferView], list]:
        t = app.registry.archive.transfers
        return t.candidates(year, compartment), t.due(), t.list(), t.register()
    return run


def inventory(app: AppContext, year: int, compartment: str, dossiers: Sequence[str]) -> Fn:
    return lambda ctx: app.registry.archive.transfers.inventory(year, compartment, list(dossiers) or None)


def loans(app: AppContext, overdue_only: bool) -> Fn:
    def run(ctx: TaskContext) -> list[LoanView]:
        lo = app.registry.archive.loans
        return lo.overdue() if overdue_only else lo.list(open_only=True)
    return run


def disposal_overview(app: AppContext) -> Fn:
    def run(ctx: TaskContext) -> tuple[list[EligibleDossier], list[DisposalView]]:
        d = app.registry.archive.disposal
        return d.eligible(), d.list()
    return run


# --- operations -------------------------------------------------------------------------------------------

def add_plan_item(app: AppContext, year: int, item: PlanItemInput) -> Fn:
    return _op(lambda: app.registry.archive.plan.add(app.actor, year, item))


def edit_plan_item(app: AppContext, uuid: str, item: PlanItemInput) -> Fn:
    return _op(lambda: app.registry.archive.plan.edit(
        app.actor, uuid, indicator=item.indicator, title=item.title, retention=item.retention,
        compartment=item.compartment, notes=item.notes, doc_types=list(item.doc_types)))


def remove_plan_item(app: AppContext, uuid: str) -> Fn:
    return _op(lambda: app.registry.archive.plan.remove(app.actor, uuid))


def copy_plan(app: AppContext, from_year: int, to_year: int) -> Fn:
    return _op(lambda: app.registry.archive.plan.copy(app.actor, from_year, to_year))


def import_plan(app: AppContext, year: int, path: Path, template: str | None = None) -> Fn:
    def run(ctx: TaskContext) -> OpResult[PlanImportReport]:
        return OpResult(app.registry.archive.plan.import_template(app.actor, year, path=path, template=template),
                        ARCHIVE)
    return run


def open_dossier(app: AppContext, year: int, plan_item: str, title: str | None = None,
                 reason: str | None = None) -> Fn:
    return _op(lambda: app.registry.archive.dossiers.open(app.actor, year, plan_item, title=title, reason=reason))


def file_entries(app: AppContext, dossier: str, entries: Sequence[str | int]) -> Fn:
    def run(ctx: TaskContext) -> OpResult[FilingResult]:
        result = app.registry.archive.dossiers.file(app.actor, dossier, list(entries))
        ids = frozenset(e for e in entries if isinstance(e, int))
        return OpResult(result, Changes(entry_ids=ids, entries=True, outbox=True))
    return run


def open_and_file(app: AppContext, year: int, plan_item: str, entries: Sequence[str | int]) -> Fn:
    """Open the plan item's dossier and file the entries into it (the suggestion had no open dossier)."""
    def run(ctx: TaskContext) -> OpResult[FilingResult]:
        arch = app.registry.archive.dossiers
        d = arch.open(app.actor, year, plan_item)
        result = arch.file(app.actor, d.uuid, list(entries))
        return OpResult(result, Changes(entry_ids=frozenset(e for e in entries if isinstance(e, int)), entries=True,
                                        outbox=True))
    return run


def unfile_entry(app: AppContext, entry: str | int) -> Fn:
    return _op(lambda: app.registry.archive.dossiers.unfile(app.actor, entry), Changes(entries=True, outbox=True))


def locate(app: AppContext, dossier: str, room: str, shelf: str, box: str, sheets: int | None, remarks: str) -> Fn:
    def run(ctx: TaskContext) -> OpResult[DossierView]:
        arch = app.registry.archive.dossiers
        current = arch.get(dossier)
        view = current
        if (room, shelf, box) != (current.room, current.shelf, current.box):
            view = arch.locate(app.actor, dossier, room, shelf, box)
        if sheets != current.sheets_counted or remarks != current.remarks:
            view = arch.annotate(app.actor, dossier, sheets_counted=sheets, remarks=remarks)
        return OpResult(view, ARCHIVE)
    return run


def close_dossier(app: AppContext, dossier: str) -> Fn:
    return _op(lambda: app.registry.archive.dossiers.close(app.actor, dossier))


def reopen_dossier(app: AppContext, dossier: str, reason: str) -> Fn:
    return _op(lambda: app.registry.archive.dossiers.reopen(app.actor, dossier, reason))


def close_year(app: AppContext, year: int, accept_unresolved: bool) -> Fn:
    return _op(lambda: app.registry.archive.dossiers.close_year(app.actor, year, accept_unresolved))


def record_transfer(app: AppContext, year: int, compartment: str, handed_by: str, received_by: str,
                    dossiers: Sequence[str], room: str, shelf: str, box: str) -> Fn:
    return _op(lambda: app.registry.archive.transfers.record(
        app.actor, year, compartment, handed_by, received_by, dossiers=list(dossiers) or None, room=room,
        shelf=shelf, box=box))


def lend(app: AppContext, dossier: str, borrower: str, approved_by: str, compartment: str, due: str | None,
         purpose: str) -> Fn:
    return _op(lambda: app.registry.archive.loans.lend(app.actor, dossier, borrower, approved_by,
                                                       compartment=compartment, due=due, purpose=purpose))


def renew_loan(app: AppContext, loan: str) -> Fn:
    return _op(lambda: app.registry.archive.loans.renew(app.actor, loan))


def return_loan(app: AppContext, loan: str) -> Fn:
    return _op(lambda: app.registry.archive.loans.return_(app.actor, loan))


def propose_disposal(app: AppContext, dossiers: Sequence[str], president: str, secretary: str,
                     members: Sequence[str], minutes_number: str, minutes_date: str | None) -> Fn:
    return _op(lambda: app.registry.archive.disposal.propose(app.actor, list(dossiers), president, secretary,
                                                             list(members), minutes_number, minutes_date))


def approve_disposal(app: AppContext, proposal: str, act_number: str, act_date: str | None,
                     exclude: Sequence[str]) -> Fn:
    return _op(lambda: app.registry.archive.disposal.approve(app.actor, proposal, act_number, act_date, list(exclude)))


def execute_disposal(app: AppContext, proposal: str) -> Fn:
    return _op(lambda: app.registry.archive.disposal.execute(app.actor, proposal), Changes(entries=True, outbox=True))


def withdraw_disposal(app: AppContext, proposal: str, reason: str) -> Fn:
    return _op(lambda: app.registry.archive.disposal.withdraw(app.actor, proposal, reason))


# --- documents (long lane) ----------------------------------------------------------------------------------

def archive_dir(app: AppContext) -> Path:
    return app.documents_dir() / "arhiva"


def inventory_pdf(app: AppContext, inventories: list[Inventory], transfer: TransferView | None = None,
                  handed_by: str = "", received_by: str = "") -> Fn:
    """The inventory (and handover record) PDF, with its data as CSV beside it; returns the PDF path."""
    def run(ctx: TaskContext) -> Path:
        from desktop.reports.archive_pdf import inventory_filename, write_inventory
        first = inventories[0]
        path = archive_dir(app) / inventory_filename(first.year, first.compartment, transfer.number if transfer else None)
        write_inventory(path, app.institution, inventories, transfer, handed_by, received_by)
        write_data(path.with_suffix(".csv"), transfer if transfer is not None else inventories)
        return path
    return run


def disposal_pdf(app: AppContext, proposal: DisposalView) -> Fn:
    def run(ctx: TaskContext) -> Path:
        from desktop.reports.archive_pdf import disposal_filename, write_disposal
        path = archive_dir(app) / disposal_filename(proposal.number)
        write_disposal(path, app.institution, proposal)
        write_data(path.with_suffix(".csv"), proposal)
        return path
    return run


__all__ = ["ArchiveChoices", "DossierDetail", "ClosingReport", "PlanItemView"]
