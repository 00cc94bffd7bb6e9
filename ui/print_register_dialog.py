"""Choose the period (and register) to print in the classic register layout."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout,
    QWidget,
)

from desktop.reports.register_book import Period
from local_db.views import NamedCode

from .widgets import translate_buttons


class PrintRegisterDialog(QDialog):
    def __init__(self, registers: list[NamedCode], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printRegisterDialog")
        self.setWindowTitle(self.tr("Print the register"))
        today = date.today()
        self.start = QDateEdit(QDate(today.year, 1, 1))
        self.end = QDateEdit(QDate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.register = QComboBox()
        self.register.addItem(self.tr("All registers"), None)
        for r in registers:
            self.register.addItem(r.name, r.code)
        quick = QHBoxLayout()
        for text, start, end in ((self.tr("&Today"), today, today),
                                 (self.tr("This &month"), today.replace(day=1), today),
                                 (self.tr("Last mont&h"), (today.replace(day=1) - timedelta(days=1)).replace(day=1),
                                  today.replace(day=1) - timedelta(days=1)),
                                 (self.tr("This &year"), date(today.year, 1, 1), today),
                                 (self.tr("Last y&ear"), date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))):
            b = QPushButton(text)
            b.setAutoDefault(False)
            b.clicked.connect(lambda _=False, s=start, e=end: self._set(s, e))
            quick.addWidget(b)
        form = QFormLayout()
        for text, widget in ((self.tr("&From"), self.start), (self.tr("&Until"), self.end),
                             (self.tr("&Register"), self.register)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        self.register.setVisible(len(registers) > 1)
        form.labelForField(self.register).setVisible(len(registers) > 1)
        note = QLabel(self.tr("A4 landscape, the 13 columns of the general register; the last page is left for the "
                              "certification."))
        note.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(box)
        box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Make the PDF"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(quick)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(box)

    def _set(self, start: date, end: date) -> None:
        self.start.setDate(QDate(start))
        self.end.setDate(QDate(end))

    def period(self) -> Period:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            start, end = end, start
        return Period(start, end, self.register.currentData())
