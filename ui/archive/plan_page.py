"""The filing plan of a year: its items, adding and changing them, copying last year's plan into this
one, importing a county template, and opening a dossier from an item."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from local_db.archive_views import PlanImportReport, PlanItemInput, PlanItemView

from ..widgets import show_error, show_info
from . import ops
from .common import RecordTable, YearCombo, retention_text
from .dialogs import PlanItemDialog, ReasonDialog
from .page import ArchivePage, hint


class PlanPage(ArchivePage):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.setObjectName("planPage")
        self.year = YearCombo()
        self.year.setObjectName("planYear")
        self.year.setAccessibleName(self.tr("Year of the plan"))
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.lineEdit().returnPressed.connect(self.reload)
        year_label = QLabel(self.tr("&Year"))
        year_label.setBuddy(self.year)

        self.table = RecordTable([self.tr("Indicator"), self.tr("Compartment"), self.tr("Dossier title"),
                                  self.tr("Retention"), self.tr("Document types"), self.tr("Dossiers"),
                                  self.tr("Notes")])
        self.table.setObjectName("planTable")
        self.table.activated.connect(lambda item: self.edit_item())
        self.table.current_changed.connect(lambda _i: self._update_buttons())

        can = self.can("archive")
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setToolTip(self.tr("Add an item (Ins)"))
        self.add_button.clicked.connect(self.add_item)
        self.edit_button = QPushButton(self.tr("C&hange…"))
        self.edit_button.clicked.connect(self.edit_item)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_item)
        self.copy_button = QPushButton(self.tr("&Copy last year's plan"))
        self.copy_button.setObjectName("copyPlan")
        self.copy_button.clicked.connect(self.copy_previous)
        self.import_button = QPushButton(self.tr("&Import county template…"))
        self.import_button.clicked.connect(self.import_template)
        self.open_button = QPushButton(self.tr("&Open the dossier"))
        self.open_button.setObjectName("openDossier")
        self.open_button.setToolTip(self.tr("Open this year's dossier of the selected item (Ctrl+D)"))
        self.open_button.clicked.connect(self.open_dossier)
        for b in (self.add_button, self.edit_button, self.remove_button, self.copy_button, self.import_button):
            b.setVisible(can)
        self.open_button.setVisible(self.can("file_entries"))
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.add_item)
        QShortcut(QKeySequence("Ins"), self.table, self.add_item)
        QShortcut(QKeySequence("F2"), self.table, self.edit_item)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table, self.remove_item)
        QShortcut(QKeySequence("Ctrl+D"), self, self.open_dossier)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.copy_button)
        top.addWidget(self.import_button)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        self.summary = hint("")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_choices(self, choices: ops.ArchiveChoices) -> None:
        super().set_choices(choices)
        current = self.year.year()
        self.year.set_years(choices.years, current or self.app.registry.db.today().year)

    def _update_buttons(self) -> None:
        item = self.table.current()
        for b in (self.edit_button, self.remove_button, self.open_button):
            b.setEnabled(item is not None)
        if item is not None:
            self.remove_button.setEnabled(item.dossiers == 0)

    def reload(self) -> None:
        year = self.year.year()
        if year is None:
            return
        self.query(ops.plan_items(self.app, year), self._loaded, "plan")

    def _loaded(self, items: list[PlanItemView]) -> None:
        self.table.set_rows(items, lambda i: (i.indicator, i.compartment, i.title, retention_text(i.retention),
                                              ", ".join(i.doc_types), i.dossiers, i.notes))
        perm = sum(1 for i in items if i.permanent)
        self.summary.setText(self.tr("{count} items, {permanent} kept permanently.").format(count=len(items),
                                                                                            permanent=perm)
                             if items else self.tr("The plan of this year is empty: copy last year's plan, import "
                                                   "the county's template or add items."))
        self._update_buttons()

    # --- actions --------------------------------------------------------------------------------------------

    def _dialog(self, item: PlanItemView | None) -> PlanItemDialog | None:
        if self.choices is None or not self.can("archive"):
            return None
        dialog = PlanItemDialog(self.choices.compartments, item, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return dialog

    def add_item(self) -> PlanItemDialog | None:
        dialog = self._dialog(None)
        year = self.year.year()
        if dialog is None or year is None:
            return None

        def submit(value: PlanItemInput) -> None:
            self.op(ops.add_plan_item(self.app, year, value), on_done=lambda v: (dialog.finish(), self._added(v)),
                    on_error=dialog.fail)
        dialog.submitted.connect(submit)
        dialog.open()
        return dialog

    def _added(self, item: PlanItemView) -> None:
        self.message.emit(self.tr("Item {indicator} added to the plan of {year}").format(indicator=item.indicator,
                                                                                         year=item.year))
        self.reload()
        self.table.select_where(lambda i: i.uuid == item.uuid)

    def edit_item(self) -> PlanItemDialog | None:
        item = self.table.current()
        dialog = self._dialog(item) if item is not None else None
        if dialog is None:
            return None

        def submit(value: PlanItemInput) -> None:
            self.op(ops.edit_plan_item(self.app, item.uuid, value),
                    on_done=lambda v: (dialog.finish(), self.reload()), on_error=dialog.fail)
        dialog.submitted.connect(submit)
        dialog.open()
        return dialog

    def remove_item(self) -> None:
        item = self.table.current()
        if item is None or not self.can("archive") or item.dossiers:
            return
        self.op(ops.remove_plan_item(self.app, item.uuid), on_done=lambda _v: self.reload())

    def copy_previous(self) -> None:
        year = self.year.year()
        if year is None or not self.can("archive"):
            return
        self.op(ops.copy_plan(self.app, year - 1, year), on_done=self._imported)

    def import_template(self, path: str | None = None, template: str | None = None) -> None:
        year = self.year.year()
        if year is None or not self.can("archive"):
            return
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("County filing plan template"), "",
                                                  self.tr("Templates (*.json *.csv);;All files (*)"))
            if not path:
                return
        self.op(ops.import_plan(self.app, year, Path(path), template), on_done=self._imported)

    def _imported(self, rep: PlanImportReport) -> None:
        text = self.tr("Plan of {year}: {added} items added, {same} already there.").format(
            year=rep.year, added=len(rep.added), same=len(rep.unchanged))
        if rep.conflicts:
            text += " " + self.tr("Left unchanged because this year has them with other content: {list}.").format(
                list=", ".join(rep.conflicts))
        self.message.emit(text)
        if rep.conflicts:
            show_info(self, text, self.tr("Filing plan"))
        self.reload()

    def open_dossier(self) -> None:
        item = self.table.current()
        year = self.year.year()
        if item is None or year is None or not self.can("file_entries"):
            return
        closed = self.choices is not None and year in self.choices.closed_years

        def run(reason: str | None, dialog: ReasonDialog | None = None) -> None:
            self.op(ops.open_dossier(self.app, year, item.uuid, reason=reason),
                    on_done=lambda d: (dialog.finish() if dialog else None, self._opened(d)),
                    on_error=dialog.fail if dialog else (lambda exc: show_error(self, exc)))
        if closed:
            dialog = ReasonDialog(self.tr("Open a dossier in a closed year"),
                                  self.tr("The year {year} was closed. Say why this dossier is opened now; the reason "
                                          "is recorded.").format(year=year), self)
            dialog.submitted.connect(lambda reason: run(reason, dialog))
            dialog.open()
        else:
            run(None)

    def _opened(self, d) -> None:  # noqa: ANN001
        self.message.emit(self.tr("Dossier {ref} opened: {title}").format(ref=d.ref, title=d.title))
        self.reload()
