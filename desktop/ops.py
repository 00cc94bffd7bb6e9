"""Operations: every change the desktop makes to the registry, one factory per action.

Each factory returns a function for `TaskManager.run_op`; it runs on the write lane and returns an
`OpResult` whose `Changes` tells the screens what to refresh. The core checks permissions and rules
again, so a refused action comes back as a `RegistruError` with the field to show it next to.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from local_db import NewEntry, Registry
from local_db.views import AttachmentView, EntryView, InstitutionView, UserView

from .context import AppContext
from .tasks import Changes, OpResult, TaskContext

Op = Callable[[TaskContext], OpResult]


def _entry_changed(view: EntryView, *others: int) -> Changes:
    return Changes(entry_ids=frozenset((view.id, *others)), entries=True, outbox=True)


def register_entry(app: AppContext, new: NewEntry) -> Op:
    """Register a document; a reply (`new.reply_to`) also resolves the entry it answers."""
    def run(ctx: TaskContext) -> OpResult[EntryView]:
        view = app.registry.entries.register(app.actor, new)
        return OpResult(view, _entry_changed(view))
    return run


def cancel_entry(app: AppContext, ref: str, reason: str) -> Op:
    def run(ctx: TaskContext) -> OpResult[EntryView]:
        view = app.registry.entries.cancel(app.actor, ref, reason)
        return OpResult(view, _entry_changed(view))
    return run


def assign_entry(app: AppContext, ref: str, compartment: str | None, assignee: str | None,
                 instruction: str | None) -> Op:
    def run(ctx: TaskContext) -> OpResult[EntryView]:
        view = app.registry.entries.assign(app.actor, ref, compartment, assignee, instruction)
        return OpResult(view, _entry_changed(view))
    return run


def resolve_entry(app: AppContext, ref: str, kind: str, resolution: str, reply_ref: str | None = None,
                  reply: NewEntry | None = None) -> Op:
    """Resolve; link an existing outgoing reply (`reply_ref`) or register a new one (`reply`)."""
    def run(ctx: TaskContext) -> OpResult[EntryView]:
        view = app.registry.entries.resolve(app.actor, ref, kind, resolution, reply_ref=reply_ref, reply=reply)
        return OpResult(view, Changes(entry_ids=frozenset({view.id}), entries=True, outbox=True))
    return run


def extend_deadline(app: AppContext, ref: str, days: int, reason: str) -> Op:
    def run(ctx: TaskContext) -> OpResult[EntryView]:
        view = app.registry.entries.extend_deadline(app.actor, ref, days, reason)
        return OpResult(view, _entry_changed(view))
    return run


def link_entries(app: AppContext, ref: str, other: str, kind: str) -> Op:
    def run(ctx: TaskContext) -> OpResult[EntryView]:
        view = app.registry.entries.link(app.actor, ref, other, kind)
        return OpResult(view, _entry_changed(view))
    return run


def attach_file(app: AppContext, ref: str, path: Path) -> Op:
    def run(ctx: TaskContext) -> OpResult[AttachmentView]:
        att = app.registry.entries.attach(app.actor, ref, path=path)
        return OpResult(att, Changes(entries=True, outbox=True))
    return run


def add_user(app: AppContext, username: str, password: str, role: str, full_name: str,
             compartment: str | None) -> Op:
    def run(ctx: TaskContext) -> OpResult[UserView]:
        user = app.registry.users.add(app.actor, username, password, role, full_name, compartment)
        return OpResult(user, Changes(users=True, outbox=True))
    return run


def set_user_active(app: AppContext, username: str, active: bool) -> Op:
    def run(ctx: TaskContext) -> OpResult[UserView]:
        return OpResult(app.registry.users.set_active(app.actor, username, active), Changes(users=True, outbox=True))
    return run


def set_password(app: AppContext, username: str, password: str) -> Op:
    def run(ctx: TaskContext) -> OpResult[None]:
        app.registry.users.set_password(app.actor, username, password)
        return OpResult(None, Changes(users=True))
    return run


def save_doc_type(app: AppContext, data: dict) -> Op:
    def run(ctx: TaskContext) -> OpResult[object]:
        return OpResult(app.registry.nomenclator.save_doc_type(app.actor, data), Changes(nomenclator=True, outbox=True))
    return run


def add_compartment(app: AppContext, code: str, name: str) -> Op:
    def run(ctx: TaskContext) -> OpResult[object]:
        return OpResult(app.registry.nomenclator.add_compartment(app.actor, code, name),
                        Changes(nomenclator=True, outbox=True))
    return run


def initialise(registry: Registry, commune_code: str, commune_name: str, county: str, admin_username: str,
               admin_password: str, admin_full_name: str = "", address: str = "") -> Op:
    """First set-up of an empty data dir (the wizard, or a provisioning file)."""
    def run(ctx: TaskContext) -> OpResult[InstitutionView]:
        inst = registry.init(commune_code, commune_name, county, admin_username, admin_password,
                             admin_full_name=admin_full_name, address=address)
        return OpResult(inst, Changes(users=True, nomenclator=True, outbox=True))
    return run


def import_register(app: AppContext, path: Path) -> Op:
    """Import a legacy register file: every row in one transaction, or nothing while a fault remains."""
    from local_db.legacy_csv import import_register as run_import

    def run(ctx: TaskContext) -> OpResult[object]:
        report = run_import(app.registry, app.actor, path, apply=True)
        return OpResult(report, Changes(entries=report.applied, nomenclator=report.applied, outbox=report.applied))
    return run
