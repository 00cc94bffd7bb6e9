"""What the status bar shows about the county hub. The sync client (a later issue) owns a `SyncStatus`
and calls `set(...)` as it connects, syncs or fails; until then the state says "not connected"."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class SyncState:
    configured: bool = False          # is a hub set up for this installation?
    online: bool = False              # did the last attempt reach the hub?
    last_sync: datetime | None = None
    error: str = ""                   # why the last attempt failed, in the user's language


class SyncStatus(QObject):
    changed = Signal(object)   # SyncState

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = SyncState()

    def set(self, state: SyncState) -> None:
        self.state = state
        self.changed.emit(state)
