"""Base of the archive's screens: reads and operations go through the task manager (never on the GUI
thread), errors go to a message box or next to the field, and a screen reloads itself when shown after
a change (coalesced by a timer, like the registry screen)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.context import AppContext
from desktop.tasks import Task

from ..widgets import show_error
from . import ops

REFRESH_DELAY_MS = 120


class ArchivePage(QWidget):
    #: a short message for the status line of the area ("Dossier 2025:I.A.7 closed")
    message = Signal(str)
    #: something changed that other archive screens show
    changed = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.choices: ops.ArchiveChoices | None = None
        self._stale = True
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._reload)

    # --- refreshing -----------------------------------------------------------------------------------------

    def set_choices(self, choices: ops.ArchiveChoices) -> None:
        self.choices = choices

    def mark_stale(self) -> None:
        """Reload now if visible, else the next time the screen is shown."""
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        if self._timer.isActive():  # reload when shown again, not while hidden (or closing)
            self._timer.stop()
            self._stale = True
        super().hideEvent(event)

    def _reload(self) -> None:
        self._stale = False
        self.reload()

    def reload(self) -> None:  # pragma: no cover - every page implements it
        raise NotImplementedError

    # --- work -----------------------------------------------------------------------------------------------

    def can(self, action: str) -> bool:
        return self.app.session is not None and self.app.session.can(action)

    def query(self, fn: Callable, on_done: Callable[[Any], None], key: str) -> Task:
        return self.app.tasks.run(fn, key=f"archive.{key}", label=key, on_done=on_done,
                                  on_error=lambda exc: show_error(self, exc))

    def op(self, fn: Callable, on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[BaseException], None] | None = None, label: str = "archive") -> Task:
        def done(value: Any) -> None:
            self.changed.emit()
            if on_done is not None:
                on_done(value)
        return self.app.tasks.run_op(fn, on_done=done, on_error=on_error or (lambda exc: show_error(self, exc)),
                                     label=label)

    def document(self, fn: Callable, label: str) -> Task:
        """Write a PDF on the long lane, then open it (if the settings say so) and say where it is."""
        def done(path: Path) -> None:
            self.message.emit(QCoreApplication.translate("ArchivePage", "Saved: {path}").format(path=path))
            if self.app.settings.open_documents:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return self.app.tasks.run(fn, lane="long", label=label, on_done=done,
                                  on_error=lambda exc: show_error(self, exc))


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555555;")
    return label
