"""Filing entries into a dossier — from the entry card, from the entry form after registering, or in
bulk from a selection of the registry table. Shows the dossiers suggested for the (first) entry from
its document type and compartment, and every open dossier of its year; a suggested plan item without
an open dossier is opened on the spot."""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.context import AppContext
from local_db.archive_views import DossierSuggestion, DossierView, FilingResult

from ..widgets import FieldError, FormErrors, translate_buttons
from . import ops
from .common import RecordTable, lt, REASON, retention_text
from .i18n import install_translator


class Target:
    """One row of the list: an open dossier, or a plan item whose dossier would be opened."""

    def __init__(self, dossier: DossierView | None, suggestion: DossierSuggestion | None) -> None:
        self.dossier = dossier
        self.suggestion = suggestion
        self.uuid = dossier.uuid if dossier else (suggestion.plan_item.uuid if suggestion else "")


class FileIntoDossierDialog(QDialog):
    filed = Signal(object)   # FilingResult

    def __init__(self, app: AppContext, entries: Sequence[int | str], parent: QWidget | None = None) -> None:
        install_translator()
        super().__init__(parent)
        self.app = app
        self.entry_refs = list(entries)
        self.year: int | None = None
        self.setObjectName("fileIntoDossier")
        self.setWindowTitle(self.tr("File into a dossier"))
        self.intro = QLabel(self.tr("Looking for the right dossier…"))
        self.intro.setWordWrap(True)
        self.table = RecordTable([self.tr("Dossier"), self.tr("Title"), self.tr("Retention"), self.tr("Entries"),
                                  self.tr("Why")], key=lambda t: t.uuid)
        self.table.setObjectName("fileTargets")
        self.table.activated.connect(lambda _t: self.submit())
        self.general = FieldError()
        self.errors = FormErrors(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&File"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.resize(760, 420)
        if self.entry_refs:
            first = self.entry_refs[0]
            app.tasks.run(ops.suggestions(app, first), key="archive.suggest", label="suggest dossier",
                          on_done=self._loaded, on_error=self.errors.show)

    def _loaded(self, data: tuple[list[DossierSuggestion], list[DossierView], DossierView | None]) -> None:
        suggestions, open_ones, current = data
        rows: list[Target] = []
        seen: set[str] = set()
        for s in suggestions:
            t = Target(s.dossier, s)
            rows.append(t)
            seen.add(t.uuid)
        for d in open_ones:
            if d.uuid not in seen:
                rows.append(Target(d, None))
        n = len(self.entry_refs)
        text = self.tr("File %n entries into:", "", n) if n > 1 else self.tr("File the entry into:")
        if current is not None and n == 1:
            text = self.tr("The entry is in dossier {ref}. To move it, take it out there first.").format(ref=current.ref)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        elif not rows:
            text = self.tr("The year has no open dossier and no plan item fits: open one from the filing plan.")
        self.intro.setText(text)
        self.table.set_rows(rows, self._cells)
        self.table.setFocus()

    def _cells(self, t: Target) -> tuple:
        why = ", ".join(lt(REASON[r]) for r in t.suggestion.reasons) if t.suggestion else ""
        if t.dossier is not None:
            return (t.dossier.ref, t.dossier.title, retention_text(t.dossier.retention), t.dossier.entries, why)
        item = t.suggestion.plan_item
        return (f"{item.year}:{item.indicator}", item.title + " " + self.tr("(opened now)"),
                retention_text(item.retention), 0, why)

    def submit(self) -> None:
        t = self.table.current()
        if t is None or not self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            return
        self.errors.clear()
        self.buttons.setEnabled(False)
        if t.dossier is not None:
            fn = ops.file_entries(self.app, t.dossier.uuid, self.entry_refs)
        else:
            item = t.suggestion.plan_item
            fn = ops.open_and_file(self.app, item.year, item.uuid, self.entry_refs)
        self.app.tasks.run_op(fn, on_done=self._done, on_error=self._failed, label="file entries")

    def _done(self, result: FilingResult) -> None:
        self.buttons.setEnabled(True)
        self.filed.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc)


__all__ = ["FileIntoDossierDialog"]
