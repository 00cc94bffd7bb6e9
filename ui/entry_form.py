"""The new-entry form, tuned for a clerk at the front desk.

Fields follow the columns of the paper register (issuer's number and date, sheets, annexes, issuer,
content, compartment); Enter registers from any single-line field, Ctrl+Enter from anywhere. Senders
are suggested from history as you type; the document type shows the deadline it implies. Files come
from the file dialog (Ctrl+O), drag-and-drop or paste (Ctrl+V of files or a scanned image). On an
error the message appears under the field it concerns and everything typed stays. On success the
number is shown big, with Ctrl+P for the receipt and Ctrl+N for the next registration.
"""
from __future__ import annotations

import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QCompleter, QDialog, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QMessageBox, QPlainTextEdit, QPushButton, QRadioButton, QSpinBox, QStackedWidget,
    QVBoxLayout, QWidget,
)

from desktop import ops, queries
from desktop.context import AppContext
from desktop.formatting import ro_date, ro_time
from desktop.labels import CHANNEL, PARTY_KIND, label
from desktop.queries import Choices
from local_db import NewEntry, Party
from local_db.views import DocTypeView, EntryView

from .widgets import FieldError, FormErrors, button, set_tab_order

SUGGEST_DELAY_MS = 150


class PartyFields(QGroupBox):
    """Name (with suggestions from history), person/institution, CNP/CUI, address."""

    def __init__(self, title: str, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.app = app
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.kind = QComboBox()
        for code in ("person", "institution"):
            self.kind.addItem(label(PARTY_KIND, code), code)
        self.idno = QLineEdit()
        self.idno.setMaxLength(16)
        self.idno.setPlaceholderText(self.tr("optional"))
        self.address = QLineEdit()
        self.address.setMaxLength(300)
        self.name_error, self.idno_error = FieldError(), FieldError()

        self._suggestions: dict[str, Party] = {}
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.completer.activated[str].connect(self._chosen)
        self.name.setCompleter(self.completer)
        self._timer = QTimer(self, singleShot=True, interval=SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self._suggest)
        self.name.textEdited.connect(lambda _: self._timer.start())

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(2)
        self.name_label = QLabel(self.tr("&Name"))
        self.name_label.setBuddy(self.name)
        grid.addWidget(self.name_label, 0, 0)
        grid.addWidget(self.name, 0, 1)
        grid.addWidget(self.kind, 0, 2)
        grid.addWidget(self.name_error, 1, 1, 1, 2)
        idno_label = QLabel(self.tr("CNP / CUI"))
        idno_label.setBuddy(self.idno)
        grid.addWidget(idno_label, 2, 0)
        grid.addWidget(self.idno, 2, 1, 1, 2)
        grid.addWidget(self.idno_error, 3, 1, 1, 2)
        address_label = QLabel(self.tr("Address"))
        address_label.setBuddy(self.address)
        grid.addWidget(address_label, 4, 0)
        grid.addWidget(self.address, 4, 1, 1, 2)
        grid.setColumnStretch(1, 1)

    def fields(self) -> list[QWidget]:
        return [self.name, self.kind, self.idno, self.address]

    def party(self) -> Party:
        return Party(self.name.text(), self.kind.currentData(), self.idno.text(), self.address.text())

    def set_party(self, party: Party) -> None:
        self.name.setText(party.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(party.kind)))
        self.idno.setText("")
        self.address.setText(party.address)

    def clear(self) -> None:
        self.set_party(Party())

    def _suggest(self) -> None:
        prefix = self.name.text().strip()
        if len(prefix) < 2:
            return
        self.app.tasks.run(queries.suggest_parties(self.app, prefix), key=f"suggest-{id(self)}",
                           label="suggest parties", on_done=self._show_suggestions, owner=self)

    def _show_suggestions(self, parties: list[Party]) -> None:
        self._suggestions = {p.name: p for p in parties}
        self._model.setStringList([p.name for p in parties])
        if parties and self.name.hasFocus():
            self.completer.complete()

    def _chosen(self, name: str) -> None:
        party = self._suggestions.get(name)
        if party is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(party.kind)))
            if not self.address.text():
                self.address.setText(party.address)


class AttachmentList(QListWidget):
    """Files to attach: added by dialog, dropped here, or pasted."""
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setMaximumHeight(64)
        self._tmp: Path | None = None

    def paths(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())]

    def add_path(self, path: Path) -> None:
        if path.is_file() and str(path) not in self.paths():
            self.addItem(path.name)
            self.item(self.count() - 1).setData(Qt.ItemDataRole.UserRole, str(path))
            self.item(self.count() - 1).setToolTip(str(path))
            self.changed.emit()

    def discard_pasted(self) -> None:
        """Remove the temporary files of pasted images (registered ones are already in the file store)."""
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    def remove_selected(self) -> None:
        for item in self.selectedItems():
            self.takeItem(self.row(item))
        self.changed.emit()

    def paste(self) -> bool:
        """Add files or an image from the clipboard; returns whether anything was added."""
        data = QGuiApplication.clipboard().mimeData()
        if data is None:
            return False
        if data.hasUrls():
            added = False
            for url in data.urls():
                if url.isLocalFile():
                    self.add_path(Path(url.toLocalFile()))
                    added = True
            return added
        if data.hasImage():
            image = QGuiApplication.clipboard().image()
            if not image.isNull():
                if self._tmp is None:
                    self._tmp = Path(tempfile.mkdtemp(prefix="registru-paste-"))
                path = self._tmp / f"scan-{datetime.now():%Y%m%d-%H%M%S}-{self.count() + 1}.png"
                image.save(str(path), "PNG")
                self.add_path(path)
                return True
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001 - QDragMoveEvent
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasUrls():
            for url in event.mimeData().urls():
                if url.isLocalFile():
                    self.add_path(Path(url.toLocalFile()))
            event.acceptProposedAction()
        else:
            super().dropEvent(event)


class EntryForm(QDialog):
    """New registration. `registered` carries the EntryView once the number is allocated."""
    registered = Signal(object)
    print_receipt = Signal(object)   # EntryView
    open_entry = Signal(int)

    def __init__(self, app: AppContext, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.choices = choices
        self.result_entry: EntryView | None = None
        self._busy = False
        self.setWindowTitle(self.tr("New registration"))
        self.setObjectName("entryForm")
        self.setAcceptDrops(True)

        self.stack = QStackedWidget()
        self.form_page = QWidget()
        self.result_page = QWidget()
        self.stack.addWidget(self.form_page)
        self.stack.addWidget(self.result_page)
        self._build_form()
        self._build_result()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.stack)
        self.resize(860, 600)

        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.submit)
        QShortcut(QKeySequence.StandardKey.Open, self, activated=self.add_files)
        QShortcut(QKeySequence.StandardKey.Paste, self.attachments, activated=self.attachments.paste)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self._print)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_entry)
        self._direction_changed()
        self._show_page(self.form_page)
        self.direction_in.setFocus()

    # --- building -------------------------------------------------------------------------------------

    def _build_form(self) -> None:
        self.direction_in = QRadioButton(self.tr("&Incoming"))
        self.direction_out = QRadioButton(self.tr("&Outgoing"))
        self.direction_internal = QRadioButton(self.tr("In&ternal"))
        self.directions = QButtonGroup(self)
        for code, radio in (("in", self.direction_in), ("out", self.direction_out),
                            ("internal", self.direction_internal)):
            self.directions.addButton(radio)
            radio.setProperty("code", code)
        self.direction_in.setChecked(True)
        self.directions.buttonToggled.connect(lambda *_: self._direction_changed())
        self.channel = QComboBox()
        for code in ("desk", "post", "email", "online", "courier", "fax"):
            self.channel.addItem(label(CHANNEL, code), code)
        self.direction_box = QWidget()
        row = QHBoxLayout(self.direction_box)
        row.setContentsMargins(0, 0, 0, 0)
        for radio in (self.direction_in, self.direction_out, self.direction_internal):
            row.addWidget(radio)
        row.addSpacing(24)
        channel_label = QLabel(self.tr("Re&ceived by"))
        channel_label.setBuddy(self.channel)
        row.addWidget(channel_label)
        row.addWidget(self.channel)
        row.addStretch(1)

        self.issuer_ref = QLineEdit()
        self.issuer_ref.setMaxLength(80)
        self.issuer_ref.setPlaceholderText(self.tr("e.g. 1234/20.11.2026"))
        self.pages = QSpinBox()
        self.pages.setRange(0, 100000)
        self.annexes = QSpinBox()
        self.annexes.setRange(0, 100000)
        paper = QWidget()
        paper_row = QHBoxLayout(paper)
        paper_row.setContentsMargins(0, 0, 0, 0)
        paper_row.addWidget(self.issuer_ref, 2)
        pages_label = QLabel(self.tr("&Sheets"))
        pages_label.setBuddy(self.pages)
        annexes_label = QLabel(self.tr("Anne&xes"))
        annexes_label.setBuddy(self.annexes)
        paper_row.addWidget(pages_label)
        paper_row.addWidget(self.pages)
        paper_row.addWidget(annexes_label)
        paper_row.addWidget(self.annexes)

        self.sender = PartyFields(self.tr("Issuer (sender)"), self.app)
        self.recipient = PartyFields(self.tr("Addressee (recipient)"), self.app)

        self.doc_type = QComboBox()
        self.doc_type.addItem(self.tr("— choose the document type —"), None)
        for d in self.choices.doc_types:
            self.doc_type.addItem(d.name, d.code)
        self.doc_type.setMaxVisibleItems(20)
        self.doc_type.currentIndexChanged.connect(lambda _: self._doc_type_changed())
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("deadlineLabel")
        self.deadline_label.setStyleSheet("color: #0b5394; font-weight: bold;")
        self.subject = QLineEdit()
        self.subject.setMaxLength(500)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(48)

        self.compartment = QComboBox()
        self.compartment.addItem(self.tr("— not assigned —"), None)
        for c in self.choices.compartments:
            self.compartment.addItem(c.name, c.code)
        self.assignee = QComboBox()
        self.assignee.addItem(self.tr("— nobody in particular —"), None)
        for u in self.choices.users:
            self.assignee.addItem(u.full_name or u.username, u.username)
        assign = QWidget()
        assign_row = QHBoxLayout(assign)
        assign_row.setContentsMargins(0, 0, 0, 0)
        assign_row.addWidget(self.compartment, 1)
        assignee_label = QLabel(self.tr("Per&son"))
        assignee_label.setBuddy(self.assignee)
        assign_row.addWidget(assignee_label)
        assign_row.addWidget(self.assignee, 1)

        self.reply_to = QLineEdit()
        self.reply_to.setPlaceholderText(self.tr("no./year of the incoming entry this answers, e.g. 125/2026"))

        self.attachments = AttachmentList()
        self.add_file_button = QPushButton(self.tr("Add &file…"))
        self.add_file_button.setAutoDefault(False)
        self.add_file_button.clicked.connect(self.add_files)
        self.remove_file_button = QPushButton(self.tr("Remo&ve"))
        self.remove_file_button.setAutoDefault(False)
        self.remove_file_button.clicked.connect(self.attachments.remove_selected)
        files = QWidget()
        files_row = QHBoxLayout(files)
        files_row.setContentsMargins(0, 0, 0, 0)
        files_row.addWidget(self.attachments, 1)
        files_buttons = QVBoxLayout()
        files_buttons.addWidget(self.add_file_button)
        files_buttons.addWidget(self.remove_file_button)
        files_buttons.addStretch(1)
        files_row.addLayout(files_buttons)
        files_hint = QLabel(self.tr("Drop files here or paste a scan with Ctrl+V."))
        files_hint.setStyleSheet("color: #555555;")

        self.general_error = FieldError()
        self.errors = FormErrors(self.general_error)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(4)

        def add(text: str, widget: QWidget, field: str | None = None, buddy: QWidget | None = None) -> QLabel:
            lab = QLabel(text)
            lab.setBuddy(buddy or widget)
            form.addRow(lab, widget)
            if field:
                err = FieldError()
                form.addRow("", err)
                self.errors.add(field, buddy or widget, err)
            return lab

        add(self.tr("Kind"), self.direction_box, "direction", self.direction_in)
        self.errors.add("channel", self.channel, FieldError())
        add(self.tr("Issuer's &no. and date"), paper, None, self.issuer_ref)
        pages_error = FieldError()
        form.addRow("", pages_error)
        self.errors.add("pages", self.pages, pages_error)
        self.errors.add("annexes", self.annexes, pages_error)
        form.addRow(self.sender)
        form.addRow(self.recipient)
        self.errors.add("sender_name", self.sender.name, self.sender.name_error)
        self.errors.add("sender_idno", self.sender.idno, self.sender.idno_error)
        self.errors.add("recipient_name", self.recipient.name, self.recipient.name_error)
        self.errors.add("recipient_idno", self.recipient.idno, self.recipient.idno_error)
        add(self.tr("Document &type"), self.doc_type, "doc_type")
        form.addRow("", self.deadline_label)
        add(self.tr("S&ubject"), self.subject, "subject")
        add(self.tr("Su&mmary"), self.summary, "summary")
        add(self.tr("Com&partment"), assign, "compartment", self.compartment)
        self.errors.add("assignee", self.assignee, FieldError())
        self.reply_label = add(self.tr("&Reply to"), self.reply_to, "reply_to")
        add(self.tr("Files"), files, "file", self.add_file_button)
        form.addRow("", files_hint)

        self.submit_button = button(self.tr("Register (Enter)"), default=True)
        self.submit_button.setObjectName("registerButton")
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Close (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self.form_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

        set_tab_order([self.direction_in, self.direction_out, self.direction_internal, self.channel, self.issuer_ref,
                       self.pages, self.annexes, *self.sender.fields(), *self.recipient.fields(), self.doc_type,
                       self.subject, self.summary, self.compartment, self.assignee, self.reply_to,
                       self.add_file_button, self.remove_file_button, self.submit_button, self.cancel_button])

    def _build_result(self) -> None:
        self.result_caption = QLabel(self.tr("Registered under number"))
        self.result_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_number = QLabel()
        self.result_number.setObjectName("resultNumber")
        self.result_number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.font())
        big.setPointSize(40)
        big.setBold(True)
        self.result_number.setFont(big)
        self.result_when = QLabel()
        self.result_when.setAlignment(Qt.AlignmentFlag.AlignCenter)
        when_font = QFont(self.font())
        when_font.setPointSize(14)
        self.result_when.setFont(when_font)
        self.result_deadline = QLabel()
        self.result_deadline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_deadline.setFont(when_font)
        self.result_subject = QLabel()
        self.result_subject.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result_subject.setWordWrap(True)
        self.print_button = button(self.tr("&Print the receipt (Ctrl+P)"), default=True)
        self.print_button.setObjectName("printReceiptButton")
        self.print_button.clicked.connect(self._print)
        self.next_button = QPushButton(self.tr("&New registration (Ctrl+N)"))
        self.next_button.clicked.connect(self.new_entry)
        self.details_button = QPushButton(self.tr("Open the &card"))
        self.details_button.clicked.connect(self._open_details)
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.accept)
        self.result_status = QLabel()
        self.result_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        for b in (self.print_button, self.next_button, self.details_button, self.close_button):
            b.setAutoDefault(b is self.print_button)
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self.result_page)
        layout.addStretch(2)
        for w in (self.result_caption, self.result_number, self.result_when, self.result_deadline, self.result_subject):
            layout.addWidget(w)
        layout.addSpacing(24)
        layout.addLayout(row)
        layout.addWidget(self.result_status)
        layout.addStretch(3)

    # --- behaviour ------------------------------------------------------------------------------------

    def direction(self) -> str:
        checked = self.directions.checkedButton()
        return checked.property("code") if checked is not None else "in"

    def _direction_changed(self) -> None:
        direction = self.direction()
        self.sender.setVisible(direction in ("in", "internal"))
        self.recipient.setVisible(direction in ("out", "internal"))
        self.reply_to.setVisible(direction == "out")
        self.reply_label.setVisible(direction == "out")
        if direction == "out" and self.channel.currentData() == "desk":
            self.channel.setCurrentIndex(self.channel.findData("post"))
        elif direction == "in" and self.channel.currentData() == "post" and not self.sender.name.text():
            self.channel.setCurrentIndex(self.channel.findData("desk"))

    def deadline_text(self, doc_type: DocTypeView | None, deadline: date | None) -> str:
        """'Legal deadline: 30 calendar days → 28.12.2026' (or 'No legal deadline')."""
        if doc_type is None:
            return ""
        if not doc_type.deadline_days or deadline is None:
            return self.tr("No legal deadline")
        kind = self.tr("working days") if doc_type.day_kind == "working" else self.tr("calendar days")
        return self.tr("Legal deadline: {days} {kind} → {date}").format(days=doc_type.deadline_days, kind=kind,
                                                                      date=ro_date(deadline))

    def _doc_type(self) -> DocTypeView | None:
        code = self.doc_type.currentData()
        return next((d for d in self.choices.doc_types if d.code == code), None)

    def _doc_type_changed(self) -> None:
        dt = self._doc_type()
        if dt is None or not dt.deadline_days:
            self.deadline_label.setText(self.deadline_text(dt, None))
            return
        self.app.tasks.run(queries.deadline_preview(self.app, dt.code), key="deadline-preview",
                           label="deadline preview",
                           on_done=lambda d, dt=dt: self._show_deadline(dt, d), owner=self)

    def _show_deadline(self, dt: DocTypeView, deadline: date | None) -> None:
        if self._doc_type() == dt:
            self.deadline_label.setText(self.deadline_text(dt, deadline))

    def add_files(self) -> None:
        if self.stack.currentWidget() is not self.form_page:
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), "",
                                                self.tr("Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff "
                                                        "*.doc *.docx *.odt *.xls *.xlsx);;All files (*)"))
        for p in paths:
            self.attachments.add_path(Path(p))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.stack.currentWidget() is self.form_page:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.attachments.dropEvent(event)

    def new_entry_data(self) -> NewEntry:
        direction = self.direction()
        return NewEntry(
            direction=direction, subject=self.subject.text(), doc_type=self.doc_type.currentData(),
            sender=self.sender.party() if direction in ("in", "internal") else Party(),
            recipient=self.recipient.party() if direction in ("out", "internal") else Party(kind="institution"),
            summary=self.summary.toPlainText(), channel=self.channel.currentData(), issuer_ref=self.issuer_ref.text(),
            pages=self.pages.value(), annexes=self.annexes.value(), compartment=self.compartment.currentData(),
            assignee=self.assignee.currentData(),
            reply_to=self.reply_to.text().strip() or None if direction == "out" else None,
            attachments=self.attachments.paths())

    def submit(self) -> None:
        if self._busy or self.stack.currentWidget() is not self.form_page:
            return
        self.errors.clear()
        self._set_busy(True)
        self.app.tasks.run_op(ops.register_entry(self.app, self.new_entry_data()), label="register entry",
                              on_done=self._registered, on_error=self._failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.submit_button.setEnabled(not busy)
        self.submit_button.setText(self.tr("Registering…") if busy else self.tr("Register (Enter)"))

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.errors.show(exc)

    def _registered(self, entry: EntryView) -> None:
        self._set_busy(False)
        self.result_entry = entry
        self.result_number.setText(entry.ref)
        self.result_when.setText(self.tr("of {date}, at {time}").format(date=ro_date(entry.registered_at),
                                                                        time=ro_time(entry.registered_at)))
        self.result_deadline.setText(self.tr("Deadline: {date}").format(date=ro_date(entry.deadline))
                                     if entry.deadline else self.tr("No legal deadline"))
        self.result_subject.setText(entry.subject)
        self.result_status.setText("")
        self._show_page(self.result_page)
        self.print_button.setFocus()
        self.registered.emit(entry)

    def done(self, result: int) -> None:
        self.attachments.discard_pasted()
        super().done(result)

    def _show_page(self, page: QWidget) -> None:
        """Switch pages; Enter presses the page's main button (only one button may be the default)."""
        self.stack.setCurrentWidget(page)
        (self.submit_button if page is self.form_page else self.print_button).setDefault(True)

    def has_input(self) -> bool:
        return any((self.issuer_ref.text(), self.subject.text(), self.summary.toPlainText(), self.sender.name.text(),
                    self.recipient.name.text(), self.reply_to.text(), self.attachments.count()))

    def unsaved(self) -> bool:
        """Something typed on the form page that is not registered yet."""
        return self.stack.currentWidget() is self.form_page and self.has_input() and not self._busy

    def reject(self) -> None:
        """Esc on a half-filled form asks first: nothing typed is lost by accident."""
        if self.unsaved():
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("New registration"),
                              self.tr("Close the form? What you typed has not been registered."),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Close the form"))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep typing"))
            box.setDefaultButton(QMessageBox.StandardButton.No)
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def _print(self) -> None:
        if self.result_entry is not None and self.stack.currentWidget() is self.result_page:
            self.print_receipt.emit(self.result_entry)

    def show_status(self, text: str) -> None:
        self.result_status.setText(text)

    def _open_details(self) -> None:
        if self.result_entry is not None:
            self.open_entry.emit(self.result_entry.id)
            self.accept()

    def new_entry(self) -> None:
        """Back to an empty form for the next registration (direction and channel are kept)."""
        if self.stack.currentWidget() is not self.result_page:
            return
        self.result_entry = None
        for edit in (self.issuer_ref, self.subject, self.reply_to):
            edit.clear()
        self.summary.clear()
        self.sender.clear()
        self.recipient.clear()
        self.pages.setValue(0)
        self.annexes.setValue(0)
        self.doc_type.setCurrentIndex(0)
        self.compartment.setCurrentIndex(0)
        self.assignee.setCurrentIndex(0)
        self.attachments.clear()
        self.errors.clear()
        self._show_page(self.form_page)
        self.directions.checkedButton().setFocus()
