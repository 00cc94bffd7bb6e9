"""Jobs that write the PDF documents into the documents folder (receipts, register prints)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from local_db.table_queries import QueryCancelled

from .context import AppContext
from .reports.receipt import receipt_filename, write_receipt
from .reports.register_book import Period, register_filename, write_register
from .tasks import Cancelled, TaskContext


def receipt(app: AppContext, ref: str | int) -> Callable[[TaskContext], Path]:
    """The receipt of entry `ref` (number "N/YEAR" or id), written to <documents>/dovezi/."""
    def run(ctx: TaskContext) -> Path:
        reg = app.registry
        entry = reg.entries.get(ref, app.actor)
        doc_type = next((d for d in reg.nomenclator.doc_types(active_only=False) if d.code == entry.doc_type), None)
        clerk = _clerk_name(app, entry.created_by)
        path = app.documents_dir() / "dovezi" / receipt_filename(entry)
        return write_receipt(path, app.institution, entry, clerk, doc_type)
    return run


def _clerk_name(app: AppContext, username: str) -> str:
    for user in app.registry.users.list():
        if user.username == username:
            return user.full_name or user.username
    return username


def register_pages(app: AppContext, period: Period) -> Callable[[TaskContext], Path]:
    """The register pages of `period`, with progress and cancel, written to <documents>/registru/."""
    def run(ctx: TaskContext) -> Path:
        path = app.documents_dir() / "registru" / register_filename(period)
        try:
            return write_register(path, app.registry, app.institution, period,
                                  progress=lambda done, total: ctx.progress(done, total),
                                  cancelled=lambda: ctx.cancelled)
        except QueryCancelled:
            raise Cancelled() from None
    return run
