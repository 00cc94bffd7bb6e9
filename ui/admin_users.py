"""User accounts (administrators only): list, add, disable/enable, set a password."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from desktop import ops, queries
from desktop.context import AppContext
from desktop.labels import ROLE, label
from desktop.queries import Choices
from desktop.tasks import Changes
from local_db.models import ROLES
from local_db.views import UserView

from .widgets import FieldError, FormErrors, button, show_error


class UsersDialog(QDialog):
    def __init__(self, app: AppContext, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.choices = choices
        self.users: list[UserView] = []
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Name"), self.tr("Role"),
                                              self.tr("Compartment"), self.tr("Active")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("&New user…"))
        add.clicked.connect(self.add_user)
        self.toggle = QPushButton(self.tr("&Disable / enable"))
        self.toggle.clicked.connect(self.toggle_active)
        password = QPushButton(self.tr("Set &password…"))
        password.clicked.connect(self.set_password)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (add, self.toggle, password):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.resize(760, 420)
        app.tasks.changes.connect(self._changes)
        self.load()

    def load(self) -> None:
        self.app.tasks.run(queries.all_users(self.app), label="users", on_done=self._loaded, owner=self)

    def _changes(self, changes: Changes) -> None:
        if changes.users:
            self.load()

    def _loaded(self, users: list[UserView]) -> None:
        self.users = users
        names = {c.code: c.name for c in self.choices.compartments}
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            values = (u.username, u.full_name, label(ROLE, u.role), names.get(u.compartment or "", ""),
                      self.tr("yes") if u.active else self.tr("no"))
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _selected(self) -> UserView | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def add_user(self) -> None:
        dialog = NewUserDialog(self.app, self.choices, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def toggle_active(self) -> None:
        user = self._selected()
        if user is not None:
            self.app.tasks.run_op(ops.set_user_active(self.app, user.username, not user.active), label="user active",
                                  on_error=lambda e: show_error(self, e), owner=self)

    def set_password(self) -> None:
        user = self._selected()
        if user is not None:
            dialog = PasswordDialog(self.app, user.username, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()


class _UserForm(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.general_error = FieldError()
        self.errors = FormErrors(self.general_error)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)

    def row(self, text: str, widget: QWidget, field: str | None = None) -> None:
        lab = QLabel(text)
        lab.setBuddy(widget)
        self.form.addRow(lab, widget)
        if field:
            err = FieldError()
            self.form.addRow("", err)
            self.errors.add(field, widget, err)

    def finish(self, ok_text: str) -> None:
        self.ok = button(ok_text, default=True)
        self.ok.clicked.connect(self._submit)
        cancel = QPushButton(QCoreApplication.translate("UserForm", "Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)

    def _submit(self) -> None:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.errors.show(exc)


class NewUserDialog(_UserForm):
    def __init__(self, app: AppContext, choices: Choices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setWindowTitle(self.tr("New user"))
        self.username = QLineEdit()
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for code in ROLES:
            self.role.addItem(label(ROLE, code), code)
        self.compartment = QComboBox()
        self.compartment.addItem(self.tr("— none —"), None)
        for c in choices.compartments:
            self.compartment.addItem(c.name, c.code)
        self.row(self.tr("&User name"), self.username, "username")
        self.row(self.tr("&Full name"), self.full_name)
        self.row(self.tr("&Role"), self.role, "role")
        self.row(self.tr("&Compartment"), self.compartment, "compartment")
        self.row(self.tr("&Password"), self.password, "password")
        self.row(self.tr("R&epeat the password"), self.password2, "password2")
        self.finish(self.tr("&Create the account"))

    def _submit(self) -> None:
        if self.password.text() != self.password2.text():
            self.errors.show_text("password2", self.tr("The two passwords differ."))
            return
        self.ok.setEnabled(False)
        self.app.tasks.run_op(ops.add_user(self.app, self.username.text(), self.password.text(),
                                           self.role.currentData(), self.full_name.text(),
                                           self.compartment.currentData()),
                              label="add user", on_done=lambda _u: self.accept(), on_error=self._failed, owner=self)


class PasswordDialog(_UserForm):
    def __init__(self, app: AppContext, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.username = username
        self.setWindowTitle(self.tr("New password for {user}").format(user=username))
        self.row(self.tr("&Password"), self.password, "password")
        self.row(self.tr("R&epeat the password"), self.password2, "password2")
        self.finish(self.tr("&Set the password"))

    def _submit(self) -> None:
        if self.password.text() != self.password2.text():
            self.errors.show_text("password2", self.tr("The two passwords differ."))
            return
        self.ok.setEnabled(False)
        self.app.tasks.run_op(ops.set_password(self.app, self.username, self.password.text()), label="set password",
                              on_done=lambda _n: self.accept(), on_error=self._failed, owner=self)
