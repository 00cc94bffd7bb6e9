"""An entry's card: every field, its history from the audit log, its files and links, and the actions
(assign, resolve, extend, cancel, receipt) the user's role and the entry's state allow."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QUrl, Qt, Signal
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from desktop import ops, queries
from desktop.context import AppContext
from desktop.formatting import ro_date, ro_datetime
from desktop.labels import AUDIT_ACTION, CHANNEL, DIRECTION, RESOLUTION, STATUS, label
from desktop.queries import Choices, EntryDetail
from desktop.tasks import Changes
from local_db.views import AuditView, EntryView

from .action_dialogs import AssignDialog, CancelDialog, ExtendDialog, ResolveDialog
from .widgets import error_text, show_error

#: Fields of the audit 'before'/'after' payloads shown in the history, in this order.
HISTORY_FIELDS = ("status", "compartment", "assignee", "deadline", "resolution_kind", "resolution", "cancelled_reason",
                  "instruction", "subject")


class EntryDetailDialog(QDialog):
    open_entry = Signal(int)
    print_receipt = Signal(object)   # EntryView

    def __init__(self, app: AppContext, choices: Choices, entry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.choices = choices
        self.entry_id = entry_id
        self.detail: EntryDetail | None = None
        self._reveal = False
        self.setObjectName("entryDetail")
        self.setWindowTitle(self.tr("Entry card"))
        self.resize(900, 640)

        self.number = QLabel(self.tr("Loading…"))
        self.number.setObjectName("detailNumber")
        big = QFont(self.font())
        big.setPointSize(20)
        big.setBold(True)
        self.number.setFont(big)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel()
        self.badge.setObjectName("statusBadge")
        self.subject = QLabel()
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sub_font = QFont(self.font())
        sub_font.setPointSize(11)
        self.subject.setFont(sub_font)
        self.status_line = QLabel()
        self.status_line.setObjectName("detailStatus")
        self.status_line.setWordWrap(True)

        self.tabs = QTabWidget()
        self.fields_widget = QWidget()
        self.fields = QFormLayout(self.fields_widget)
        self.fields.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.fields.setVerticalSpacing(5)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_widget)
        self.tabs.addTab(scroll, self.tr("&Details"))

        self.history = QTableWidget(0, 4)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")])
        self._table_defaults(self.history)
        self.tabs.addTab(self.history, self.tr("&History"))

        self.files = QTableWidget(0, 4)
        self.files.setObjectName("files")
        self.files.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("By")])
        self._table_defaults(self.files)
        self.files.doubleClicked.connect(lambda _: self.open_file())
        self.open_file_button = QPushButton(self.tr("&Open"))
        self.open_file_button.clicked.connect(self.open_file)
        self.verify_file_button = QPushButton(self.tr("&Verify"))
        self.verify_file_button.clicked.connect(self.verify_file)
        self.add_file_button = QPushButton(self.tr("Add &file…"))
        self.add_file_button.clicked.connect(self.add_file)
        files_tab = QWidget()
        files_layout = QVBoxLayout(files_tab)
        files_layout.addWidget(self.files)
        files_buttons = QHBoxLayout()
        for b in (self.open_file_button, self.verify_file_button, self.add_file_button):
            files_buttons.addWidget(b)
        files_buttons.addStretch(1)
        files_layout.addLayout(files_buttons)
        self.tabs.addTab(files_tab, self.tr("F&iles"))

        self.links = QListWidget()
        self.links.setObjectName("links")
        self.links.itemActivated.connect(self._open_link)
        self.tabs.addTab(self.links, self.tr("&Links"))

        self.assign_button = QPushButton(self.tr("&Assign…"))
        self.resolve_button = QPushButton(self.tr("Re&solve…"))
        self.extend_button = QPushButton(self.tr("E&xtend deadline…"))
        self.cancel_button = QPushButton(self.tr("&Cancel entry…"))
        self.receipt_button = QPushButton(self.tr("&Receipt (Ctrl+P)"))
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.assign_button.clicked.connect(self.assign)
        self.resolve_button.clicked.connect(self.resolve)
        self.extend_button.clicked.connect(self.extend)
        self.cancel_button.clicked.connect(self.cancel_entry)
        self.receipt_button.clicked.connect(self._receipt)
        self.close_button.clicked.connect(self.accept)
        self.close_button.setDefault(True)
        actions = QHBoxLayout()
        for b in (self.assign_button, self.resolve_button, self.extend_button, self.cancel_button,
                  self.open_file_button, self.verify_file_button, self.add_file_button, self.receipt_button):
            b.setAutoDefault(False)
        for b in (self.assign_button, self.resolve_button, self.extend_button, self.cancel_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.receipt_button)
        actions.addWidget(self.close_button)

        head = QHBoxLayout()
        head.addWidget(self.number)
        head.addWidget(self.badge)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.subject)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_line)
        layout.addLayout(actions)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self._receipt)

        self._update_buttons()
        app.tasks.changes.connect(self._changes)
        self.load()

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        table.horizontalHeader().setStretchLastSection(True)
        table.setTabKeyNavigation(False)

    # --- loading --------------------------------------------------------------------------------------

    def load(self) -> None:
        self.app.tasks.run(queries.entry_detail(self.app, self.entry_id, self._reveal), key=f"detail-{id(self)}",
                           label="entry detail", on_done=self._loaded, on_error=self._load_failed, owner=self)

    def _load_failed(self, exc: BaseException) -> None:
        self.status_line.setText(error_text(exc, with_field=True))

    def _changes(self, changes: Changes) -> None:
        if self.entry_id in changes.entry_ids or (changes.entries and not changes.entry_ids):
            self.load()

    def _loaded(self, detail: EntryDetail) -> None:
        self.detail = detail
        v = detail.view
        self.setWindowTitle(self.tr("Entry {ref}").format(ref=v.ref))
        self.number.setText(v.ref)
        status = label(STATUS, v.status)
        colour = {"cancelled": "#8a8a8a", "resolved": "#2e7d32", "filed": "#2e7d32"}.get(
            v.status, "#b00020" if v.overdue else "#0b5394")
        self.badge.setText(f" {status}{' — ' + self.tr('OVERDUE') if v.overdue else ''} ")
        self.badge.setStyleSheet(f"background: {colour}; color: white; border-radius: 3px; padding: 2px 6px;"
                                 "font-weight: bold;")
        self.subject.setText(v.subject)
        self._fill_fields(v)
        self._fill_history(detail.history)
        self._fill_files(v)
        self._fill_links(v)
        self.tabs.setTabText(2, self.tr("F&iles ({count})").format(count=len(v.attachments)))
        self.tabs.setTabText(3, self.tr("&Links ({count})").format(count=len(v.links)))
        self._update_buttons()

    def _fill_fields(self, v: EntryView) -> None:
        while self.fields.rowCount():
            self.fields.removeRow(0)

        def party(p) -> str:  # noqa: ANN001 - Party
            return "\n".join(x for x in (p.name, p.idno, p.address) if x)

        resolution = ""
        if v.resolution_kind:
            resolution = label(RESOLUTION, v.resolution_kind)
            if v.reply:
                resolution += " — " + self.tr("reply no. {ref}").format(ref=v.reply)
            if v.resolution:
                resolution += f"\n{v.resolution}"
        deadline = ro_date(v.deadline)
        if v.deadline and v.deadline_original and v.deadline != v.deadline_original:
            deadline += " " + self.tr("(extended; first {date})").format(date=ro_date(v.deadline_original))
        rows = [
            (self.tr("Registered"), ro_datetime(v.registered_at)),
            (self.tr("Kind"), label(DIRECTION, v.direction)),
            (self.tr("Document type"), v.doc_type_name),
            (self.tr("Received / sent by"), label(CHANNEL, v.channel)),
            (self.tr("Issuer's no. and date"), v.issuer_ref),
            (self.tr("Issuer"), party(v.sender)),
            (self.tr("Addressee"), party(v.recipient)),
            (self.tr("Summary"), v.summary),
            (self.tr("Sheets / annexes"), f"{v.pages} / {v.annexes}"),
            (self.tr("Compartment"), v.compartment_name),
            (self.tr("Person"), v.assignee_name),
            (self.tr("Instruction"), v.instruction),
            (self.tr("Deadline"), deadline),
            (self.tr("Status"), label(STATUS, v.status)),
            (self.tr("Resolution"), resolution),
            (self.tr("Joined to"), v.joined_to),
            (self.tr("Dossier"), v.dossier_indicator),
            (self.tr("Registered by"), self._person(v.created_by)),
        ]
        if v.status == "cancelled":
            rows.append((self.tr("Cancelled"), self.tr("{when} by {who}: {reason}").format(
                when=ro_datetime(v.cancelled_at), who=self._person(v.cancelled_by), reason=v.cancelled_reason)))
        for name, value in rows:
            if not value:
                continue
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if name == self.tr("Cancelled") or (name == self.tr("Deadline") and v.overdue):
                text.setStyleSheet("color: #b00020; font-weight: bold;")
            caption = QLabel(f"<b>{name}</b>")
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.fields.addRow(caption, text)
        masked = "*" in (v.sender.idno + v.recipient.idno)
        if masked and self.app.session is not None and self.app.session.can("view_identifiers"):
            reveal = QPushButton(self.tr("Show the full CNP (the access is logged)"))
            reveal.clicked.connect(self._reveal_identifiers)
            self.fields.addRow("", reveal)

    def _person(self, username: str) -> str:
        """A user's full name where known (the audit log and the entry keep user names)."""
        return next((u.full_name for u in self.choices.users if u.username == username and u.full_name), username)

    def _reveal_identifiers(self) -> None:
        self._reveal = True
        self.load()

    def _fill_history(self, events: list[AuditView]) -> None:
        self.history.setRowCount(len(events))
        for row, ev in enumerate(events):
            items = (ro_datetime(ev.ts), self._person(ev.actor), label(AUDIT_ACTION, ev.action), self._changes_text(ev))
            for col, text in enumerate(items):
                self.history.setItem(row, col, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.resizeRowsToContents()

    def _changes_text(self, ev: AuditView) -> str:
        """'Status: Assigned → Resolved; Resolution: Answered' from the event's before/after states."""
        try:
            before = json.loads(ev.before) if ev.before else {}
            after = json.loads(ev.after) if ev.after else {}
        except ValueError:
            return ""
        if ev.object_kind == "attachment":
            return after.get("filename", "")
        if not before:
            return ""
        names = {"status": self.tr("Status"), "compartment": self.tr("Compartment"), "assignee": self.tr("Person"),
                 "deadline": self.tr("Deadline"), "resolution_kind": self.tr("Resolution"),
                 "resolution": self.tr("Notes"), "cancelled_reason": self.tr("Reason"),
                 "instruction": self.tr("Instruction"), "subject": self.tr("Subject")}
        compartments = {c.code: c.name for c in self.choices.compartments}
        parts = []
        for key in HISTORY_FIELDS:
            old, new = before.get(key), after.get(key)
            if old == new:
                continue
            if key == "status":
                old, new = label(STATUS, old), label(STATUS, new)
            elif key == "deadline":
                old, new = ro_date(old), ro_date(new)
            elif key == "resolution_kind":
                old, new = label(RESOLUTION, old), label(RESOLUTION, new)
            elif key == "compartment":
                old, new = compartments.get(old or "", old), compartments.get(new or "", new)
            elif key == "assignee":
                old, new = self._person(old) if old else old, self._person(new) if new else new
            parts.append(f"{names[key]}: {old} → {new or '—'}" if old else f"{names[key]}: {new}")
        if before.get("_reason"):
            parts.append(self.tr("reason: {reason}").format(reason=before["_reason"]))
        return "; ".join(parts)

    def _fill_files(self, v: EntryView) -> None:
        self.files.setRowCount(len(v.attachments))
        for row, a in enumerate(v.attachments):
            size = f"{a.size / 1024:.0f} KB" if a.size >= 1024 else f"{a.size} B"
            for col, text in enumerate((a.filename, size, ro_datetime(a.added_at), a.added_by)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                self.files.setItem(row, col, item)
        self.files.resizeColumnsToContents()
        if v.attachments:
            self.files.selectRow(0)

    def _fill_links(self, v: EntryView) -> None:
        self.links.clear()
        names = {"reply": self.tr("Answered by"), "reply_to": self.tr("Answers"), "related": self.tr("Related to"),
                 "joined": self.tr("Joined with")}
        for link in v.links:
            item = QListWidgetItem(f"{names.get(link.kind, link.kind)} {link.ref} — {link.subject}")
            item.setData(Qt.ItemDataRole.UserRole, link.ref)
            self.links.addItem(item)

    def _update_buttons(self) -> None:
        v = self.detail.view if self.detail else None
        session = self.app.session
        can = (lambda action: session is not None and session.can(action))
        open_state = v is not None and v.status in ("registered", "assigned")
        self.assign_button.setEnabled(open_state and can("assign"))
        self.resolve_button.setEnabled(open_state and can("resolve"))
        self.extend_button.setEnabled(open_state and bool(v and v.deadline) and can("extend_deadline"))
        self.cancel_button.setEnabled(v is not None and v.status != "cancelled" and can("cancel"))
        self.receipt_button.setEnabled(v is not None)
        self.add_file_button.setEnabled(v is not None and v.status != "cancelled" and can("attach"))
        has_files = bool(v and v.attachments)
        self.open_file_button.setEnabled(has_files)
        self.verify_file_button.setEnabled(has_files)
        for b, action in ((self.assign_button, "assign"), (self.resolve_button, "resolve"),
                          (self.extend_button, "extend_deadline"), (self.cancel_button, "cancel")):
            b.setVisible(can(action))

    # --- actions --------------------------------------------------------------------------------------

    def _action(self, dialog) -> None:  # noqa: ANN001 - an ActionDialog
        dialog.done.connect(self._action_done)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.action_dialog = dialog

    def _action_done(self, view: EntryView) -> None:
        text = self.tr("Saved.")
        if view.reply and view.status == "resolved":
            text = self.tr("Resolved; the reply is registered as no. {ref}.").format(ref=view.reply)
        self.status_line.setText(text)

    def assign(self) -> None:
        if self.detail and self.assign_button.isEnabled():
            self._action(AssignDialog(self.app, self.detail.view, self.choices, self))

    def resolve(self) -> None:
        if self.detail and self.resolve_button.isEnabled():
            self._action(ResolveDialog(self.app, self.detail.view, self.choices, self))

    def extend(self) -> None:
        if self.detail and self.extend_button.isEnabled():
            dt = next((d for d in self.choices.doc_types if d.code == self.detail.view.doc_type), None)
            self._action(ExtendDialog(self.app, self.detail.view, dt.extension_days if dt else 0, self))

    def cancel_entry(self) -> None:
        if self.detail and self.cancel_button.isEnabled():
            self._action(CancelDialog(self.app, self.detail.view, self))

    def _receipt(self) -> None:
        if self.detail:
            self.print_receipt.emit(self.detail.view)

    def _open_link(self, item: QListWidgetItem) -> None:
        self.app.tasks.run(queries.find_entry(self.app, item.data(Qt.ItemDataRole.UserRole)), label="find entry",
                           on_done=lambda v: self.open_entry.emit(v.id), on_error=lambda e: show_error(self, e),
                           owner=self)

    def _selected_file(self) -> int | None:
        item = self.files.item(self.files.currentRow(), 0) if self.files.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def open_file(self) -> None:
        """Open a hash-verified copy of the file in the system's viewer."""
        att = self._selected_file()
        if att is None:
            return
        self.status_line.setText(self.tr("Checking and opening the file…"))
        self.app.tasks.run(queries.export_attachment(self.app, att), label="open attachment",
                           on_done=self._opened, on_error=self._file_failed, owner=self)

    def _opened(self, path: Path) -> None:
        self.status_line.setText(self.tr("Opened a verified copy: {path}").format(path=path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def verify_file(self) -> None:
        att = self._selected_file()
        if att is not None:
            self.app.tasks.run(queries.verify_attachment(self.app, att), label="verify attachment",
                               on_done=lambda size: self.status_line.setText(
                                   self.tr("The file is intact: its SHA-256 fingerprint matches ({size} bytes).")
                                   .format(size=size)),
                               on_error=self._file_failed, owner=self)

    def _file_failed(self, exc: BaseException) -> None:
        self.status_line.setText(error_text(exc, with_field=True))
        show_error(self, exc)

    def add_file(self) -> None:
        if not (self.detail and self.add_file_button.isEnabled()):
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        for p in paths:
            self.app.tasks.run_op(ops.attach_file(self.app, self.detail.view.ref, Path(p)), label="attach file",
                                  on_error=lambda e: show_error(self, e), owner=self)

    def show_message(self, text: str) -> None:
        self.status_line.setText(text)


__all__ = ["EntryDetailDialog"]
