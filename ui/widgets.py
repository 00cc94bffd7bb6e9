"""Small widgets and helpers shared by the screens: error labels next to fields, message boxes with
translated buttons, an optional date field."""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit, QDialogButtonBox, QLabel, QMessageBox, QPushButton, QSizePolicy, QWidget,
)

from desktop.logs import setup_logging
from local_db import messages
from local_db.errors import RegistruError

def error_text(exc: BaseException, with_field: bool = False) -> str:
    """A readable message for an exception from the core (in the interface language)."""
    if isinstance(exc, RegistruError):
        return exc.message() if with_field else messages.tr(exc.code, None, **exc.params)
    detail = f"{type(exc).__name__}: {exc}"[:300]
    text = QCoreApplication.translate("Widgets", "Unexpected error: {detail}. Details are in the log: {log}")
    return text.format(detail=detail, log=setup_logging())


class FieldError(QLabel):
    """A red message under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FormErrors:
    """Routes a core error to the label of the field it names (RegistruError.field), focusing that
    field; errors for fields the form does not show go to a general label."""

    def __init__(self, general: FieldError) -> None:
        self.general = general
        self._fields: dict[str, tuple[QWidget, FieldError]] = {}

    def add(self, field: str, widget: QWidget, label: FieldError) -> None:
        self._fields[field] = (widget, label)

    def clear(self) -> None:
        self.general.show_message("")
        for widget, label in self._fields.values():
            label.show_message("")
            widget.setProperty("invalid", False)
            widget.setStyleSheet("")

    def show_text(self, field: str, text: str) -> None:
        """A message of the form's own (not from the core) under `field`."""
        self.clear()
        widget, label = self._fields[field]
        label.show_message(text)
        widget.setStyleSheet("border: 1px solid #b00020;")
        widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show(self, exc: BaseException) -> str:
        """Show `exc`; returns the field it was shown at ('' for the general label)."""
        self.clear()
        field = exc.field if isinstance(exc, RegistruError) else None
        if field and field in self._fields and self._fields[field][0].isVisibleTo(self.general.window()):
            widget, label = self._fields[field]
            label.show_message(error_text(exc))
            widget.setProperty("invalid", True)
            widget.setStyleSheet("border: 1px solid #b00020;")
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return field
        self.general.show_message(error_text(exc, with_field=True))
        return ""


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title or QCoreApplication.translate("Widgets", "Registru"),
                      error_text(exc, with_field=True),
                      QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("Widgets", "OK"))
    box.open()


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title or QCoreApplication.translate("Widgets", "Registru"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("Widgets", "OK"))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def translate_buttons(box: QDialogButtonBox) -> None:
    """Our own texts for standard buttons (Qt's own translations are not shipped)."""
    texts = {
        QDialogButtonBox.StandardButton.Ok: QCoreApplication.translate("Widgets", "OK"),
        QDialogButtonBox.StandardButton.Cancel: QCoreApplication.translate("Widgets", "Cancel"),
        QDialogButtonBox.StandardButton.Close: QCoreApplication.translate("Widgets", "Close"),
        QDialogButtonBox.StandardButton.Save: QCoreApplication.translate("Widgets", "Save"),
    }
    for which, text in texts.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)


def button(text: str, default: bool = False, parent: QWidget | None = None) -> QPushButton:
    b = QPushButton(text, parent)
    b.setDefault(default)
    b.setAutoDefault(default)
    return b


class OptionalDateEdit(QDateEdit):
    """A date field that can also be empty (shown as '—'): the minimum date stands for 'not set'."""
    EMPTY = QDate(2000, 1, 1)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setMinimumDate(self.EMPTY)
        self.setSpecialValueText("—")
        self.setDate(self.EMPTY)

    def value(self):  # noqa: ANN201 - date | None
        d = self.date()
        return None if d == self.EMPTY else d.toPython()

    def clear_value(self) -> None:
        self.setDate(self.EMPTY)


def set_tab_order(widgets: Iterable[QWidget]) -> None:
    items = list(widgets)
    for a, b in zip(items, items[1:]):
        QWidget.setTabOrder(a, b)
