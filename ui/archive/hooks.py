"""Where the archive meets the registry's screens (ui/main_window.py calls these three functions):

* `attach_to_main_window(window)`: an "Arhivă" menu — the archive area (Ctrl+Shift+A) and filing the
  entries selected in the registry table (Ctrl+Shift+D; the table then accepts Shift/Ctrl selections);
* `attach_to_entry_card(dialog)`: a "File…" button on an entry's card;
* `attach_to_entry_form(form)`: a "File…" button on the form's result page, once the entry is registered.

Everything here only adds widgets next to the existing ones; nothing of the registry's screens is replaced.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QBoxLayout, QLayout, QMainWindow, QMenu, QPushButton, QWidget,
)

from .archive_area import ArchiveArea
from .file_dialog import FileIntoDossierDialog
from .i18n import install_translator

CONTEXT = "ArchiveHooks"
TEXTS = {
    "title": QT_TRANSLATE_NOOP("ArchiveHooks", "Registru — Archive — {institution}"),
    "menu": QT_TRANSLATE_NOOP("ArchiveHooks", "Arc&hive"),
    "open": QT_TRANSLATE_NOOP("ArchiveHooks", "&Open the archive"),
    "file_selection": QT_TRANSLATE_NOOP("ArchiveHooks", "&File the selected entries into a dossier…"),
    "file": QT_TRANSLATE_NOOP("ArchiveHooks", "&File…"),
    "file_card": QT_TRANSLATE_NOOP("ArchiveHooks", "File this entry into a dossier of the filing plan"),
    "file_form": QT_TRANSLATE_NOOP("ArchiveHooks", "File the entry just registered into a dossier"),
}


def t(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TEXTS[key])


class ArchiveWindow(QMainWindow):
    """The archive area in a window of its own, next to the registry (one per main window)."""

    def __init__(self, app: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("archiveWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        name = app.session.institution.name if app.session else ""
        self.setWindowTitle(t("title").format(institution=name))
        self.area = ArchiveArea(app, self)
        self.setCentralWidget(self.area)
        self.area.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.resize(1340, 720)


def _holder(root: QLayout | None, widget: QWidget) -> tuple[QBoxLayout, int] | None:
    """The box layout under `root` that holds `widget`, and the widget's index in it."""
    if root is None:
        return None
    for i in range(root.count()):
        item = root.itemAt(i)
        if item.widget() is widget and isinstance(root, QBoxLayout):
            return root, i
        found = _holder(item.layout(), widget)
        if found is not None:
            return found
    return None


def _button_next_to(owner: QWidget, anchor: QWidget, text: str, after: bool = False) -> QPushButton | None:
    button = QPushButton(text, owner)
    button.setAutoDefault(False)
    place = _holder(anchor.parentWidget().layout() if anchor.parentWidget() else None, anchor) \
        or _holder(owner.layout(), anchor)
    if place is None:
        button.deleteLater()
        return None
    layout, index = place
    layout.insertWidget(index + (1 if after else 0), button)
    return button


def _file(app: Any, entry_ids: list[int], parent: QWidget) -> FileIntoDossierDialog | None:
    if not entry_ids:
        return None
    dialog = FileIntoDossierDialog(app, entry_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# --- main window -------------------------------------------------------------------------------------------

def selected_entry_ids(window: Any) -> list[int]:
    """Entries selected in the registry table (loaded rows), or the current one."""
    table = window.panel.table
    model = window.panel.model
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    ids = [e.id for e in (model.entry(r) for r in rows) if e is not None]
    if not ids:
        current = window.panel.selected_entry()
        ids = [current.id] if current is not None else []
    return ids


def open_archive(window: Any) -> ArchiveWindow:
    win = getattr(window, "archive_window", None)
    if win is None:
        win = ArchiveWindow(window.app, window)
        window.archive_window = win
    win.show()
    win.raise_()
    win.activateWindow()
    return win


def file_selection(window: Any) -> FileIntoDossierDialog | None:
    if not window.session.can("file_entries"):
        return None
    return _file(window.app, selected_entry_ids(window), window)


def attach_to_main_window(window: Any) -> QMenu:
    install_translator()
    bar = window.menuBar()
    menu = QMenu(t("menu"), window)
    menu.setObjectName("archiveMenu")
    menus = [a for a in bar.actions() if a.menu() is not None]
    if menus:
        bar.insertMenu(menus[-1], menu)  # before Help
    else:
        bar.addMenu(menu)
    open_action = QAction(t("open"), window)
    open_action.setObjectName("openArchive")
    open_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
    open_action.triggered.connect(lambda _=False: open_archive(window))
    file_action = QAction(t("file_selection"), window)
    file_action.setObjectName("fileSelection")
    file_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
    file_action.triggered.connect(lambda _=False: file_selection(window))
    file_action.setVisible(window.session.can("file_entries"))
    menu.addAction(open_action)
    menu.addAction(file_action)
    window.addAction(open_action)
    window.addAction(file_action)
    # filing in bulk: Shift/Ctrl add rows to the selection (the current row stays what it was)
    window.panel.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    window.archive_menu = menu
    window.archive_window = None
    return menu


# --- the entry's card and form -------------------------------------------------------------------------------

def attach_to_entry_card(dialog: Any) -> QPushButton | None:
    session = dialog.app.session
    if session is None or not session.can("file_entries"):
        return None
    install_translator()
    button = _button_next_to(dialog, dialog.receipt_button, t("file"))
    if button is not None:
        button.setObjectName("fileEntryButton")
        button.setToolTip(t("file_card"))
        button.clicked.connect(lambda: _file(dialog.app, [dialog.entry_id], dialog))
    return button


def attach_to_entry_form(form: Any) -> QPushButton | None:
    session = form.app.session
    if session is None or not session.can("file_entries"):
        return None
    install_translator()
    button = _button_next_to(form, form.details_button, t("file"), after=True)
    if button is not None:
        button.setObjectName("fileNewEntryButton")
        button.setToolTip(t("file_form"))
        button.clicked.connect(lambda: _file(form.app, [form.result_entry.id], form)
                               if form.result_entry is not None else None)
    return button


__all__ = ["attach_to_main_window", "attach_to_entry_card", "attach_to_entry_form", "ArchiveWindow"]
