"""The new-entry form: errors next to the field with nothing typed lost, files by paste and drop,
senders suggested from history, an outgoing reply linked to the entry it answers."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QDialog

from desktop.sync_state import SyncStatus
from local_db import NewEntry, Party
from ui.entry_form import EntryForm
from ui.main_window import MainWindow

from .conftest import Harness
from .helpers import type_text


def _form(qtbot, harness: Harness, user: str = "maria") -> tuple[MainWindow, EntryForm]:  # noqa: ANN001
    harness.login(user)
    window = MainWindow(harness.app, SyncStatus())
    # at teardown, drop forms left half-typed (closing the window would rightly ask about them)
    qtbot.addWidget(window, before_close_func=lambda w: [QDialog.done(f, 0) for f in w.findChildren(EntryForm)])
    window.show()
    qtbot.waitUntil(lambda: window.choices is not None)
    form = window.new_entry()
    assert form is not None
    return window, form


def _scan(tmp_path: Path, name: str = "scan.png") -> Path:
    img = QImage(200, 280, QImage.Format.Format_RGB32)
    img.fill(QColor("#fafafa"))
    path = tmp_path / name
    img.save(str(path))
    return path


def test_errors_show_next_to_the_field_and_nothing_is_lost(qtbot, harness: Harness) -> None:  # noqa: ANN001
    _window, form = _form(qtbot, harness)
    form.subject.setText("Cerere fără expeditor")
    form.summary.setPlainText("Observații scrise cu grijă")
    form.pages.setValue(2)
    form.submit()
    qtbot.waitUntil(lambda: form.sender.name_error.isVisible())
    assert "expeditor" in form.sender.name_error.text()
    assert form.subject.text() == "Cerere fără expeditor" and form.summary.toPlainText() == "Observații scrise cu grijă"
    assert form.pages.value() == 2 and form.result_entry is None
    form.sender.name.setText("Ion Pop")
    form.sender.idno.setText("1630615123458")            # a CNP with a wrong check digit
    form.submit()
    qtbot.waitUntil(lambda: form.sender.idno_error.isVisible())
    assert "CNP" in form.sender.idno_error.text() and not form.sender.name_error.isVisible()
    assert form.sender.idno.hasFocus() or not form.isActiveWindow()
    form.sender.idno.setText("1630615123457")
    form.submit()
    qtbot.waitUntil(lambda: form.result_entry is not None)
    assert form.result_entry.sender.idno.startswith("1") and "*" in form.result_entry.sender.idno   # masked


def test_files_by_dialog_paste_and_drop(qtbot, harness: Harness, tmp_path: Path) -> None:  # noqa: ANN001
    _window, form = _form(qtbot, harness)
    first, second = _scan(tmp_path, "sesizare.png"), _scan(tmp_path, "anexa.png")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first))])
    QGuiApplication.clipboard().setMimeData(mime)
    assert form.attachments.paste()
    image = QImage(50, 50, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    QGuiApplication.clipboard().setImage(image)          # a scan pasted from the scanner's program
    assert form.attachments.paste()
    drop = QMimeData()
    drop.setUrls([QUrl.fromLocalFile(str(second))])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, drop, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    form.dropEvent(event)   # dropped anywhere on the form (Qt delivers drops only during a real drag)
    names = [Path(p).name for p in form.attachments.paths()]
    assert names[0] == "sesizare.png" and names[1].startswith("scan-") and names[2] == "anexa.png"
    form.sender.name.setText("Vasile Lungu")
    form.subject.setText("Cerere cu anexe")
    form.submit()
    qtbot.waitUntil(lambda: form.result_entry is not None)
    assert len(form.result_entry.attachments) == 3


def test_senders_are_suggested_from_history(qtbot, harness: Harness) -> None:  # noqa: ANN001
    actor = harness.login("maria").actor
    harness.registry.entries.register(actor, NewEntry(direction="in", subject="Adresă", sender=Party(
        "Instituția Prefectului Cluj", "institution", "", "Bd. 21 Decembrie 1989 nr. 58")))
    _window, form = _form(qtbot, harness)
    type_text("Instit", form.sender.name)
    qtbot.waitUntil(lambda: "Instituția Prefectului Cluj" in form.sender._model.stringList(), timeout=5000)
    form.sender.completer.activated[str].emit("Instituția Prefectului Cluj")
    assert form.sender.kind.currentData() == "institution"
    assert form.sender.address.text() == "Bd. 21 Decembrie 1989 nr. 58"


def test_outgoing_reply_resolves_the_incoming_entry(qtbot, harness: Harness) -> None:  # noqa: ANN001
    actor = harness.login("maria").actor
    incoming = harness.registry.entries.register(actor, NewEntry(direction="in", subject="Cerere informații",
                                                                 doc_type="INFO-544", sender=Party("Ana Pop")))
    _window, form = _form(qtbot, harness)
    form.direction_out.setChecked(True)
    assert form.recipient.isVisible() and not form.sender.isVisible() and form.reply_to.isVisible()
    form.recipient.name.setText("Ana Pop")
    form.subject.setText("Răspuns la cererea de informații")
    form.reply_to.setText("999/1990")
    form.submit()
    qtbot.waitUntil(lambda: any(label.isVisible() for label in form.findChildren(type(form.general_error))
                                if label.text()))
    assert form.result_entry is None and form.reply_to.text() == "999/1990"
    form.reply_to.setText(incoming.ref)
    form.submit()
    qtbot.waitUntil(lambda: form.result_entry is not None)
    answered = harness.registry.entries.get(incoming.ref)
    assert answered.status == "resolved" and answered.reply == form.result_entry.ref


def test_enter_registers_and_ctrl_n_starts_the_next(qtbot, harness: Harness) -> None:  # noqa: ANN001
    _window, form = _form(qtbot, harness)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.sender.name.setFocus()
    type_text("Ilie Moldovan")
    form.subject.setFocus()
    type_text("Cerere certificat de producător")
    qtbot.keyClick(form.subject, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.result_entry is not None)
    first = form.result_entry.number
    qtbot.keyClick(form, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert form.stack.currentWidget() is form.form_page and form.subject.text() == "" and form.result_entry is None
    assert form.direction_in.isChecked()
    form.sender.name.setText("Maria Pop")
    form.subject.setText("A doua cerere")
    qtbot.keyClick(form.subject, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.result_entry is not None)
    assert form.result_entry.number == first + 1


def test_closing_the_window_asks_before_losing_a_typed_form(qtbot, harness: Harness) -> None:  # noqa: ANN001
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    window, form = _form(qtbot, harness)
    form.subject.setText("Cerere pe jumătate scrisă")
    answers: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        if not boxes:                                # not shown yet: try again in a moment
            QTimer.singleShot(20, lambda: answer(button))
            return
        answers.append(boxes[0].text())
        boxes[0].button(button).click()
    QTimer.singleShot(50, lambda: answer(QMessageBox.StandardButton.No))
    window.close()
    assert window.isVisible() and form.subject.text() == "Cerere pe jumătate scrisă"
    assert "nu este înregistrat" in answers[0]
    QTimer.singleShot(50, lambda: answer(QMessageBox.StandardButton.Yes))
    window.close()
    assert not window.isVisible()
