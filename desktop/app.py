"""`registru` with no subcommand: the clerk's desktop application.

Start-up: open the data dir on a worker (migrating after a backup if needed); an empty data dir is
set up from a provisioning file when there is one (desktop.provisioning), otherwise by the first-run
wizard; then the login dialog; then the main window. Changing the language rebuilds the main window;
"Change user" goes back to the login dialog.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Callable

from .qt_compat import GuiThreadGarbageCollector, protect_none

protect_none()

from PySide6.QtCore import QObject, Qt, Signal  # noqa: E402 - after the PySide6 work-around above
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from . import provisioning, queries  # noqa: E402
from .context import AppContext, Session  # noqa: E402
from .fonts import register_fonts, ui_font  # noqa: E402
from .i18n import Language  # noqa: E402
from .logs import setup_logging  # noqa: E402
from .settings import Settings  # noqa: E402
from .sync_state import SyncStatus  # noqa: E402
from .tasks import TaskManager  # noqa: E402

log = logging.getLogger(__name__)
_collector: GuiThreadGarbageCollector | None = None


class Controller(QObject):
    """Walks the application from start-up to the main window and back (logout, language change).

    `shutting_down` is emitted once before the workers stop and the database closes: background services
    other issues attach (sync) stop their threads on it, in tests as in the application."""
    shutting_down = Signal()

    def __init__(self, settings: Settings, language: Language, data_dir: Path, provision: str | None = None,
                 quit: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.language = language
        self.data_dir = data_dir
        self.provision = provision
        self.quit = quit or QApplication.quit
        self.tasks = TaskManager(self)
        self.sync = SyncStatus(self)
        self.app: AppContext | None = None
        self.wizard: QWidget | None = None
        self.login: QWidget | None = None
        self.window: QWidget | None = None
        self._switching = False
        self._provision_tried = False
        self._provision_error = ""
        self._provisioned_user = ""

    # --- start-up -------------------------------------------------------------------------------------

    def start(self) -> None:
        self.tasks.run(queries.open_registry(self.data_dir), lane="write", label="open registry",
                       on_done=self._opened, on_error=self._fatal)

    def _fatal(self, exc: BaseException) -> None:
        from ui.widgets import error_text
        log.error("cannot start: %s", exc)
        box = QMessageBox(QMessageBox.Icon.Critical, "Registru", error_text(exc, with_field=True))
        box.exec()
        self.quit()

    def _opened(self, startup: queries.Startup) -> None:
        self.app = AppContext(startup.registry, self.tasks, self.settings)
        if startup.initialised:
            self.show_login(self._provisioned_user)
            return
        path = None
        if not self._provision_tried:  # an empty data dir: a provisioning file sets it up (once per start)
            self._provision_tried = True
            try:
                path = provisioning.find(self.provision, self.data_dir)
            except provisioning.ProvisioningError as exc:
                self._provision_error = str(exc)
        if path is None:
            self.show_wizard()
            self._warn_provisioning()
            return
        log.info("provisioning from %s", path)
        startup.registry.close()  # provisioning builds the registry beside the data dir, then moves it in
        self.app = None
        self.tasks.run(provisioning.task(path, self.data_dir), lane="write", label="provision",
                       on_done=self._provisioned, on_error=self._provisioning_failed)

    def _provisioned(self, result: provisioning.Result) -> None:
        self._provisioned_user = result.admin_username
        self.start()

    def _provisioning_failed(self, exc: BaseException) -> None:
        log.warning("provisioning refused: %s", exc)
        self._provision_error = str(exc)
        self.start()  # the data dir is as it was: reopen it and go on with the wizard

    def _warn_provisioning(self) -> None:
        if self._provision_error and self.wizard is not None:
            from .package_messages import tr
            box = QMessageBox(QMessageBox.Icon.Warning, "Registru",
                              tr("pkg.prov.gui_failed", detail=self._provision_error), parent=self.wizard)
            box.setObjectName("provisioningFailed")
            box.open()

    def show_wizard(self) -> None:
        from ui.setup_wizard import SetupWizard
        assert self.app is not None
        wizard = SetupWizard(self.app.registry, self.tasks)
        wizard.initialised.connect(lambda _inst: self.show_login(wizard.username.text().strip().lower()))
        wizard.rejected.connect(self.quit)
        self.wizard = wizard
        wizard.show()

    def show_login(self, username: str = "") -> None:
        from ui.login_dialog import LoginDialog
        assert self.app is not None
        name = self.app.registry.institution().name
        dialog = LoginDialog(self.app.registry, self.tasks, name, username or self.settings.last_username)
        dialog.logged_in.connect(self._logged_in)
        dialog.rejected.connect(self.quit)
        self.login = dialog
        dialog.show()

    def _logged_in(self, session: Session) -> None:
        assert self.app is not None
        if provisioning.password_change_required(self.app.registry, session.actor.username):
            from ui.password_change_dialog import ask_new_password  # one-time password from provisioning
            ask_new_password(self.app, session, self.tasks, on_changed=self._logged_in, on_cancel=self.quit)
            return
        self.settings.last_username = session.actor.username
        self.app.session = session
        if _collector is not None:
            _collector.freeze()     # between two interactions: the login just closed
        self.show_main()

    def show_main(self) -> None:
        from ui.main_window import MainWindow
        assert self.app is not None
        window = MainWindow(self.app, self.sync)
        window.language_changed.connect(self.change_language)
        window.logout_requested.connect(self.logout)
        window.closed.connect(self._main_closed)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window = window
        from .sync_worker import install_sync  # issue 5: background sync, status bar, county inbox
        install_sync(self, window)
        window.show()

    # --- switching ------------------------------------------------------------------------------------

    def _replace_main(self, then: Callable[[], None]) -> None:
        self._switching = True
        if self.window is not None:
            self.window.close()
        self._switching = False
        then()

    def change_language(self, lang: str) -> None:
        self.language.install(lang)
        self._replace_main(self.show_main)

    def logout(self) -> None:
        assert self.app is not None
        self.app.session = None
        self._replace_main(self.show_login)

    def _main_closed(self) -> None:
        if not self._switching:
            self.quit()

    def shutdown(self) -> None:
        self.shutting_down.emit()
        self.tasks.shutdown(wait=True)
        if self.app is not None:
            self.app.registry.close()


def garbage_collector() -> GuiThreadGarbageCollector | None:
    return _collector


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("Registru")
    app.setOrganizationName("Registru")
    app.setQuitOnLastWindowClosed(False)
    global _collector
    if _collector is None:
        _collector = GuiThreadGarbageCollector(app)
    register_fonts()
    app.setFont(ui_font())
    return app


def run_gui(args: argparse.Namespace) -> int:
    setup_logging()
    app = make_application(sys.argv[:1])
    settings = Settings()
    language = Language()
    language.install(args.lang or settings.language)
    controller = Controller(settings, language, Path(args.data_dir), getattr(args, "provision", None))
    controller.start()
    if os.environ.get("REGISTRU_STARTUP_PROBE"):  # docs/performance.md: time to an interactive window
        from .startup_probe import install
        install(controller)
    try:
        return app.exec()
    finally:
        controller.shutdown()
