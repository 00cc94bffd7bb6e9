"""A clerk's first day, driven through the real widgets: first-run wizard, login, a petition registered
by keyboard only, its receipt, a search without diacritics, a resolution with a registered reply, and
a cancellation with a reason."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import Controller
from desktop.i18n import Language
from desktop.settings import Settings
from ui.action_dialogs import CancelDialog, ResolveDialog
from ui.entry_detail import EntryDetailDialog
from ui.entry_form import EntryForm
from ui.main_window import MainWindow

from .helpers import focused, press, tab, type_text

ADMIN_PASSWORD = "parola-buna-1"
SUBJECT = "Sesizare privind șanțurile înfundate pe ulița Morii"
CTRL = Qt.KeyboardModifier.ControlModifier


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(str(path)).pages).split())


def test_first_day_at_the_desk(qtbot, tmp_path: Path, opened, language: Language) -> None:  # noqa: ANN001
    quits: list[bool] = []
    controller = Controller(Settings(), language, tmp_path / "data", quit=lambda: quits.append(True))
    controller.start()
    try:
        _run(qtbot, controller, opened)
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.shutdown()
    assert quits == [True]  # closing the main window ends the application


def _run(qtbot, controller: Controller, opened) -> None:  # noqa: ANN001
    # --- first run: the wizard -----------------------------------------------------------------------
    qtbot.waitUntil(lambda: controller.wizard is not None and controller.wizard.isVisible())
    wizard = controller.wizard
    wizard.commune_name.setText("Comuna Florești")
    wizard.commune_code.setText("54975")
    wizard.county.setEditText("Cluj")
    wizard.next()
    wizard.full_name.setText("Ana Pop")
    wizard.password.setText(ADMIN_PASSWORD)
    wizard.password2.setText(ADMIN_PASSWORD + "x")
    wizard.accept()
    assert wizard.isVisible()  # the passwords differ: the wizard stays, the error is next to the field
    assert wizard.errors._fields["password2"][1].isVisible()
    wizard.password2.setText(ADMIN_PASSWORD)
    wizard.accept()

    # --- login ---------------------------------------------------------------------------------------
    qtbot.waitUntil(lambda: controller.login is not None and controller.login.isVisible(), timeout=10000)
    login = controller.login
    assert login.username.text() == "admin"
    login.activateWindow()
    qtbot.waitUntil(login.isActiveWindow)
    assert focused() is login.password        # the user name is known: straight to the password
    type_text("wrong-password")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.password_error.isVisible(), timeout=10000)
    assert "parol" in login.password_error.text()
    type_text(ADMIN_PASSWORD, login.password)
    press(Qt.Key.Key_Return, widget=login.password)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible(), timeout=10000)
    window: MainWindow = controller.window
    window.activateWindow()
    qtbot.waitUntil(lambda: window.choices is not None and window.isActiveWindow())

    # --- an incoming petition, keyboard only ---------------------------------------------------------
    press(Qt.Key.Key_N, CTRL, window.panel.table)
    qtbot.waitUntil(lambda: bool(window.findChildren(EntryForm)))
    form = window.findChildren(EntryForm)[0]
    qtbot.waitUntil(lambda: form.isVisible())
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    assert focused() is form.direction_in       # the form opens on its first field
    tab(2)                            # channel -> issuer's number and date
    assert focused() is form.issuer_ref
    tab()                             # sheets
    type_text("3")
    tab()                             # annexes
    type_text("1")
    tab()                             # issuer's name
    assert focused() is form.sender.name
    type_text("Gheorghe Țurcanu")
    tab(3)                            # kind, CNP/CUI -> address
    assert focused() is form.sender.address
    type_text("sat Tăuți, str. Morii nr. 12")
    tab()                             # document type: type-ahead picks "Petiție (cerere, …)"
    assert focused() is form.doc_type
    type_text("Petiție")
    assert form.doc_type.currentData() == "PETITIE"
    qtbot.waitUntil(lambda: "30" in form.deadline_label.text())
    tab()                             # subject
    assert focused() is form.subject
    type_text(SUBJECT)
    press(Qt.Key.Key_Return)          # Enter registers
    qtbot.waitUntil(lambda: form.result_entry is not None, timeout=10000)
    entry = form.result_entry
    assert form.result_number.text() == entry.ref == f"1/{date.today().year}"
    assert form.result_number.isVisible() and form.result_number.font().pointSize() >= 30
    assert entry.subject == SUBJECT and entry.pages == 3 and entry.annexes == 1
    assert entry.sender.name == "Gheorghe Țurcanu" and entry.deadline

    # --- the receipt (Ctrl+P) ------------------------------------------------------------------------
    press(Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: bool(opened.paths), timeout=10000)
    receipt = opened.paths[-1]
    text = pdf_text(receipt)
    day = date.today().strftime("%d.%m.%Y")
    assert entry.ref in text and day in text
    assert "DOVADĂ DE ÎNREGISTRARE" in text and "Gheorghe Țurcanu" in text and "șanțurile" in text
    assert re.search(r"Cod de verificare [0-9A-Z]{5}-[0-9A-Z]{5}", text)

    # --- the row is in the table ---------------------------------------------------------------------
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not form.isVisible())
    model = window.panel.model
    qtbot.waitUntil(lambda: model.rowCount() >= 1 and model.entry(0) is not None
                    and model.entry(0).ref == entry.ref, timeout=10000)

    # --- search without diacritics -------------------------------------------------------------------
    register_second(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.panel.table.setFocus()
    press(Qt.Key.Key_F, CTRL, window.panel.table)
    assert focused() is window.panel.search
    type_text("santurile infundate")
    qtbot.waitUntil(lambda: model.has_snapshot and model.rowCount() == 1 and model.entry(0).ref == entry.ref,
                    timeout=10000)

    # --- resolve with an outgoing reply registered now -----------------------------------------------
    window.panel.table.setFocus()
    window.panel.select_entry(entry.id)
    press(Qt.Key.Key_Return, widget=window.panel.table)
    qtbot.waitUntil(lambda: bool(window.findChildren(EntryDetailDialog)))
    detail = window.findChildren(EntryDetailDialog)[-1]
    qtbot.waitUntil(lambda: detail.detail is not None)
    assert detail.resolve_button.isEnabled()
    detail.resolve_button.click()
    resolve = detail.findChildren(ResolveDialog)[0]
    assert resolve.new.isChecked()                      # an incoming petition is answered in writing
    assert resolve.reply_recipient.text() == "Gheorghe Țurcanu"
    resolve.resolution.setPlainText("Șanțurile au fost curățate.")
    resolve.action_button.click()
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.view.status == "resolved", timeout=10000)
    resolved = detail.detail.view
    assert resolved.reply == f"2/{date.today().year}" or resolved.reply == f"3/{date.today().year}"
    assert any(link.kind == "reply" and link.ref == resolved.reply for link in resolved.links)
    assert "Rezolvat" in detail.badge.text()
    assert [h.action for h in detail.detail.history] == ["register", "resolve"]
    detail.accept()

    # --- cancel the other entry with a reason --------------------------------------------------------
    press(Qt.Key.Key_Escape, widget=window.panel.search)   # clears the search
    assert window.panel.search.text() == ""
    qtbot.waitUntil(lambda: model.has_snapshot and model.rowCount() == 3 and model.query.filters.text == "",
                    timeout=10000)
    second = next(model.entry(r) for r in range(3) if model.entry(r).subject == "Cerere adeverință de rol agricol")
    detail = window.open_entry(second.id)
    qtbot.waitUntil(lambda: detail.detail is not None)
    detail.cancel_button.click()
    cancel = detail.findChildren(CancelDialog)[0]
    cancel.action_button.click()                         # no reason: refused, next to the field
    qtbot.waitUntil(lambda: cancel.errors._fields["reason"][1].isVisible())
    cancel.reason.setFocus()
    type_text("Înregistrat de două ori")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.detail.view.status == "cancelled", timeout=10000)
    assert detail.detail.view.cancelled_reason == "Înregistrat de două ori"
    assert "Anulat" in detail.badge.text()
    detail.accept()
    qtbot.waitUntil(lambda: any(model.entry(r) is not None and model.entry(r).status == "cancelled"
                                for r in range(model.rowCount())), timeout=10000)
    QApplication.processEvents()


def register_second(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    form = window.new_entry()
    form.sender.name.setText("Ioana Mureșan")
    form.doc_type.setCurrentIndex(form.doc_type.findData("CERT-ATEST"))
    form.subject.setText("Cerere adeverință de rol agricol")
    form.submit()
    qtbot.waitUntil(lambda: form.result_entry is not None, timeout=10000)
    form.accept()
