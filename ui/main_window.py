"""The clerk's main window: menus and toolbar, the registry screen, the status bar. It opens the
forms and dialogs, starts documents and long jobs, and refreshes what a change concerns."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar, QWidget

from desktop import __version__, documents, queries
from desktop.context import AppContext
from desktop.labels import ROLE, VIEW, label
from desktop.logs import setup_logging
from desktop.queries import Choices
from desktop.sync_state import SyncStatus
from desktop.tasks import Changes, Task
from local_db.table_queries import VIEWS
from local_db.views import VerifyReport

from .admin_nomenclator import NomenclatorDialog
from .admin_users import UsersDialog
from .archive import hooks as archive_hooks  # the archive (issue 6): its menu and filing buttons
from .entry_detail import EntryDetailDialog
from .entry_form import EntryForm
from .import_dialog import ImportDialog
from .print_register_dialog import PrintRegisterDialog
from .progress import TaskProgress
from .registry_view import RegistryPanel
from .settings_dialog import SettingsDialog
from .status_bar import StatusBar
from .widgets import show_error, show_info

OUTBOX_POLL_MS = 30_000
COUNTS_POLL_MS = 600_000
MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    logout_requested = Signal()
    closed = Signal()

    def __init__(self, app: AppContext, sync: SyncStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.session = app.session
        assert self.session is not None
        self.choices: Choices | None = None
        self.daily_backup: Path | None = None  # today's automatic backup, once made
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Registru — {institution}").format(institution=self.session.institution.name))

        self.panel = RegistryPanel(app, self)
        self.panel.open_entry.connect(self.open_entry)
        self.panel.selection_changed.connect(lambda _row: self._update_actions())
        self.setCentralWidget(self.panel)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self.status.set_user(self.session.display_name, label(ROLE, self.session.actor.role))
        self.status.set_data_dir(app.data_dir)
        self.status.sync.set_state(sync.state)
        sync.changed.connect(self.status.sync.set_state)

        self._build_actions()
        app.tasks.changes.connect(self._changes)
        app.tasks.error.connect(lambda exc: show_error(self, exc))
        self._outbox_timer = QTimer(self, interval=OUTBOX_POLL_MS, timeout=self.refresh_outbox)
        self._outbox_timer.start()
        self._counts_timer = QTimer(self, interval=COUNTS_POLL_MS, timeout=self.panel.refresh_counts)
        self._counts_timer.start()
        if app.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(app.settings.window_geometry.encode()))
        else:
            self.resize(1340, 720)

        # the registry first; the lists for forms and filters, the view counts and the outbox once it shows
        self.panel.apply()
        self.panel.model.reloaded.connect(self._first_shown, Qt.ConnectionType.SingleShotConnection)
        self.panel.table.setFocus()

    def _first_shown(self) -> None:
        self.load_choices()
        self.panel.refresh_counts()
        self.refresh_outbox()
        # the automatic backup of the day (the first start of each day makes it; rotated with the rest)
        self.app.tasks.run(queries.daily_backup(self.app), lane="long", label="daily backup", cancellable=False,
                           on_done=self._daily_backup_done, owner=self)

    def _daily_backup_done(self, path: Path | None) -> None:
        self.daily_backup = path
        if path is not None:
            self.status.showMessage(self.tr("Automatic backup made: {name}").format(name=path.name), 8000)

    # --- actions --------------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, slot, shortcut: QKeySequence | str | None = None,  # noqa: ANN001
                allowed: bool = True, name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        action.setVisible(allowed)
        action.setEnabled(allowed)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        can = self.session.can
        bar = self.menuBar()
        registry = bar.addMenu(self.tr("&Registry"))
        self.new_action = self._action(registry, self.tr("&New registration…"), self.new_entry,
                                       QKeySequence.StandardKey.New, can("register"), "newEntry")
        self.open_action = self._action(registry, self.tr("&Open the card"), self.open_selected, None, True,
                                        "openEntry")
        self.receipt_action = self._action(registry, self.tr("&Print the receipt"), self.print_selected_receipt,
                                           QKeySequence.StandardKey.Print, True, "printReceipt")
        registry.addSeparator()
        self.register_action = self._action(registry, self.tr("Print the re&gister…"), self.print_register,
                                            "Ctrl+Shift+P", can("export"), "printRegister")
        registry.addSeparator()
        self._action(registry, self.tr("&Back up now"), self.backup, "Ctrl+Shift+B", can("backup"), "backup")
        self._action(registry, self.tr("&Verify integrity…"), self.verify, None, True, "verify")
        self.import_action = self._action(registry, self.tr("&Import an old register (CSV)…"), self.import_dialog,
                                          None, can("import"), "importRegister")
        registry.addSeparator()
        self._action(registry, self.tr("&Settings…"), self.settings_dialog, "Ctrl+,", True, "settings")
        self._action(registry, self.tr("&Change user"), self.logout_requested.emit, None, True, "logout")
        self._action(registry, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, True, "quit")

        view = bar.addMenu(self.tr("&View"))
        for i, code in enumerate(VIEWS):
            self._action(view, label(VIEW, code), lambda c=code: self.panel.set_view(c), f"Ctrl+{i + 1}", True,
                         f"view_{code}")
        view.addSeparator()
        self._action(view, self.tr("&Search"), self.panel.focus_search, None, True)
        self._action(view, self.tr("&Refresh"), self.panel.refresh, QKeySequence.StandardKey.Refresh, True, "refresh")
        self._action(view, self.tr("Reset &filters"), self.panel.reset_filters, None, True)

        admin = bar.addMenu(self.tr("&Administration"))
        self.users_action = self._action(admin, self.tr("&Users…"), self.users_dialog, None, can("manage_users"),
                                         "manageUsers")
        self.nomenclator_action = self._action(admin, self.tr("&Nomenclator…"), self.nomenclator_dialog, None,
                                               can("manage_nomenclator"), "manageNomenclator")
        admin.menuAction().setVisible(can("manage_users") or can("manage_nomenclator"))

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts,
                     QKeySequence.StandardKey.HelpContents)
        self._action(help_menu, self.tr("&About Registru"), self.about)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.open_action, self.receipt_action, self.register_action):
            if action.isVisible():
                toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.new_action.setToolTip(self.tr("New registration (Ctrl+N)"))
        table = self.panel.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)   # right click: the same actions
        table.addActions([self.open_action, self.receipt_action])
        archive_hooks.attach_to_main_window(self)
        self._update_actions()

    def _update_actions(self) -> None:
        selected = self.panel.selected_entry() is not None
        self.open_action.setEnabled(selected)
        self.receipt_action.setEnabled(selected)

    # --- data -----------------------------------------------------------------------------------------

    def load_choices(self) -> None:
        self.app.tasks.run(queries.choices(self.app), key="choices", label="choices", on_done=self._choices_loaded,
                           owner=self)

    def _choices_loaded(self, choices: Choices) -> None:
        self.choices = choices
        self.panel.set_choices(choices)

    def refresh_outbox(self) -> None:
        self.app.tasks.run(queries.outbox_pending(self.app), key="outbox", label="outbox",
                           on_done=self.status.set_outbox, owner=self)

    def _changes(self, changes: Changes) -> None:
        if changes.any_entries:
            self.panel.schedule_refresh()
        if changes.outbox:
            self.refresh_outbox()
        if changes.nomenclator or changes.users or changes.any_entries:
            self.load_choices()

    # --- entries --------------------------------------------------------------------------------------

    @staticmethod
    def _keep(dialog: QWidget) -> None:
        """Dialogs are children of the window (Qt keeps them alive) and are deleted when closed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def new_entry(self) -> EntryForm | None:
        if self.choices is None or not self.new_action.isEnabled():
            return None
        form = EntryForm(self.app, self.choices, self)
        archive_hooks.attach_to_entry_form(form)
        form.registered.connect(lambda entry: self.panel.select_entry(entry.id))
        form.print_receipt.connect(lambda entry: self.print_receipt(entry.id, form))
        form.open_entry.connect(self.open_entry)
        self._keep(form)
        form.open()
        return form

    def open_selected(self) -> None:
        row = self.panel.selected_entry()
        if row is not None:
            self.open_entry(row.id)

    def open_entry(self, entry_id: int) -> EntryDetailDialog | None:
        if self.choices is None:
            return None
        dialog = EntryDetailDialog(self.app, self.choices, entry_id, self)
        archive_hooks.attach_to_entry_card(dialog)
        dialog.open_entry.connect(self.open_entry)
        dialog.print_receipt.connect(lambda entry: self.print_receipt(entry.id, dialog))
        self._keep(dialog)
        dialog.open()
        return dialog

    def print_selected_receipt(self) -> None:
        row = self.panel.selected_entry()
        if row is not None:
            self.print_receipt(row.id)

    def print_receipt(self, entry_id: int, origin: QWidget | None = None) -> Task:
        """Write the receipt PDF on a worker, then open it for printing."""
        def done(path: Path) -> None:
            text = self.tr("Receipt saved: {path}").format(path=path)
            self.statusBar().showMessage(text, MESSAGE_MS)
            if hasattr(origin, "show_status"):
                origin.show_status(text)
            elif hasattr(origin, "show_message"):
                origin.show_message(text)
            self._open_document(path)
        return self.app.tasks.run(documents.receipt(self.app, entry_id), label="receipt", on_done=done,
                                  on_error=lambda exc: show_error(origin or self, exc), owner=self)

    def _open_document(self, path: Path) -> None:
        if self.app.settings.open_documents:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # --- long jobs ------------------------------------------------------------------------------------

    def print_register(self) -> None:
        if not self.register_action.isEnabled() or self.choices is None:
            return
        dialog = PrintRegisterDialog(self.choices.registers, self)
        self._keep(dialog)
        dialog.accepted.connect(lambda: self._make_register(dialog))
        dialog.open()

    def _make_register(self, dialog: PrintRegisterDialog) -> Task:
        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Register saved: {path}").format(path=path), MESSAGE_MS)
            self._open_document(path)
        task = self.app.tasks.run(documents.register_pages(self.app, dialog.period()), lane="long",
                                  label="register pages", on_done=done, on_error=lambda e: show_error(self, e),
                                  owner=self)
        self._progress(task, self.tr("Writing the register pages…"))
        return task

    def _progress(self, task: Task, text: str, cancellable: bool = True) -> TaskProgress:
        progress = TaskProgress(task, text, self, cancellable)
        self._keep(progress)
        return progress

    def backup(self) -> Task:
        task = self.app.tasks.run(queries.backup(self.app), lane="long", label="backup", cancellable=False,
                                  on_done=lambda path: show_info(self, self.tr("Backup written and checked:\n{path}")
                                                                 .format(path=path)),
                                  on_error=lambda e: show_error(self, e), owner=self)
        self._progress(task, self.tr("Making a backup…"), cancellable=False)
        return task

    def verify(self) -> Task:
        def done(report: VerifyReport) -> None:
            if report.ok:
                text = self.tr("The registry is intact: {entries} entries, {events} audit events and {files} files "
                               "checked.").format(entries=report.entries, events=report.events, files=report.blobs)
            else:
                text = self.tr("Verification found {count} problems:").format(count=len(report.problems))
                text += "\n\n" + "\n".join(report.problems[:20])
            if report.warnings:
                text += "\n\n" + "\n".join(report.warnings[:10])
            show_info(self, text, self.tr("Verify integrity"))
        task = self.app.tasks.run(queries.verify(self.app), lane="long", label="verify", cancellable=False,
                                  on_done=done, on_error=lambda e: show_error(self, e), owner=self)
        self._progress(task, self.tr("Checking the database, the audit chain and every file…"), cancellable=False)
        return task

    # --- dialogs --------------------------------------------------------------------------------------

    def import_dialog(self) -> ImportDialog | None:
        if not self.import_action.isEnabled():
            return None
        dialog = ImportDialog(self.app, self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def settings_dialog(self) -> SettingsDialog:
        dialog = SettingsDialog(self.app.settings, str(self.app.settings.documents_path(self.app.data_dir)), self)
        dialog.language_changed.connect(self.language_changed.emit)
        self._keep(dialog)
        dialog.open()
        return dialog

    def users_dialog(self) -> UsersDialog | None:
        if self.choices is None or not self.users_action.isEnabled():
            return None
        dialog = UsersDialog(self.app, self.choices, self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def nomenclator_dialog(self) -> NomenclatorDialog | None:
        if self.choices is None or not self.nomenclator_action.isEnabled():
            return None
        dialog = NomenclatorDialog(self.app, self.choices, self)
        self._keep(dialog)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> None:
        rows = [("Ctrl+N", self.tr("new registration")), ("Enter", self.tr("open the selected entry's card")),
                ("Ctrl+P", self.tr("print the receipt")), ("Ctrl+F", self.tr("search")),
                ("Ctrl+1 … Ctrl+5", self.tr("views: all, assigned to me, due soon, overdue, cancelled")),
                ("F5", self.tr("refresh")), ("Ctrl+Shift+P", self.tr("print the register")),
                ("Ctrl+Shift+B", self.tr("back up now")),
                (self.tr("In the form"), self.tr("Tab / Shift+Tab move, Enter or Ctrl+Enter registers, Ctrl+O adds a "
                                                 "file, Ctrl+V pastes a scan, Esc closes"))]
        show_info(self, "\n".join(f"{k}\t{v}" for k, v in rows), self.tr("Keyboard shortcuts"))

    def _confirm_close(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Registru"),
                          self.tr("A registration form is still open and what was typed in it is not registered. "
                                  "Close anyway?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Close"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Back to the form"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def about(self) -> None:
        show_info(self, self.tr("Registru {version}\nThe town hall's document registry.\n\nData: {data}\nLog: {log}")
                  .format(version=__version__, data=self.app.data_dir, log=setup_logging()), self.tr("About Registru"))

    def closeEvent(self, event: QCloseEvent) -> None:
        unsaved = [f for f in self.findChildren(EntryForm) if f.isVisible() and f.unsaved()]
        if unsaved and not self._confirm_close():
            event.ignore()
            return
        self.app.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.panel.save_state()
        super().closeEvent(event)
        self.closed.emit()


__all__ = ["MainWindow"]
