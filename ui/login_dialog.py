"""Login with a local account. The password check (Argon2, deliberately slow) runs on a worker."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop import queries
from desktop.context import Session
from desktop.tasks import TaskManager
from local_db import Registry

from .widgets import FieldError, FormErrors, button


class LoginDialog(QDialog):
    logged_in = Signal(object)   # desktop.context.Session

    def __init__(self, registry: Registry, tasks: TaskManager, institution_name: str, last_username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.tasks = tasks
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Registru — log in"))
        title = QLabel(institution_name)
        font = QFont(self.font())
        font.setPointSize(13)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("Document registry"))
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit(last_username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.username_error, self.password_error, self.general_error = FieldError(), FieldError(), FieldError()
        self.errors = FormErrors(self.general_error)
        self.errors.add("username", self.username, self.username_error)
        self.errors.add("password", self.password, self.password_error)
        form = QFormLayout()
        user_label = QLabel(self.tr("&User"))
        user_label.setBuddy(self.username)
        password_label = QLabel(self.tr("&Password"))
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow("", self.username_error)
        form.addRow(password_label, self.password)
        form.addRow("", self.password_error)
        self.login_button = button(self.tr("&Log in"), default=True)
        self.login_button.setObjectName("loginButton")
        self.login_button.clicked.connect(self.submit)
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        buttons.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addLayout(buttons)
        self.setMinimumWidth(400)
        (self.password if last_username else self.username).setFocus()

    def submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        self.errors.clear()
        self.login_button.setEnabled(False)
        self.login_button.setText(self.tr("Checking…"))
        self.tasks.run(queries.login(self.registry, self.username.text(), self.password.text()), label="login",
                       on_done=self._ok, on_error=self._failed, owner=self)

    def _ok(self, session: Session) -> None:
        self.logged_in.emit(session)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.login_button.setEnabled(True)
        self.login_button.setText(self.tr("&Log in"))
        self.password.clear()
        self.errors.show(exc)
