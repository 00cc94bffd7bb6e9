"""Dossiers and the archive search: words of the title, indicator, year, compartment, status and
location; the selected dossier's entries and where it is (its shelf, or who has it on loan); placing,
closing and reopening a dossier; the year-end closing with its report first."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from desktop.context import AppContext
from desktop.formatting import ro_date
from local_db.archive_views import ArchiveFilters, ClosingReport, DossierDetail, DossierView

from ..widgets import show_error, translate_buttons
from . import ops
from .common import (
    MUTED, OVERDUE, CompartmentCombo, RecordTable, YearCombo, dates_text, retention_text, status_text,
)
from .dialogs import LocationDialog, ReasonDialog
from .page import ArchivePage, hint

SEARCH_DELAY_MS = 250


class DossiersPage(ArchivePage):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.setObjectName("dossiersPage")
        self.detail: DossierDetail | None = None

        self.text = QLineEdit()
        self.text.setObjectName("archiveSearch")
        self.text.setClearButtonEnabled(True)
        self.text.setPlaceholderText(self.tr("Search the title or indicator… (Ctrl+F)"))
        self.text.setAccessibleName(self.tr("Search dossiers"))
        self.indicator = QLineEdit()
        self.indicator.setPlaceholderText(self.tr("Indicator"))
        self.indicator.setAccessibleName(self.tr("Indicator starts with"))
        self.indicator.setMaximumWidth(110)
        self.year = YearCombo()
        self.year.setAccessibleName(self.tr("Year"))
        self.compartment = CompartmentCombo(self.tr("All compartments"))
        self.compartment.setAccessibleName(self.tr("Compartment"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Any status"), "")
        for code in ("open", "closed", "archived", "lent", "disposed"):
            self.status.addItem(status_text(code), code)
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("Room, shelf, box"))
        self.location.setAccessibleName(self.tr("Location"))
        self.location.setMaximumWidth(160)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        for edit in (self.text, self.indicator, self.location):
            edit.textEdited.connect(lambda _t: self._search_timer.start())
            edit.returnPressed.connect(self.reload)
        for combo in (self.compartment, self.status):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.lineEdit().returnPressed.connect(self.reload)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, lambda: (self.text.setFocus(), self.text.selectAll()))

        self.table = RecordTable([self.tr("Dossier"), self.tr("Title"), self.tr("Compartment"), self.tr("Status"),
                                  self.tr("Entries"), self.tr("Sheets"), self.tr("Extreme dates"), self.tr("Retention"),
                                  self.tr("Where")])
        self.table.setObjectName("dossierTable")
        self.table.current_changed.connect(self._current)
        self.table.activated.connect(lambda d: self.entries.setFocus())

        self.heading = QLabel()
        self.heading.setObjectName("dossierHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = QLabel()
        self.where.setObjectName("dossierWhere")
        self.where.setWordWrap(True)
        self.entries = RecordTable([self.tr("No."), self.tr("Date"), self.tr("Subject"), self.tr("Sheets")])
        self.entries.setObjectName("dossierEntries")

        self.locate_button = QPushButton(self.tr("&Place…"))
        self.locate_button.setToolTip(self.tr("Room, shelf, box, sheets counted (F2)"))
        self.locate_button.clicked.connect(self.locate)
        self.close_button = QPushButton(self.tr("C&lose the dossier"))
        self.close_button.clicked.connect(self.close_dossier)
        self.reopen_button = QPushButton(self.tr("Re&open…"))
        self.reopen_button.setObjectName("reopenDossier")
        self.reopen_button.clicked.connect(self.reopen)
        self.unfile_button = QPushButton(self.tr("Take the entry &out"))
        self.unfile_button.clicked.connect(self.unfile)
        self.close_year_button = QPushButton(self.tr("&Year-end closing…"))
        self.close_year_button.setObjectName("closeYear")
        self.close_year_button.clicked.connect(self.close_year)
        archive = self.can("archive")
        for b in (self.locate_button, self.close_button, self.reopen_button, self.close_year_button):
            b.setVisible(archive)
        self.unfile_button.setVisible(self.can("file_entries"))
        QShortcut(QKeySequence("F2"), self.table, self.locate)

        filters = QHBoxLayout()
        for w in (self.text, self.indicator, self.year, self.compartment, self.status, self.location):
            filters.addWidget(w)
        filters.setStretch(0, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.heading)
        rl.addWidget(self.where)
        rl.addWidget(self.entries, 1)
        row = QHBoxLayout()
        for b in (self.locate_button, self.close_button, self.reopen_button, self.unfile_button):
            row.addWidget(b)
        row.addStretch(1)
        rl.addLayout(row)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([820, 520])
        bottom = QHBoxLayout()
        self.count = hint("")
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.close_year_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self._show_detail(None)

    def set_choices(self, choices: ops.ArchiveChoices) -> None:
        super().set_choices(choices)
        self.year.blockSignals(True)
        current = self.year.currentText()
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for y in choices.years:
            self.year.addItem(str(y), y)
        i = self.year.findText(current)
        self.year.setCurrentIndex(max(i, 0))
        self.year.blockSignals(False)
        self.compartment.set_compartments(choices.compartments)

    def filters(self) -> ArchiveFilters:
        status = self.status.currentData()
        return ArchiveFilters(text=self.text.text(), indicator=self.indicator.text().strip(), year=self.year.year(),
                              compartment=self.compartment.code(), status=[status] if status else [],
                              location=self.location.text())

    def reload(self) -> None:
        try:
            f = self.filters()
            if f.indicator:
                from local_db.archive_common import indicator_value
                indicator_value(f.indicator)
        except Exception:  # noqa: BLE001 - an indicator half typed: wait for the rest
            return
        self.query(ops.search(self.app, f), self._loaded, "dossiers")

    def _loaded(self, rows: list[DossierView]) -> None:
        def color(d: DossierView):  # noqa: ANN202
            if d.loan is not None and d.loan.overdue:
                return OVERDUE
            return MUTED if d.status == "disposed" else None
        self.table.set_rows(rows, lambda d: (d.ref, d.title, d.compartment, status_text(d.status), d.entries, d.sheets,
                                             dates_text(d.date_from, d.date_to), retention_text(d.retention),
                                             self._where(d)), color)
        self.count.setText(self.tr("{count} dossiers").format(count=len(rows)))
        self._current(self.table.current())

    def _where(self, d: DossierView) -> str:
        if d.loan is not None:
            return self.tr("lent to {who} until {due}").format(who=d.loan.borrower, due=ro_date(d.loan.due))
        return d.location

    def _current(self, d: DossierView | None) -> None:
        if d is None:
            self._show_detail(None)
            return
        self.query(ops.dossier_detail(self.app, d.uuid), self._show_detail, "dossier-detail")

    def _show_detail(self, det: DossierDetail | None) -> None:
        self.detail = det
        d = det.dossier if det else None
        for b in (self.locate_button, self.close_button, self.reopen_button, self.unfile_button):
            b.setEnabled(False)
        if d is None:
            self.heading.setText(self.tr("Choose a dossier to see its entries and where it is."))
            self.where.setText("")
            self.entries.set_rows([], lambda e: ())
            return
        head = f"<b>{d.ref}</b> — {d.title}<br>" + self.tr(
            "{status}; retention {retention}; {entries} entries, {sheets} sheets").format(
            status=status_text(d.status), retention=retention_text(d.retention), entries=d.entries, sheets=d.sheets)
        if d.expires_year:
            head += "<br>" + self.tr("Kept until the end of {year}").format(year=d.expires_year)
        if d.reopen_reason:
            head += "<br>" + self.tr("Reopened: {reason}").format(reason=d.reopen_reason)
        self.heading.setText(head)
        if d.loan is not None:
            text = self.tr("Lent to {who} ({compartment}) on {lent}, due back {due}; approved by {approver}.").format(
                who=d.loan.borrower, compartment=d.loan.borrower_compartment or "—", lent=ro_date(d.loan.lent_at),
                due=ro_date(d.loan.due), approver=d.loan.approved_by)
            if d.loan.overdue:
                text = "<span style='color:#b00020'>" + text + " " + self.tr("Overdue by {days} days.").format(
                    days=d.loan.days_overdue) + "</span>"
            self.where.setText(text)
        elif d.location:
            self.where.setText(self.tr("Kept at: {place}").format(place=d.location))
        else:
            self.where.setText(self.tr("No place recorded yet."))
        self.entries.set_rows(det.entries, lambda e: (e.ref, ro_date(e.reg_date), e.subject, e.pages))
        self.locate_button.setEnabled(d.status != "disposed")
        self.close_button.setEnabled(d.status == "open")
        self.reopen_button.setEnabled(d.status == "closed")
        self.unfile_button.setEnabled(d.status == "open" and bool(det.entries))

    # --- actions --------------------------------------------------------------------------------------------

    def locate(self) -> LocationDialog | None:
        d = self.detail.dossier if self.detail else None
        if d is None or not self.can("archive") or d.status == "disposed":
            return None
        dialog = LocationDialog(d, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def submit(value: tuple) -> None:
            self.op(ops.locate(self.app, d.uuid, *value), on_done=lambda _v: (dialog.finish(), self.reload()),
                    on_error=dialog.fail)
        dialog.submitted.connect(submit)
        dialog.open()
        return dialog

    def close_dossier(self) -> None:
        d = self.detail.dossier if self.detail else None
        if d is not None and d.status == "open" and self.can("archive"):
            self.op(ops.close_dossier(self.app, d.uuid), on_done=lambda v: (
                self.message.emit(self.tr("Dossier {ref} closed").format(ref=v.ref)), self.reload()))

    def reopen(self) -> ReasonDialog | None:
        d = self.detail.dossier if self.detail else None
        if d is None or d.status != "closed" or not self.can("archive"):
            return None
        dialog = ReasonDialog(self.tr("Reopen dossier {ref}").format(ref=d.ref),
                              self.tr("Filing into a closed dossier needs it reopened. The reason is recorded in the "
                                      "dossier and in the audit log."), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda reason: self.op(
            ops.reopen_dossier(self.app, d.uuid, reason), on_done=lambda v: (dialog.finish(), self.reload()),
            on_error=dialog.fail))
        dialog.open()
        return dialog

    def unfile(self) -> None:
        e = self.entries.current()
        d = self.detail.dossier if self.detail else None
        if e is None or d is None or d.status != "open":
            return
        self.op(ops.unfile_entry(self.app, e.entry_id), on_done=lambda _v: self.reload())

    def close_year(self) -> "ClosingDialog | None":
        if not self.can("archive"):
            return None
        year = self.year.year() or self.app.registry.db.today().year - 1
        dialog = ClosingDialog(self.app, year, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.closed_year.connect(lambda y: (self.message.emit(self.tr("Year {year} closed").format(year=y)),
                                              self.changed.emit(), self.reload()))
        dialog.open()
        return dialog


class ClosingDialog(QDialog):
    """The year-end closing: first what is still unresolved, then the closing itself."""
    closed_year = Signal(int)

    def __init__(self, app: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName("closingDialog")
        self.setWindowTitle(self.tr("Year-end closing"))
        self.report: ClosingReport | None = None
        self.year = YearCombo()
        self.year.set_years(range(app.registry.db.today().year, app.registry.db.today().year - 15, -1), year)
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("closingSummary")
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.accept_box = QCheckBox(self.tr("Close anyway; what is unresolved is recorded with the closing"))
        self.accept_box.setObjectName("acceptUnresolved")
        self.accept_box.toggled.connect(lambda _on: self._update())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(self.buttons)
        self.close_button = self.buttons.addButton(self.tr("&Close the year"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setObjectName("confirmClose")
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Year"), self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.accept_box)
        layout.addWidget(self.buttons)
        self.resize(640, 460)
        self.load()

    def load(self) -> None:
        year = self.year.year()
        if year is None:
            return
        self.close_button.setEnabled(False)
        self.app.tasks.run(ops.closing_report(self.app, year), key="archive.closing", label="closing report",
                           on_done=self._loaded, on_error=lambda exc: show_error(self, exc))

    def _loaded(self, rep: ClosingReport) -> None:
        self.report = rep
        if rep.closed:
            self.summary.setText(self.tr("The year {year} was closed on {date}.").format(year=rep.year,
                                                                                        date=ro_date(rep.closed_at)))
        else:
            self.summary.setText(self.tr(
                "Year {year}: {open} open dossiers will be closed. Entries in no dossier: {unfiled}. Incoming entries "
                "not resolved: {unresolved}.").format(year=rep.year, open=len(rep.open_dossiers),
                                                      unfiled=rep.unfiled_count, unresolved=rep.unresolved_count))
        lines = []
        if rep.unfiled:
            lines.append(self.tr("In no dossier:"))
            lines += [f"  {b.ref}  {b.subject}" for b in rep.unfiled]
        if rep.unresolved:
            lines.append(self.tr("Not resolved:"))
            lines += [f"  {b.ref}  {b.subject}" for b in rep.unresolved]
        if rep.empty_dossiers:
            lines.append(self.tr("Empty dossiers: {list}").format(list=", ".join(rep.empty_dossiers)))
        if rep.plan_items_without_dossier:
            lines.append(self.tr("Plan items without a dossier: {list}").format(
                list=", ".join(rep.plan_items_without_dossier)))
        self.details.setPlainText("\n".join(lines))
        self.accept_box.setVisible(not rep.closed and not rep.clean)
        self._update()

    def _update(self) -> None:
        rep = self.report
        self.close_button.setEnabled(rep is not None and not rep.closed and (rep.clean or self.accept_box.isChecked()))

    def confirm(self) -> None:
        rep = self.report
        if rep is None or not self.close_button.isEnabled():
            return
        self.close_button.setEnabled(False)
        year = rep.year

        def done(_r: ClosingReport) -> None:
            self.closed_year.emit(year)
            self.accept()
        self.app.tasks.run_op(ops.close_year(self.app, year, self.accept_box.isChecked()), on_done=done,
                              on_error=lambda exc: (show_error(self, exc), self._update()), label="close year")


__all__ = ["DossiersPage", "ClosingDialog"]
