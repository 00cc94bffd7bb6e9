"""Reads and long jobs the screens ask for, one factory each; every one runs on a worker thread
(`TaskManager.run`) and hands plain dataclasses back to the GUI."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from local_db import Party, Registry
from local_db import table_queries as tq
from local_db.search import Filters
from local_db.views import AuditView, DocTypeView, EntryRow, EntryView, NamedCode, UserView, VerifyReport

from .context import AppContext, Session
from .tasks import TaskContext

Query = Callable[[TaskContext], object]


@dataclass(frozen=True)
class Startup:
    registry: Registry
    initialised: bool


def open_registry(data_dir: Path) -> Callable[[TaskContext], Startup]:
    """Open (migrating after a backup if needed) the database in `data_dir`."""
    def run(ctx: TaskContext) -> Startup:
        registry = Registry.open(data_dir)
        return Startup(registry, registry.is_initialised())
    return run


def login(registry: Registry, username: str, password: str) -> Callable[[TaskContext], Session]:
    """Check a password (Argon2: deliberately slow, so never on the GUI thread)."""
    def run(ctx: TaskContext) -> Session:
        actor = registry.users.authenticate(username, password)
        return Session(actor, registry.institution())
    return run


@dataclass(frozen=True)
class Choices:
    """The lists the forms and filters offer, read once and refreshed when the nomenclator changes."""
    doc_types: list[DocTypeView]
    compartments: list[NamedCode]
    registers: list[NamedCode]
    users: list[UserView]
    years: list[int]


def choices(app: AppContext) -> Callable[[TaskContext], Choices]:
    def run(ctx: TaskContext) -> Choices:
        reg = app.registry
        return Choices(reg.nomenclator.doc_types(), reg.nomenclator.compartments(), reg.nomenclator.registers(),
                       [u for u in reg.users.list() if u.active], reg.entries.years())
    return run


def all_users(app: AppContext) -> Callable[[TaskContext], list[UserView]]:
    return lambda ctx: app.registry.users.list()


def all_doc_types(app: AppContext) -> Callable[[TaskContext], list[DocTypeView]]:
    return lambda ctx: app.registry.nomenclator.doc_types(active_only=False)


def suggest_parties(app: AppContext, prefix: str) -> Callable[[TaskContext], list[Party]]:
    return lambda ctx: app.registry.entries.suggest_parties(prefix, limit=12)


def deadline_preview(app: AppContext, doc_type: str) -> Callable[[TaskContext], date | None]:
    return lambda ctx: app.registry.entries.deadline_for(doc_type)


@dataclass(frozen=True)
class EntryDetail:
    view: EntryView
    history: list[AuditView]


def entry_detail(app: AppContext, ref: str | int,
                 reveal_identifiers: bool = False) -> Callable[[TaskContext], EntryDetail]:
    def run(ctx: TaskContext) -> EntryDetail:
        entries = app.registry.entries
        view = entries.get(ref, app.actor, reveal_identifiers=reveal_identifiers)
        return EntryDetail(view, entries.history(view.id))
    return run


def find_entry(app: AppContext, ref: str) -> Callable[[TaskContext], EntryView]:
    return lambda ctx: app.registry.entries.get(ref, app.actor)


def view_counts(app: AppContext, due_soon_days: int) -> Callable[[TaskContext], dict[str, int]]:
    return lambda ctx: tq.view_counts(app.registry, app.actor.username, due_soon_days,
                                      cancelled=lambda: ctx.cancelled)


def outbox_pending(app: AppContext) -> Callable[[TaskContext], int]:
    return lambda ctx: app.registry.outbox_pending()


def count(app: AppContext, filters: Filters) -> Callable[[TaskContext], int]:
    return lambda ctx: tq.count(app.registry, filters, cancelled=lambda: ctx.cancelled)


# --- the registry table -----------------------------------------------------------------------------

def open_table(app: AppContext, query: tq.TableQuery, page_size: int) -> Callable[[TaskContext], object]:
    """First page as a partial result (`tq.FirstPage`), then the key snapshot as the result."""
    return lambda ctx: tq.open_table(app.registry, query, page_size, ctx.partial, cancelled=lambda: ctx.cancelled)


def table_page_at(app: AppContext, query: tq.TableQuery, offset: int,
                  limit: int) -> Callable[[TaskContext], list[EntryRow]]:
    return lambda ctx: tq.page_at(app.registry, query, offset, limit, cancelled=lambda: ctx.cancelled)


def table_rows(app: AppContext, ids: list[int]) -> Callable[[TaskContext], list[EntryRow]]:
    return lambda ctx: tq.rows_by_ids(app.registry, ids)


# --- attachments, integrity, backups ----------------------------------------------------------------

def export_attachment(app: AppContext, attachment_id: int) -> Callable[[TaskContext], Path]:
    """A hash-verified copy in a fresh temporary folder, for opening in the system viewer."""
    def run(ctx: TaskContext) -> Path:
        dest = Path(tempfile.mkdtemp(prefix="registru-"))
        return app.registry.entries.export_attachment(attachment_id, dest)
    return run


def verify_attachment(app: AppContext, attachment_id: int) -> Callable[[TaskContext], int]:
    """Re-hash the stored file; raises IntegrityProblem when missing or altered, else returns its size."""
    return lambda ctx: len(app.registry.entries.read_attachment(attachment_id))


def verify(app: AppContext) -> Callable[[TaskContext], VerifyReport]:
    return lambda ctx: app.registry.verify(check_blobs=True)


def daily_backup(app: AppContext) -> Callable[[TaskContext], Path | None]:
    return lambda ctx: app.registry.daily_backup()


def backup(app: AppContext) -> Callable[[TaskContext], Path]:
    return lambda ctx: app.registry.backup(app.actor, "manual")


def check_import(app: AppContext, path: Path) -> Callable[[TaskContext], object]:
    """Dry run of a legacy register import (local_db.legacy_csv): the report, nothing written."""
    from local_db.legacy_csv import import_register
    return lambda ctx: import_register(app.registry, app.actor, path, apply=False)
