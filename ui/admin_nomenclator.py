"""The local nomenclator (secretary and administrator): document types with their legal deadlines,
and compartments. The county's nomenclator, once sync lands, arrives over the hub."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from desktop import ops, queries
from desktop.context import AppContext
from desktop.labels import DIRECTION, label
from desktop.queries import Choices
from desktop.tasks import Changes
from local_db.views import DocTypeView

from .widgets import FieldError, FormErrors, button


class NomenclatorDialog(QDialog):
    def __init__(self, app: AppContext, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.doc_types: list[DocTypeView] = []
        self.setObjectName("nomenclatorDialog")
        self.setWindowTitle(self.tr("Nomenclator"))
        self.types = QTableWidget(0, 5)
        self.types.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"), self.tr("Deadline"),
                                              self.tr("Extension"), self.tr("Legal basis")])
        self.types.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.types.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.types.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.types.verticalHeader().hide()
        self.types.horizontalHeader().setStretchLastSection(True)
        self.types.doubleClicked.connect(lambda _: self.edit_type())
        edit = QPushButton(self.tr("&Edit…"))
        edit.clicked.connect(self.edit_type)
        new = QPushButton(self.tr("&New document type…"))
        new.clicked.connect(lambda: self._type_dialog(None))
        types_tab = QWidget()
        tl = QVBoxLayout(types_tab)
        tl.addWidget(self.types)
        row = QHBoxLayout()
        row.addWidget(edit)
        row.addWidget(new)
        row.addStretch(1)
        tl.addLayout(row)

        self.compartments = QListWidget()
        self.comp_code = QLineEdit()
        self.comp_code.setMaxLength(20)
        self.comp_code.setPlaceholderText(self.tr("code, e.g. URB"))
        self.comp_name = QLineEdit()
        self.comp_name.setPlaceholderText(self.tr("name"))
        add_comp = QPushButton(self.tr("&Add compartment"))
        add_comp.clicked.connect(self.add_compartment)
        self.comp_error = FieldError()
        self.comp_errors = FormErrors(self.comp_error)
        comp_tab = QWidget()
        cl = QVBoxLayout(comp_tab)
        cl.addWidget(self.compartments)
        crow = QHBoxLayout()
        crow.addWidget(self.comp_code)
        crow.addWidget(self.comp_name, 1)
        crow.addWidget(add_comp)
        cl.addLayout(crow)
        cl.addWidget(self.comp_error)
        self._fill_compartments(choices)

        tabs = QTabWidget()
        tabs.addTab(types_tab, self.tr("&Document types"))
        tabs.addTab(comp_tab, self.tr("&Compartments"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.resize(900, 520)
        app.tasks.changes.connect(self._changes)
        self.load()

    def load(self) -> None:
        self.app.tasks.run(queries.all_doc_types(self.app), label="doc types", on_done=self._loaded, owner=self)
        self.app.tasks.run(queries.choices(self.app), label="choices", on_done=self._fill_compartments, owner=self)

    def _changes(self, changes: Changes) -> None:
        if changes.nomenclator:
            self.load()

    def _loaded(self, types: list[DocTypeView]) -> None:
        self.doc_types = types
        self.types.setRowCount(len(types))
        for row, d in enumerate(types):
            if d.deadline_days:
                kind = self.tr("working days") if d.day_kind == "working" else self.tr("days")
                deadline = f"{d.deadline_days} {kind}"
            else:
                deadline = "—"
            values = (d.code, d.name + ("" if d.active else " " + self.tr("(inactive)")), deadline,
                      str(d.extension_days or ""), d.legal_basis)
            for col, text in enumerate(values):
                self.types.setItem(row, col, QTableWidgetItem(text))
        self.types.resizeColumnsToContents()
        self.types.setColumnWidth(1, min(self.types.columnWidth(1), 320))

    def _fill_compartments(self, choices: Choices) -> None:
        self.compartments.clear()
        for c in choices.compartments:
            self.compartments.addItem(f"{c.code} — {c.name}")

    def edit_type(self) -> None:
        row = self.types.currentRow()
        if 0 <= row < len(self.doc_types):
            self._type_dialog(self.doc_types[row])

    def _type_dialog(self, doc_type: DocTypeView | None) -> None:
        dialog = DocTypeDialog(self.app, doc_type, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def add_compartment(self) -> None:
        self.comp_errors.clear()
        self.app.tasks.run_op(ops.add_compartment(self.app, self.comp_code.text(), self.comp_name.text()),
                              label="add compartment",
                              on_done=lambda _c: (self.comp_code.clear(), self.comp_name.clear()),
                              on_error=self.comp_errors.show, owner=self)


class DocTypeDialog(QDialog):
    def __init__(self, app: AppContext, doc_type: DocTypeView | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(self.tr("Document type"))
        d = doc_type
        self.code = QLineEdit(d.code if d else "")
        self.code.setReadOnly(d is not None)
        self.name = QLineEdit(d.name if d else "")
        self.direction = QComboBox()
        self.direction.addItem(self.tr("any"), None)
        for code in ("in", "out", "internal"):
            self.direction.addItem(label(DIRECTION, code), code)
        self.direction.setCurrentIndex(max(0, self.direction.findData(d.direction if d else None)))
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setSpecialValueText(self.tr("no legal deadline"))
        self.days.setValue(d.deadline_days or 0 if d else 0)
        self.day_kind = QComboBox()
        self.day_kind.addItem(self.tr("calendar days"), "calendar")
        self.day_kind.addItem(self.tr("working days"), "working")
        self.day_kind.setCurrentIndex(max(0, self.day_kind.findData(d.day_kind if d else "calendar")))
        self.roll = QCheckBox(self.tr("A deadline on a non-working day moves to the next working day"))
        self.roll.setChecked(d.roll_to_working_day if d else True)
        self.extension = QSpinBox()
        self.extension.setRange(0, 365)
        self.extension.setValue(d.extension_days if d else 0)
        self.legal_basis = QLineEdit(d.legal_basis if d else "")
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(d.active if d else True)
        self.regime = d.regime if d else "general"
        self.general_error = FieldError()
        self.errors = FormErrors(self.general_error)
        form = QFormLayout()
        for text, widget, field in ((self.tr("&Code"), self.code, "code"), (self.tr("&Name"), self.name, "name"),
                                    (self.tr("&For"), self.direction, None), (self.tr("&Deadline"), self.days, "days"),
                                    (self.tr("Counted in"), self.day_kind, "kind"), ("", self.roll, None),
                                    (self.tr("&Extension up to (days)"), self.extension, None),
                                    (self.tr("&Legal basis"), self.legal_basis, None), ("", self.active, None)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
            if field:
                err = FieldError()
                form.addRow("", err)
                self.errors.add(field, widget, err)
        self.ok = button(self.tr("&Save"), default=True)
        self.ok.clicked.connect(self._save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def _save(self) -> None:
        self.errors.clear()
        data = {"code": self.code.text(), "name": self.name.text(), "direction": self.direction.currentData(),
                "regime": self.regime, "deadline_days": self.days.value() or None,
                "day_kind": self.day_kind.currentData(), "roll_to_working_day": self.roll.isChecked(),
                "extension_days": self.extension.value(), "legal_basis": self.legal_basis.text(),
                "active": self.active.isChecked()}
        self.ok.setEnabled(False)
        self.app.tasks.run_op(ops.save_doc_type(self.app, data), label="save doc type",
                              on_done=lambda _d: self.accept(), on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.errors.show(exc)
