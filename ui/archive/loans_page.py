"""Loans: the dossiers out on loan (overdue ones in red, first), lending a dossier, renewing, returning."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.formatting import ro_date
from local_db.archive_views import ArchiveFilters, DossierView, LoanView

from . import ops
from .common import OVERDUE, RecordTable, status_text
from .dialogs import LendDialog
from .page import ArchivePage


class LoansPage(ArchivePage):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.setObjectName("loansPage")
        self.overdue_only = QCheckBox(self.tr("Only &overdue"))
        self.overdue_only.setObjectName("overdueOnly")
        self.overdue_only.toggled.connect(lambda _on: self.reload())
        self.table = RecordTable([self.tr("Dossier"), self.tr("Title"), self.tr("Borrower"), self.tr("Compartment"),
                                  self.tr("Lent on"), self.tr("Due back"), self.tr("Overdue (days)"),
                                  self.tr("Renewals"), self.tr("Approved by")])
        self.table.setObjectName("loanTable")
        self.table.current_changed.connect(lambda _x: self._update())
        self.renew_button = QPushButton(self.tr("Re&new"))
        self.renew_button.clicked.connect(self.renew)
        self.return_button = QPushButton(self.tr("&Returned"))
        self.return_button.setObjectName("returnLoan")
        self.return_button.clicked.connect(self.return_loan)

        self.lend_ref = QLineEdit()
        self.lend_ref.setObjectName("lendRef")
        self.lend_ref.setPlaceholderText(self.tr("dossier, e.g. 2024:I.A.7, or words of its title"))
        self.lend_ref.returnPressed.connect(self.find_to_lend)
        lend_label = QLabel(self.tr("&Lend a dossier:"))
        lend_label.setBuddy(self.lend_ref)
        self.lend_button = QPushButton(self.tr("&Lend…"))
        self.lend_button.setObjectName("lendButton")
        self.lend_button.clicked.connect(self.find_to_lend)
        self.lendable = RecordTable([self.tr("Dossier"), self.tr("Title"), self.tr("Status"), self.tr("Place")])
        self.lendable.setObjectName("lendable")
        self.lendable.setMaximumHeight(150)
        self.lendable.activated.connect(self.lend)
        for w in (self.renew_button, self.return_button, self.lend_button, self.lend_ref, self.lendable, lend_label):
            w.setVisible(self.can("archive"))
        QShortcut(QKeySequence("Ctrl+R"), self.table, self.return_loan)

        top = QHBoxLayout()
        top.addWidget(self.overdue_only)
        top.addStretch(1)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555555;")
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.renew_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        lend = QHBoxLayout()
        lend.addWidget(lend_label)
        lend.addWidget(self.lend_ref, 1)
        lend.addWidget(self.lend_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(lend)
        layout.addWidget(self.lendable)
        self._update()

    def reload(self) -> None:
        self.query(ops.loans(self.app, self.overdue_only.isChecked()), self._loaded, "loans")

    def _loaded(self, rows: list[LoanView]) -> None:
        rows = sorted(rows, key=lambda x: (not x.overdue, x.due))
        self.table.set_rows(rows, lambda x: (x.dossier_ref, x.dossier_title, x.borrower, x.borrower_compartment,
                                             ro_date(x.lent_at), ro_date(x.due), x.days_overdue if x.overdue else "",
                                             x.renewals, x.approved_by),
                            lambda x: OVERDUE if x.overdue else None)
        late = sum(1 for x in rows if x.overdue)
        self.count.setText(self.tr("{count} dossiers out, {late} overdue").format(count=len(rows), late=late))
        self._update()

    def _update(self) -> None:
        on = self.table.current() is not None
        self.renew_button.setEnabled(on)
        self.return_button.setEnabled(on)

    def renew(self) -> None:
        x = self.table.current()
        if x is not None and self.can("archive"):
            self.op(ops.renew_loan(self.app, x.uuid), on_done=lambda v: (
                self.message.emit(self.tr("Loan of {ref} renewed until {due}").format(ref=v.dossier_ref,
                                                                                     due=ro_date(v.due))),
                self.reload()))

    def return_loan(self) -> None:
        x = self.table.current()
        if x is not None and self.can("archive"):
            self.op(ops.return_loan(self.app, x.uuid), on_done=lambda v: (
                self.message.emit(self.tr("Dossier {ref} is back").format(ref=v.dossier_ref)), self.reload()))

    def find_to_lend(self) -> None:
        text = self.lend_ref.text().strip()
        if not text:
            return
        ref_like = ":" in text
        filters = ArchiveFilters(status=["archived", "closed"]) if ref_like else \
            ArchiveFilters(text=text, status=["archived", "closed"])

        def got(rows: list[DossierView]) -> None:
            if ref_like:
                rows = [d for d in rows if d.ref == text or d.ref.startswith(text)]
            self.lendable.set_rows(rows, lambda d: (d.ref, d.title, status_text(d.status), d.location))
            if len(rows) == 1:
                self.lend(rows[0])
            elif rows:
                self.lendable.setFocus()
        self.query(ops.search(self.app, filters), got, "lendable")

    def lend(self, d: DossierView) -> LendDialog | None:
        if self.choices is None or not self.can("archive"):
            return None
        dialog = LendDialog(d, self.choices.compartments, self.choices.settings.loan_days, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def submit(value: tuple) -> None:
            borrower, approved, compartment, due, purpose = value
            self.op(ops.lend(self.app, d.uuid, borrower, approved, compartment, due, purpose),
                    on_done=lambda v: (dialog.finish(), self.message.emit(
                        self.tr("Dossier {ref} lent to {who} until {due}").format(ref=v.dossier_ref, who=v.borrower,
                                                                                 due=ro_date(v.due))),
                        self.lend_ref.clear(), self.lendable.set_rows([], lambda _d: ()), self.reload()),
                    on_error=dialog.fail)
        dialog.submitted.connect(submit)
        dialog.open()
        return dialog
