"""First login with the one-time password of a provisioning file (`admin.must_change_password`): the
administrator chooses their own password before the main window opens. Texts come from the core's
catalogue (desktop.package_messages), in the interface language."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop import provisioning
from desktop.context import AppContext, Session
from desktop.package_messages import tr
from desktop.tasks import Changes, OpResult, TaskManager
from local_db.errors import ValidationError

from .widgets import FieldError, button, error_text


def change_password_op(app: AppContext, session: Session, password: str) -> Callable[[Any], OpResult[None]]:
    def run(_ctx: Any) -> OpResult[None]:
        reg = app.registry
        try:
            reg.users.authenticate(session.actor.username, password)
        except Exception:  # noqa: BLE001 - a different password: what we want
            pass
        else:
            raise ValidationError("pkg.pw.same", field="password")
        reg.users.set_password(session.actor, session.actor.username, password)
        provisioning.password_changed(reg, session.actor.username)
        return OpResult(None, Changes(users=True))
    return run


class PasswordChangeDialog(QDialog):
    def __init__(self, app: AppContext, session: Session, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app, self.session, self.tasks = app, session, tasks
        self.setObjectName("passwordChangeDialog")
        self.setWindowTitle(tr("pkg.pw.title"))
        intro = QLabel(tr("pkg.pw.intro"))
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow(tr("pkg.pw.new"), self.password)
        form.addRow(tr("pkg.pw.repeat"), self.repeat)
        self.ok = button("OK", default=True)
        self.ok.setObjectName("changePassword")
        self.ok.clicked.connect(self.submit)
        cancel = QPushButton(tr("pkg.pw.cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        self.password.setFocus()

    def submit(self) -> None:
        self.error.show_message("")
        if self.password.text() != self.repeat.text():
            self.error.show_message(tr("pkg.pw.mismatch"))
            return
        self.ok.setEnabled(False)
        self.tasks.run_op(change_password_op(self.app, self.session, self.password.text()), label="first password",
                          on_done=lambda _r: self.accept(), on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.error.show_message(error_text(exc, with_field=False))


def ask_new_password(app: AppContext, session: Session, tasks: TaskManager, on_changed: Callable[[Session], None],
                     on_cancel: Callable[[], None]) -> PasswordChangeDialog:
    app.session = session  # the op acts as this administrator
    dialog = PasswordChangeDialog(app, session, tasks)
    dialog.accepted.connect(lambda: on_changed(session))
    dialog.rejected.connect(on_cancel)
    _open.append(dialog)  # no parent window: keep it alive until it closes
    dialog.finished.connect(lambda _r: _open.remove(dialog) if dialog in _open else None)
    dialog.show()
    return dialog


_open: list[PasswordChangeDialog] = []
