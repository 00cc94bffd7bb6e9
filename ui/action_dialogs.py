"""Confirmation dialogs for the actions on an entry: assign, resolve (with its reply), extend the
deadline, cancel. Each names the consequence on its action button, runs the operation in the background
and, when the core refuses, shows why next to the field concerned (nothing typed is lost)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from desktop import ops
from desktop.context import AppContext
from desktop.formatting import ro_date
from desktop.labels import RESOLUTION, label
from desktop.queries import Choices
from local_db import NewEntry, Party
from local_db.views import EntryView

from .widgets import FieldError, FormErrors, button

class ActionDialog(QDialog):
    """Common frame: a heading naming the entry, a form, an error line and two buttons."""
    done = Signal(object)   # the EntryView after the action

    def __init__(self, app: AppContext, entry: EntryView, title: str, action_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.entry = entry
        self.setWindowTitle(f"{title} — {entry.ref}")
        heading = QLabel(f"<b>{entry.ref}</b> — {entry.subject}")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.general_error = FieldError()
        self.errors = FormErrors(self.general_error)
        self.action_button = button(action_text, default=True)
        self.action_button.setObjectName("actionButton")
        self.action_button.clicked.connect(self._confirm)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.action_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)

    def field(self, text: str, widget: QWidget, name: str | None = None) -> None:
        lab = QLabel(text)
        lab.setBuddy(widget)
        self.form.addRow(lab, widget)
        if name:
            err = FieldError()
            self.form.addRow("", err)
            self.errors.add(name, widget, err)

    def operation(self):  # noqa: ANN201 - an ops.* callable
        raise NotImplementedError

    def _confirm(self) -> None:
        self.errors.clear()
        self.action_button.setEnabled(False)
        self.app.tasks.run_op(self.operation(), label=self.windowTitle(), on_done=self._succeeded,
                              on_error=self._failed, owner=self)

    def _succeeded(self, view: EntryView) -> None:
        self.done.emit(view)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.action_button.setEnabled(True)
        self.errors.show(exc)


def _users_combo(choices: Choices, current: str | None, nobody: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(nobody, None)
    for u in choices.users:
        combo.addItem(u.full_name or u.username, u.username)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class AssignDialog(ActionDialog):
    def __init__(self, app: AppContext, entry: EntryView, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(app, entry, self.tr("Assign"), self.tr("&Assign"), parent)
        self.compartment = QComboBox()
        self.compartment.addItem(self.tr("— keep / from the person —"), None)
        for c in choices.compartments:
            self.compartment.addItem(c.name, c.code)
        self.compartment.setCurrentIndex(max(0, self.compartment.findData(entry.compartment)))
        self.assignee = _users_combo(choices, entry.assignee, self.tr("— nobody in particular —"))
        self.instruction = QPlainTextEdit(entry.instruction)
        self.instruction.setTabChangesFocus(True)
        self.instruction.setFixedHeight(60)
        self.field(self.tr("&Compartment"), self.compartment, "compartment")
        self.field(self.tr("&Person"), self.assignee, "assignee")
        self.field(self.tr("&Instruction (head's note)"), self.instruction, "summary")
        self.compartment.setFocus()

    def operation(self):  # noqa: ANN201
        return ops.assign_entry(self.app, self.entry.ref, self.compartment.currentData(), self.assignee.currentData(),
                                self.instruction.toPlainText())


class CancelDialog(ActionDialog):
    def __init__(self, app: AppContext, entry: EntryView, parent: QWidget | None = None) -> None:
        super().__init__(app, entry, self.tr("Cancel the entry"), self.tr("Cancel &the entry"), parent)
        warning = QLabel(self.tr("The entry will be marked CANCELLED. Its number stays taken in the register and is "
                            "never reused; the reason, your name and the time are recorded."))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a4b00;")
        self.form.addRow(warning)
        self.reason = QLineEdit()
        self.reason.setMaxLength(1000)
        self.reason.setPlaceholderText(self.tr("e.g. registered twice by mistake (see 126/2026)"))
        self.field(self.tr("&Reason"), self.reason, "reason")
        self.reason.setFocus()

    def operation(self):  # noqa: ANN201
        return ops.cancel_entry(self.app, self.entry.ref, self.reason.text())


class ExtendDialog(ActionDialog):
    def __init__(self, app: AppContext, entry: EntryView, max_days: int, parent: QWidget | None = None) -> None:
        super().__init__(app, entry, self.tr("Extend the deadline"), self.tr("&Extend"), parent)
        self.form.addRow(QLabel(self.tr("Current deadline: {date}").format(date=ro_date(entry.deadline))))
        self.days = QSpinBox()
        self.days.setRange(1, max(1, max_days or 365))
        self.days.setValue(max(1, max_days) if max_days else 15)
        self.days.setSuffix(" " + self.tr("days"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. information requested from the county council"))
        self.field(self.tr("&Days"), self.days, "days")
        self.field(self.tr("&Reason"), self.reason, "reason")
        if max_days:
            self.form.addRow(QLabel(self.tr("The law allows at most {days} more days for this document type.")
                                    .format(days=max_days)))
        self.days.setFocus()

    def operation(self):  # noqa: ANN201
        return ops.extend_deadline(self.app, self.entry.ref, self.days.value(), self.reason.text())


class ResolveDialog(ActionDialog):
    """Resolve an entry; its answer can be an outgoing entry already registered, or registered now."""
    NO_REPLY, EXISTING, NEW = range(3)

    def __init__(self, app: AppContext, entry: EntryView, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(app, entry, self.tr("Resolve"), self.tr("Re&solve"), parent)
        self.choices = choices
        self.kind = QComboBox()
        for code in RESOLUTION:
            self.kind.addItem(label(RESOLUTION, code), code)
        self.resolution = QPlainTextEdit()
        self.resolution.setTabChangesFocus(True)
        self.resolution.setFixedHeight(52)
        self.field(self.tr("&How"), self.kind, "resolution")
        self.field(self.tr("N&otes"), self.resolution)

        self.no_reply = QRadioButton(self.tr("&No written reply"))
        self.existing = QRadioButton(self.tr("The reply is &already registered, no.:"))
        self.new = QRadioButton(self.tr("Register the &reply now (a new outgoing entry)"))
        self.reply_group = QButtonGroup(self)
        for i, radio in enumerate((self.no_reply, self.existing, self.new)):
            self.reply_group.addButton(radio, i)
        self.reply_ref = QLineEdit()
        self.reply_ref.setPlaceholderText(self.tr("no./year, e.g. 130/2026"))
        existing_row = QWidget()
        row = QHBoxLayout(existing_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.existing)
        row.addWidget(self.reply_ref, 1)

        self.reply_recipient = QLineEdit(entry.sender.name if entry.direction == "in" else entry.recipient.name)
        self.reply_address = QLineEdit(entry.sender.address if entry.direction == "in" else entry.recipient.address)
        reply_subject = self.tr("Reply to no. {ref}: {subject}").format(ref=entry.ref, subject=entry.subject)
        self.reply_subject = QLineEdit(reply_subject[:500])
        self.reply_subject.setCursorPosition(0)
        self.reply_pages = QSpinBox()
        self.reply_pages.setRange(0, 10000)
        self.reply_pages.setValue(1)
        self.reply_box = QWidget()
        reply_form = QFormLayout(self.reply_box)
        reply_form.setContentsMargins(24, 0, 0, 0)
        reply_fields = ((self.tr("Re&cipient"), self.reply_recipient, "recipient_name"),
                        (self.tr("Add&ress"), self.reply_address, None),
                        (self.tr("Su&bject"), self.reply_subject, "subject"),
                        (self.tr("Shee&ts"), self.reply_pages, "pages"))
        for text, widget, name in reply_fields:
            lab = QLabel(text)
            lab.setBuddy(widget)
            reply_form.addRow(lab, widget)
            if name:
                err = FieldError()
                reply_form.addRow("", err)
                self.errors.add(name, widget, err)
        reply_error = FieldError()
        self.errors.add("reply_to", self.reply_ref, reply_error)
        self.errors.add("number", self.reply_ref, reply_error)
        self.form.addRow(self.no_reply)
        self.form.addRow(existing_row)
        self.form.addRow(reply_error)
        self.form.addRow(self.new)
        self.form.addRow(self.reply_box)
        self.reply_group.idToggled.connect(lambda *_: self._reply_mode())
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        (self.new if entry.direction == "in" else self.no_reply).setChecked(True)
        self._reply_mode()
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        if self.kind.currentData() != "answered" and self.reply_group.checkedId() == self.NEW:
            self.no_reply.setChecked(True)

    def _reply_mode(self) -> None:
        mode = self.reply_group.checkedId()
        self.reply_ref.setEnabled(mode == self.EXISTING)
        self.reply_box.setEnabled(mode == self.NEW)

    def reply_entry(self) -> NewEntry:
        sender_kind = self.entry.sender.kind if self.entry.direction == "in" else self.entry.recipient.kind
        return NewEntry(direction="out", subject=self.reply_subject.text(), doc_type=_reply_type(self.choices),
                        recipient=Party(self.reply_recipient.text(), sender_kind or "person", "",
                                        self.reply_address.text()),
                        channel="post", pages=self.reply_pages.value(), compartment=self.entry.compartment,
                        reply_to=None)

    def operation(self):  # noqa: ANN201
        mode = self.reply_group.checkedId()
        return ops.resolve_entry(self.app, self.entry.ref, self.kind.currentData(), self.resolution.toPlainText(),
                                 reply_ref=self.reply_ref.text().strip() or None if mode == self.EXISTING else None,
                                 reply=self.reply_entry() if mode == self.NEW else None)


def _reply_type(choices: Choices) -> str | None:
    return "RASPUNS" if any(d.code == "RASPUNS" for d in choices.doc_types) else None


__all__ = ["ActionDialog", "AssignDialog", "CancelDialog", "ExtendDialog", "ResolveDialog"]
