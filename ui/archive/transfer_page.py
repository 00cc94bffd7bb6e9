"""Transfer to the archive: the closed dossiers of a year and compartment, the inventory (PDF and CSV),
the handover recorded with the dossiers' place in the archive; the transfers made and the register of
the archive's entries and exits."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from desktop.context import AppContext
from desktop.formatting import ro_date
from local_db.archive_views import ArchiveRegisterRowView, DossierView, Inventory, TransferDue, TransferView

from ..widgets import FieldError, FormErrors
from . import ops
from .common import OVERDUE, TAB_STYLE, CompartmentCombo, RecordTable, YearCombo, dates_text, retention_text
from .page import ArchivePage, hint


class TransferPage(ArchivePage):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.setObjectName("transferPage")
        self.transfers: list[TransferView] = []
        self._picked = False
        self.year = YearCombo()
        self.year.setObjectName("transferYear")
        self.year.setAccessibleName(self.tr("Year of the dossiers"))
        self.compartment = CompartmentCombo()
        self.compartment.setObjectName("transferCompartment")
        self.compartment.setAccessibleName(self.tr("Compartment handing over"))
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.year.lineEdit().returnPressed.connect(self.reload)
        self.compartment.currentIndexChanged.connect(lambda _i: self.reload())

        self.candidates = RecordTable([self.tr("Hand over"), self.tr("Title"), self.tr("Extreme dates"),
                                       self.tr("Sheets"), self.tr("Retention"), self.tr("Place")], checkable=True)
        self.candidates.setObjectName("transferCandidates")
        self.due = RecordTable([self.tr("Year"), self.tr("Compartment"), self.tr("Closed dossiers"),
                                self.tr("Due year")])
        self.due.setObjectName("transferDue")
        self.due.setMaximumHeight(130)
        self.due.activated.connect(self._pick_due)

        self.handed_by = QLineEdit()
        self.handed_by.setObjectName("handedBy")
        self.received_by = QLineEdit(app.session.display_name if app.session else "")
        self.received_by.setObjectName("receivedBy")
        self.room = QLineEdit()
        self.room.setObjectName("transferRoom")
        self.shelf = QLineEdit()
        self.box = QLineEdit()
        self.general = FieldError()
        self.errors = FormErrors(self.general)
        form = QFormLayout()
        for label, widget, name in ((self.tr("Handed over &by"), self.handed_by, "handed_by"),
                                    (self.tr("&Received by"), self.received_by, "received_by"),
                                    (self.tr("Archive r&oom"), self.room, "room"),
                                    (self.tr("&Shelf"), self.shelf, "shelf"), (self.tr("Bo&x"), self.box, "box")):
            err = FieldError()
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(1)
            lay.addWidget(widget)
            lay.addWidget(err)
            form.addRow(label, box)
            self.errors.add(name, widget, err)
        self.preview_button = QPushButton(self.tr("&Inventory (PDF)"))
        self.preview_button.setObjectName("inventoryPdf")
        self.preview_button.setToolTip(self.tr("The inventory of the ticked dossiers, before the handover"))
        self.preview_button.clicked.connect(self.preview)
        self.record_button = QPushButton(self.tr("Record the &handover"))
        self.record_button.setObjectName("recordTransfer")
        self.record_button.clicked.connect(self.record)
        self.record_button.setVisible(self.can("archive"))
        all_button = QPushButton(self.tr("Tick a&ll"))
        all_button.clicked.connect(lambda: self.candidates.set_all_checked(True))
        none_button = QPushButton(self.tr("Tick &none"))
        none_button.clicked.connect(lambda: self.candidates.set_all_checked(False))

        self.transfer_table = RecordTable([self.tr("No."), self.tr("Date"), self.tr("Year"), self.tr("Compartment"),
                                           self.tr("Dossiers"), self.tr("of which permanent"), self.tr("Sheets"),
                                           self.tr("Handed over by"), self.tr("Received by")])
        self.transfer_table.setObjectName("transferList")
        self.transfer_table.activated.connect(self.transfer_pdf)
        self.register_table = RecordTable([self.tr("No."), self.tr("Kind"), self.tr("Date"), self.tr("Compartment"),
                                           self.tr("Extreme dates"), self.tr("Inventory"), self.tr("Units"),
                                           self.tr("of which permanent"), self.tr("Destination"),
                                           self.tr("Document")])
        self.register_table.setObjectName("archiveRegister")
        pdf_button = QPushButton(self.tr("Inventory and &record (PDF)"))
        pdf_button.clicked.connect(lambda: self.transfer_pdf(self.transfer_table.current()))
        lists = QTabWidget()
        lists.setObjectName("transferTabs")
        lists.tabBar().setStyleSheet(TAB_STYLE)
        tw = QWidget()
        tl = QVBoxLayout(tw)
        tl.addWidget(self.transfer_table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(pdf_button)
        tl.addLayout(row)
        lists.addTab(tw, self.tr("Transfers made"))
        lists.addTab(self.register_table, self.tr("Register of entries and exits"))

        top = QHBoxLayout()
        for text, w in ((self.tr("&Year"), self.year), (self.tr("&Compartment"), self.compartment)):
            label = QLabel(text)
            label.setBuddy(w)
            top.addWidget(label)
            top.addWidget(w)
        top.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addWidget(self.candidates, 1)
        ticks = QHBoxLayout()
        ticks.addWidget(all_button)
        ticks.addWidget(none_button)
        ticks.addStretch(1)
        left.addLayout(ticks)
        right = QVBoxLayout()
        right.addWidget(hint(self.tr("Closed dossiers waiting for the archive (Enter picks one):")))
        right.addWidget(self.due)
        right.addLayout(form)
        right.addWidget(self.general)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.record_button)
        right.addLayout(buttons)
        right.addStretch(1)
        upper = QHBoxLayout()
        upper.addLayout(left, 3)
        upper.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(upper, 3)
        layout.addWidget(lists, 2)

    def set_choices(self, choices: ops.ArchiveChoices) -> None:
        super().set_choices(choices)
        self.year.set_years(choices.years, self.year.year() or self.app.registry.db.today().year - 1)
        self.compartment.set_compartments(choices.compartments)

    def reload(self) -> None:
        year = self.year.year()
        if year is None:
            return
        self.query(ops.transfer_overview(self.app, year, self.compartment.code()), self._loaded, "transfer")

    def _loaded(self, data: tuple) -> None:
        candidates, due, transfers, register = data
        if not candidates and due and not self._picked:
            self._picked = True  # first visit: show the oldest year and compartment waiting
            self._pick_due(due[0])
        first_fill = not self.candidates.records
        self.candidates.set_rows(candidates, lambda d: (d.ref, d.title, dates_text(d.date_from, d.date_to), d.sheets,
                                                        retention_text(d.retention), d.location))
        if first_fill or not self.candidates.checked():
            self.candidates.set_all_checked(True)
        self.due.set_rows(due, lambda x: (x.year, x.compartment, x.dossiers, x.due_year),
                          lambda x: OVERDUE if x.overdue else None)
        self.transfers = transfers
        self.transfer_table.set_rows(transfers, lambda t: (t.number, ro_date(t.transfer_date), t.year, t.compartment,
                                                           t.dossiers, t.dossiers_permanent, t.sheets, t.handed_by,
                                                           t.received_by))
        self.register_table.set_rows(register, self._register_cells)
        can = self.can("archive") and bool(candidates)
        self.record_button.setEnabled(can)
        self.preview_button.setEnabled(bool(candidates))

    def _register_cells(self, r: ArchiveRegisterRowView) -> tuple:
        kind = self.tr("entry") if r.kind == "in" else self.tr("exit")
        dest = self.tr("disposal") if r.destination == "disposal" else r.destination
        return (r.number, kind, ro_date(r.day), r.compartment, dates_text(r.date_from, r.date_to), r.inventory, r.units,
                r.units_permanent, dest, r.document)

    def _pick_due(self, due: TransferDue) -> None:
        self.year.set_years([self.year.itemData(i) for i in range(self.year.count())], due.year)
        self.compartment.set_code(due.compartment)
        self.reload()

    def _chosen(self) -> list[DossierView]:
        return self.candidates.checked()

    # --- actions --------------------------------------------------------------------------------------------

    def preview(self) -> None:
        year, chosen = self.year.year(), self._chosen()
        if year is None or not chosen:
            return

        def got(inventories: list[Inventory]) -> None:
            self.document(ops.inventory_pdf(self.app, inventories, None, self.handed_by.text(),
                                            self.received_by.text()), "inventory")
        self.query(ops.inventory(self.app, year, self.compartment.code(), [d.uuid for d in chosen]), got, "inventory")

    def record(self) -> None:
        year, chosen = self.year.year(), self._chosen()
        if year is None or not chosen or not self.can("archive"):
            return
        self.errors.clear()
        self.record_button.setEnabled(False)

        def done(t: TransferView) -> None:
            self.message.emit(self.tr("Transfer no. {number}: {count} dossiers went into the archive").format(
                number=t.number, count=t.dossiers))
            self.reload()
            self.transfer_pdf(t)

        def failed(exc: BaseException) -> None:
            self.record_button.setEnabled(True)
            self.errors.show(exc)
        self.op(ops.record_transfer(self.app, year, self.compartment.code(), self.handed_by.text(),
                                    self.received_by.text(), [d.uuid for d in chosen], self.room.text(),
                                    self.shelf.text(), self.box.text()), on_done=done, on_error=failed)

    def transfer_pdf(self, t: TransferView | None) -> None:
        if t is not None and t.inventories:
            self.document(ops.inventory_pdf(self.app, t.inventories, t), "transfer inventory")


__all__ = ["TransferPage"]
