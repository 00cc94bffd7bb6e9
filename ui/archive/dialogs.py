"""Small forms of the archive: a plan item, a dossier's place, a reason, a loan, the approval of a
disposal. Each emits `submitted` with what was typed; the screen runs the operation and either closes
the form (`finish`) or shows the core's error next to the field it names (`fail`)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from local_db.archive_common import LEGAL_RETENTION_YEARS
from local_db.archive_views import DisposalView, DossierView, PlanItemInput, PlanItemView
from local_db.views import NamedCode
from PySide6.QtCore import Qt

from ..widgets import FieldError, FormErrors, translate_buttons
from .common import CompartmentCombo, date_edit, iso, retention_text


class ArchiveForm(QDialog):
    submitted = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.general = FieldError()
        self.errors = FormErrors(self.general)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)

    def field(self, label: str, widget: QWidget, name: str | None = None) -> QWidget:
        error = FieldError()
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(1)
        inner.addWidget(widget)
        inner.addWidget(error)
        self.form.addRow(label, box)
        if name:
            self.errors.add(name, widget, error)
        return widget

    def value(self) -> Any:  # pragma: no cover - each form implements it
        raise NotImplementedError

    def _submit(self) -> None:
        self.errors.clear()
        self.buttons.setEnabled(False)
        self.submitted.emit(self.value())

    def finish(self, _result: Any = None) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def fail(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.errors.show(exc)


class PlanItemDialog(ArchiveForm):
    def __init__(self, compartments: list[NamedCode], item: PlanItemView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Filing plan item") if item is None else self.tr("Change the filing plan item"), parent)
        self.setObjectName("planItemDialog")
        self.item = item
        self.indicator = self.field(self.tr("&Indicator"), QLineEdit(), "indicator")
        self.indicator.setPlaceholderText(self.tr("e.g. I.A.7 or III/12"))
        self.title_edit = self.field(self.tr("Dossier &title"), QLineEdit(), "title")
        self.compartment = self.field(self.tr("&Compartment"), CompartmentCombo("—"), "compartment")
        self.compartment.set_compartments(compartments)
        self.retention = self.field(self.tr("&Retention"), QComboBox(), "retention")
        self.retention.setEditable(True)
        self.retention.addItem(retention_text("P"), "P")
        self.retention.addItem(retention_text("CS"), "CS")
        for years in LEGAL_RETENTION_YEARS:
            self.retention.addItem(retention_text(str(years)), str(years))
        self.retention.setCurrentIndex(-1)
        self.retention.lineEdit().setPlaceholderText(self.tr("P, CS, CS 10 or years"))
        self.doc_types = self.field(self.tr("&Document types filed here"), QLineEdit(), "doc_type")
        self.doc_types.setPlaceholderText(self.tr("codes, comma-separated (they help suggest the dossier)"))
        self.notes = self.field(self.tr("&Notes"), QLineEdit(), "notes")
        if item is not None:
            self.indicator.setText(item.indicator)
            self.title_edit.setText(item.title)
            self.compartment.set_code(item.compartment)
            i = self.retention.findData(item.retention)
            if i >= 0:
                self.retention.setCurrentIndex(i)
            else:
                self.retention.setEditText(item.retention)
            self.doc_types.setText(", ".join(item.doc_types))
            self.notes.setText(item.notes)
        self.resize(560, self.sizeHint().height())

    def retention_value(self) -> str:
        text = self.retention.currentText().strip()
        i = self.retention.findText(text)
        return (self.retention.itemData(i) if i >= 0 else text) or ""

    def value(self) -> PlanItemInput:
        return PlanItemInput(self.indicator.text(), self.title_edit.text(), self.retention_value(),
                             self.compartment.code(), self.notes.text(),
                             [x.strip() for x in self.doc_types.text().split(",") if x.strip()])


class LocationDialog(ArchiveForm):
    def __init__(self, dossier: DossierView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Where the dossier is kept — {ref}").format(ref=dossier.ref), parent)
        self.setObjectName("locationDialog")
        self.room = self.field(self.tr("&Room"), QLineEdit(dossier.room), "room")
        self.shelf = self.field(self.tr("&Shelf"), QLineEdit(dossier.shelf), "shelf")
        self.box = self.field(self.tr("&Box"), QLineEdit(dossier.box), "box")
        self.counted = QCheckBox(self.tr("Sheets &counted by hand"))
        self.sheets = QSpinBox()
        self.sheets.setRange(0, 100000)
        self.counted.setChecked(dossier.sheets_counted is not None)
        self.sheets.setValue(dossier.sheets_counted if dossier.sheets_counted is not None else dossier.sheets)
        self.sheets.setEnabled(self.counted.isChecked())
        self.counted.toggled.connect(self.sheets.setEnabled)
        self.form.addRow(self.counted)
        self.field(self.tr("S&heets"), self.sheets, "sheets")
        self.remarks = self.field(self.tr("Re&marks"), QLineEdit(dossier.remarks), "remarks")

    def value(self) -> tuple[str, str, str, int | None, str]:
        return (self.room.text(), self.shelf.text(), self.box.text(),
                self.sheets.value() if self.counted.isChecked() else None, self.remarks.text())


class ReasonDialog(ArchiveForm):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName("reasonDialog")
        self.form.addRow(QLabel(prompt))
        self.reason = self.field(self.tr("&Reason"), QLineEdit(), "reason")
        self.resize(520, self.sizeHint().height())

    def value(self) -> str:
        return self.reason.text()


class LendDialog(ArchiveForm):
    def __init__(self, dossier: DossierView, compartments: list[NamedCode], loan_days: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Lend dossier {ref}").format(ref=dossier.ref), parent)
        self.setObjectName("lendDialog")
        self.form.addRow(QLabel(dossier.title))
        self.borrower = self.field(self.tr("&Borrower"), QLineEdit(), "borrower")
        self.compartment = self.field(self.tr("&Compartment"), CompartmentCombo("—"), "compartment")
        self.compartment.set_compartments(compartments)
        self.approved_by = self.field(self.tr("&Approved by"), QLineEdit(), "approved_by")
        self.due = self.field(self.tr("&Due back"), date_edit(QDate.currentDate().addDays(loan_days)), "due")
        self.purpose = self.field(self.tr("&Purpose"), QLineEdit(), "purpose")

    def value(self) -> tuple[str, str, str, str, str]:
        return (self.borrower.text(), self.approved_by.text(), self.compartment.code(), iso(self.due),
                self.purpose.text())


class ApproveDialog(ArchiveForm):
    """The National Archives' confirmation: act number and date; dossiers it left out are unticked."""

    def __init__(self, proposal: DisposalView, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Approval of proposal no. {number}").format(number=proposal.number), parent)
        self.setObjectName("approveDialog")
        self.act_number = self.field(self.tr("Act &number"), QLineEdit(), "act_number")
        self.act_date = self.field(self.tr("Act &date"), date_edit(), "act_date")
        self.lines = QListWidget()
        for line in proposal.lines:
            item = QListWidgetItem(f"{line.dossier_ref} — {line.title}")
            item.setData(Qt.ItemDataRole.UserRole, line.dossier_uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.lines.addItem(item)
        self.field(self.tr("Dossiers &confirmed"), self.lines, "dossier")
        self.resize(620, 420)

    def value(self) -> tuple[str, str, list[str]]:
        excluded = [self.lines.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.lines.count())
                    if self.lines.item(i).checkState() != Qt.CheckState.Checked]
        return self.act_number.text(), iso(self.act_date), excluded


class MembersEdit(QPlainTextEdit):
    """One committee member per line."""

    def names(self) -> list[str]:
        return [x.strip() for x in self.toPlainText().splitlines() if x.strip()]
