"""A progress dialog for one long task (register of a year, verification, backup), with Cancel."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.tasks import Task


class TaskProgress(QProgressDialog):
    def __init__(self, task: Task, text: str, parent: QWidget | None = None, cancellable: bool = True) -> None:
        super().__init__(text, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.setObjectName("taskProgress")
        self.setWindowTitle(self.tr("Please wait"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        if not cancellable:
            self.setCancelButton(None)
        self.task = task
        task.progressed.connect(self._progress)
        task.finished.connect(self.close)
        self.canceled.connect(task.cancel)

    def _progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.setMaximum(total)
            self.setValue(min(done, total))
        if text:
            self.setLabelText(text)
