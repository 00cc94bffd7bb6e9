"""The main window's status bar: who is working, where the data lives, changes waiting for the hub,
the hub connection and the time."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.formatting import ro_date
from desktop.sync_state import SyncState

CLOCK_INTERVAL_MS = 1000


class SyncIndicator(QLabel):
    """Hub connection state; driven by desktop.sync_state.SyncStatus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.set_state(SyncState())

    def set_state(self, state: SyncState) -> None:
        if not state.configured:
            text, colour = self.tr("not connected to a hub"), "#777777"
        elif state.online:
            when = state.last_sync.strftime("%H:%M") if state.last_sync else "—"
            text, colour = self.tr("hub: synchronised at {time}").format(time=when), "#2e7d32"
        else:
            text, colour = self.tr("hub unreachable (working offline)"), "#b26a00"
        self.setText(f"<span style='color:{colour}'>●</span> {text}")
        self.setToolTip(state.error)


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = QLabel()
        self.user.setObjectName("statusUser")
        self.data_dir = QLabel()
        self.data_dir.setObjectName("statusDataDir")
        self.data_dir.setMaximumWidth(320)
        self.outbox = QLabel()
        self.outbox.setObjectName("statusOutbox")
        self.sync = SyncIndicator()
        self.clock = QLabel()
        self.clock.setObjectName("statusClock")
        for w in (self.user, self.data_dir, self.outbox, self.sync, self.clock):
            self.addPermanentWidget(w)
        self._timer = QTimer(self, interval=CLOCK_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._tick()

    def set_user(self, name: str, role: str) -> None:
        self.user.setText(self.tr("User: {name} ({role})").format(name=name, role=role))

    def set_data_dir(self, path: Path) -> None:
        text = str(path)
        metrics = self.data_dir.fontMetrics()
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, 240)
        self.data_dir.setText(self.tr("Data: {path}").format(path=elided))
        self.data_dir.setToolTip(text)

    def set_outbox(self, pending: int) -> None:
        self.outbox.setText(self.tr("To send: {count}").format(count=pending))
        self.outbox.setToolTip(self.tr("Changes waiting to be sent to the county hub"))

    def _tick(self) -> None:
        now = datetime.now()
        self.clock.setText(f"{ro_date(now.date())} {now:%H:%M}")
