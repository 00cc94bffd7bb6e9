"""Retention and disposal: the dossiers past retention (permanent ones never appear), the selection
committee's proposal (PDF and CSV), the National Archives' confirmation, and only then the disposal."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from desktop.context import AppContext
from desktop.formatting import ro_date
from local_db.archive_views import DisposalView, EligibleDossier

from ..widgets import FieldError, FormErrors
from . import ops
from .common import MUTED, RecordTable, dates_text, retention_text, status_text
from .dialogs import ApproveDialog, MembersEdit, ReasonDialog
from .page import ArchivePage, hint


class DisposalPage(ArchivePage):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.setObjectName("disposalPage")
        self.eligible = RecordTable([self.tr("Propose"), self.tr("Title"), self.tr("Compartment"),
                                     self.tr("Extreme dates"), self.tr("Sheets"), self.tr("Retention"),
                                     self.tr("Expired on"), self.tr("Place")], checkable=True)
        self.eligible.setObjectName("eligibleTable")
        self.president = QLineEdit()
        self.president.setObjectName("president")
        self.secretary = QLineEdit()
        self.secretary.setObjectName("secretary")
        self.members = MembersEdit()
        self.members.setObjectName("members")
        self.members.setPlaceholderText(self.tr("one member per line (the president and the members: an odd number)"))
        self.members.setTabChangesFocus(True)
        self.members.setMaximumHeight(70)
        self.minutes = QLineEdit()
        self.minutes.setObjectName("minutesNumber")
        self.general = FieldError()
        self.errors = FormErrors(self.general)
        form = QFormLayout()
        for label, w, name in ((self.tr("&President"), self.president, "president"),
                               (self.tr("&Secretary"), self.secretary, "secretary"),
                               (self.tr("&Members"), self.members, "members"),
                               (self.tr("Minutes n&o."), self.minutes, "minutes_number")):
            err = FieldError()
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(1)
            lay.addWidget(w)
            lay.addWidget(err)
            form.addRow(label, box)
            self.errors.add(name, w, err)
        self.propose_button = QPushButton(self.tr("&Propose the ticked dossiers"))
        self.propose_button.setObjectName("proposeDisposal")
        self.propose_button.clicked.connect(self.propose)

        self.proposals = RecordTable([self.tr("No."), self.tr("Status"), self.tr("Dossiers"), self.tr("Sheets"),
                                      self.tr("Proposed"), self.tr("Approving act"), self.tr("Executed"),
                                      self.tr("Files removed")])
        self.proposals.setObjectName("proposalTable")
        self.proposals.current_changed.connect(lambda _p: self._update())
        self.proposals.activated.connect(self.pdf)
        self.pdf_button = QPushButton(self.tr("Proposal (P&DF)"))
        self.pdf_button.setObjectName("proposalPdf")
        self.pdf_button.clicked.connect(lambda: self.pdf(self.proposals.current()))
        self.approve_button = QPushButton(self.tr("Record the &approval…"))
        self.approve_button.setObjectName("approveDisposal")
        self.approve_button.clicked.connect(self.approve)
        self.execute_button = QPushButton(self.tr("&Dispose of them"))
        self.execute_button.setObjectName("executeDisposal")
        self.execute_button.clicked.connect(self.execute)
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.withdraw_button.clicked.connect(self.withdraw)
        for b in (self.propose_button, self.approve_button, self.execute_button, self.withdraw_button):
            b.setVisible(self.can("archive"))

        upper = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(hint(self.tr("Dossiers whose retention has expired. Dossiers kept permanently never appear "
                                    "here; “CS” dossiers are decided by the committee.")))
        left.addWidget(self.eligible, 1)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.general)
        right.addWidget(self.propose_button)
        right.addStretch(1)
        upper.addLayout(left, 3)
        upper.addLayout(right, 2)
        buttons = QHBoxLayout()
        for b in (self.pdf_button, self.approve_button, self.execute_button, self.withdraw_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(upper, 3)
        layout.addWidget(hint(self.tr("Nothing is destroyed before the National Archives confirm the proposal: record "
                                      "the approving act first.")))
        layout.addWidget(self.proposals, 2)
        layout.addLayout(buttons)
        self._update()

    def reload(self) -> None:
        self.query(ops.disposal_overview(self.app), self._loaded, "disposal")

    def _loaded(self, data: tuple[list[EligibleDossier], list[DisposalView]]) -> None:
        eligible, proposals = data
        self.eligible.set_rows(eligible, lambda e: (
            e.dossier.ref, e.dossier.title, e.dossier.compartment, dates_text(e.dossier.date_from, e.dossier.date_to),
            e.dossier.sheets, retention_text(e.dossier.retention), ro_date(e.expired_on), e.dossier.location))
        self.proposals.set_rows(proposals, lambda p: (
            p.number, status_text(p.status), p.total_dossiers, p.total_sheets, ro_date(p.proposed_at),
            f"{p.act_number} / {ro_date(p.act_date)}" if p.act_number else "", ro_date(p.executed_at),
            p.files_removed if p.status == "executed" else ""),
            lambda p: MUTED if p.status in ("executed", "withdrawn") else None)
        if proposals and not (self.president.text() or self.secretary.text() or self.members.names()):
            last = proposals[0]  # the committee rarely changes: offer the last one's members
            self.president.setText(last.president)
            self.secretary.setText(last.secretary)
            self.members.setPlainText("\n".join(last.members))
        self._update()

    def _update(self) -> None:
        p = self.proposals.current()
        self.pdf_button.setEnabled(p is not None)
        self.approve_button.setEnabled(p is not None and p.status == "proposed")
        self.execute_button.setEnabled(p is not None and p.status == "approved")
        self.withdraw_button.setEnabled(p is not None and p.status in ("proposed", "approved"))

    # --- actions --------------------------------------------------------------------------------------------

    def propose(self) -> None:
        chosen = self.eligible.checked()
        if not self.can("archive"):
            return
        self.errors.clear()

        def done(p: DisposalView) -> None:
            self.message.emit(self.tr("Proposal no. {number}: {count} dossiers").format(number=p.number,
                                                                                       count=p.total_dossiers))
            self.eligible.set_all_checked(False)
            self.reload()
            self.pdf(p)
        self.op(ops.propose_disposal(self.app, [e.dossier.uuid for e in chosen], self.president.text(),
                                     self.secretary.text(), self.members.names(), self.minutes.text(),
                                     self.app.registry.db.today().isoformat() if self.minutes.text().strip() else None),
                on_done=done, on_error=self.errors.show)

    def pdf(self, p: DisposalView | None) -> None:
        if p is not None:
            self.document(ops.disposal_pdf(self.app, p), "disposal proposal")

    def approve(self) -> ApproveDialog | None:
        p = self.proposals.current()
        if p is None or p.status != "proposed" or not self.can("archive"):
            return None
        dialog = ApproveDialog(p, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def submit(value: tuple) -> None:
            number, day, excluded = value
            self.op(ops.approve_disposal(self.app, p.uuid, number, day, excluded),
                    on_done=lambda v: (dialog.finish(), self.reload()), on_error=dialog.fail)
        dialog.submitted.connect(submit)
        dialog.open()
        return dialog

    def execute(self, confirmed: bool = False) -> QMessageBox | None:
        p = self.proposals.current()
        if p is None or p.status != "approved" or not self.can("archive"):
            return None
        if not confirmed:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Disposal"),
                              self.tr("Dispose of the {count} dossiers of proposal no. {number}? Their files are "
                                      "removed from this computer (a file another record still uses is kept).")
                              .format(count=p.total_dossiers, number=p.number),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setObjectName("confirmDisposal")
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Dispose of them"))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.button(QMessageBox.StandardButton.Yes).clicked.connect(lambda: self.execute(True))
            box.open()
            return box
        self.op(ops.execute_disposal(self.app, p.uuid), on_done=lambda v: (
            self.message.emit(self.tr("Proposal no. {number} executed: {count} dossiers disposed of, {removed} files "
                                      "removed").format(number=v.number, count=v.total_dossiers,
                                                        removed=v.files_removed)), self.reload()))
        return None

    def withdraw(self) -> ReasonDialog | None:
        p = self.proposals.current()
        if p is None or not self.can("archive"):
            return None
        dialog = ReasonDialog(self.tr("Withdraw proposal no. {number}").format(number=p.number),
                              self.tr("The dossiers become eligible again."), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda reason: self.op(ops.withdraw_disposal(self.app, p.uuid, reason),
                                                        on_done=lambda _v: (dialog.finish(), self.reload()),
                                                        on_error=dialog.fail))
        dialog.open()
        return dialog
