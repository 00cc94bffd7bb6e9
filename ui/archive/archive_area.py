"""The "Arhivă" area: the filing plan, the dossiers (and the archive search), the transfer to the
archive, loans and disposal, as tabs of one widget that a main window mounts (see ui/archive/__init__)."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.context import AppContext
from desktop.tasks import Changes

from ..widgets import show_error
from . import ops
from .common import TAB_STYLE
from .disposal_page import DisposalPage
from .dossiers_page import DossiersPage
from .i18n import install_translator
from .loans_page import LoansPage
from .page import ArchivePage
from .plan_page import PlanPage
from .transfer_page import TransferPage

MESSAGE_MS = 8000


class ArchiveArea(QWidget):
    """Tabs: Plan (Alt+1) · Dossiers (Alt+2) · Transfer (Alt+3) · Loans (Alt+4) · Disposal (Alt+5);
    Ctrl+Tab moves between them. Each screen loads on a worker when shown and after changes."""
    message = Signal(str)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        install_translator()
        super().__init__(parent)
        self.app = app
        self.setObjectName("archiveArea")
        self.choices: ops.ArchiveChoices | None = None
        self.plan = PlanPage(app)
        self.dossiers = DossiersPage(app)
        self.transfer = TransferPage(app)
        self.loans = LoansPage(app)
        self.disposal = DisposalPage(app)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("archiveTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.tabBar().setStyleSheet(TAB_STYLE)
        titles = (self.tr("Filing &plan"), self.tr("&Dossiers"), self.tr("&Transfer to the archive"),
                  self.tr("&Loans"), self.tr("Disposa&l"))
        for i, (page, title) in enumerate(zip(self.pages(), titles)):
            self.tabs.addTab(page, title)
            page.message.connect(self.show_message)
            page.changed.connect(self._changed_here)
            QShortcut(QKeySequence(f"Alt+{i + 1}"), self, lambda i=i: self.show_page(i))
        self.status = QLabel()
        self.status.setObjectName("archiveStatus")
        self._clear = QTimer(self, singleShot=True, interval=MESSAGE_MS, timeout=lambda: self.status.setText(""))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        app.tasks.changes.connect(self._changes)
        self.load_choices()

    def pages(self) -> tuple[ArchivePage, ...]:
        return (self.plan, self.dossiers, self.transfer, self.loans, self.disposal)

    def show_page(self, index: int) -> ArchivePage:
        self.tabs.setCurrentIndex(index)
        page = self.pages()[index]
        page.setFocus()
        return page

    def show_message(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)
        self._clear.start()

    def load_choices(self) -> None:
        self.app.tasks.run(ops.choices(self.app), key="archive.choices", label="archive choices",
                           on_done=self._choices, on_error=lambda exc: show_error(self, exc))

    def _choices(self, choices: ops.ArchiveChoices) -> None:
        self.choices = choices
        for page in self.pages():
            page.set_choices(choices)
            page.mark_stale()

    def _changed_here(self) -> None:
        """An archive screen changed something: the others reload when next shown."""
        self.load_choices()

    def _changes(self, changes: Changes) -> None:
        """Changes made elsewhere (entries filed from the registry, a registration)."""
        if changes.any_entries or changes.nomenclator:
            self.load_choices()


__all__ = ["ArchiveArea"]
