"""The clerk's view of sync with the county hub: the status-bar indicator, the hub connection dialog
(hub, commune, enrolment state; an administrator enrols or re-enrols), and the county inbox (notices and
circulars). Texts come from sync.messages (Romanian by default, English available); no SQL, no HTTP here —
everything goes through desktop.sync_worker."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from desktop.sync_worker import SyncWorker, UiSyncState, last_success_text
from sync.messages import tr

COLOURS = {"up_to_date": "#2e7d32", "syncing": "#1565c0", "offline": "#b26a00", "error": "#c62828",
           "reenrol": "#c62828", "not_enrolled": "#777777"}
PHASE_TEXT = {"up_to_date": "sync.state.up_to_date", "syncing": "sync.state.syncing", "offline": "sync.state.offline",
              "error": "sync.state.error", "reenrol": "sync.state.reenrol", "not_enrolled": "sync.state.not_enrolled"}


class SyncStatusWidget(QLabel):
    """● Sincronizat · ultima: 25.11.2026 14:32 · 3 modificări de trimis — the reason in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.phase = ""
        self.set_state(UiSyncState("not_enrolled"))

    def set_state(self, state: UiSyncState) -> None:
        self.phase = state.phase
        parts = [tr(PHASE_TEXT.get(state.phase, "sync.state.error"))]
        if state.phase not in ("not_enrolled",):
            parts.append(tr("sync.last_success", when=last_success_text(state.last_success)))
            if state.pending:
                parts.append(tr("sync.pending", count=state.pending))
        text = " · ".join(parts)
        if state.skew_warning:
            text += " · ⚠ " + tr("sync.skew_short")
        colour = COLOURS.get(state.phase, "#777777")
        self.setText(f"<span style='color:{colour}'>●</span> {text}")
        tips = [state.error] if state.error and state.phase != "up_to_date" else []
        if state.skew_warning and state.skew_s is not None:
            tips.append(tr("sync.skew", seconds=round(state.skew_s)))
        if state.phase == "reenrol":
            tips.append(tr("sync.reenrol"))
        if state.hub:
            tips.append(f"{state.hub} — {state.commune}")
        self.setToolTip("\n".join(tips))


class HubDialog(QDialog):
    """Hub address, commune and enrolment state; an administrator can (re-)enrol with a new code."""

    def __init__(self, worker: SyncWorker, can_enrol: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hubDialog")
        self.setWindowTitle(tr("sync.dialog.title"))
        self.worker = worker
        st = worker.state
        status = worker.engine.config()
        form = QFormLayout()
        self.state_label = QLabel(tr(PHASE_TEXT.get(st.phase, "sync.state.error")))
        form.addRow(tr("sync.dialog.state"), self.state_label)
        form.addRow(tr("sync.dialog.commune"), QLabel(f"{status.commune_name or '-'} ({status.commune_code or '-'})"))
        self.hub = QLineEdit(status.hub_url)
        self.hub.setObjectName("hubUrl")
        self.code = QLineEdit()
        self.code.setObjectName("enrolCode")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.ca = QLineEdit(status.ca_bundle)
        browse = QPushButton(tr("sync.dialog.browse"))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca)
        ca_row.addWidget(browse)
        form.addRow(tr("sync.dialog.hub"), self.hub)
        form.addRow(tr("sync.dialog.code"), self.code)
        form.addRow(tr("sync.dialog.ca"), ca_row)
        for w in (self.hub, self.code, self.ca, browse):
            w.setEnabled(can_enrol)
        self.message = QLabel("" if can_enrol else tr("sync.dialog.admin_only"))
        self.message.setWordWrap(True)
        self.enrol_button = QPushButton(tr("sync.dialog.enrol"))
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.setEnabled(can_enrol)
        self.enrol_button.clicked.connect(self._enrol)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.enrol_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        worker.enrol_finished.connect(self._done)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("sync.dialog.ca"), "", "PEM (*.pem *.crt);;*")
        if path:
            self.ca.setText(path)

    def _enrol(self) -> None:
        if not self.hub.text().strip() or not self.code.text().strip():
            self.message.setText(tr("sync.dialog.need_hub_code"))
            return
        self.enrol_button.setEnabled(False)
        self.message.setText(tr("sync.state.syncing"))
        self.worker.enrol(self.hub.text().strip(), self.code.text().strip(), self.ca.text().strip() or None)

    def _done(self, ok: bool, message: str) -> None:
        self.enrol_button.setEnabled(True)
        self.message.setText(message)
        if ok:
            self.code.clear()
            self.state_label.setText(tr("sync.state.up_to_date"))


class CountyInbox(QDialog):
    """Notices and circulars from the county, newest first; a circular shows the number it got here."""

    def __init__(self, app: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countyInbox")
        self.setWindowTitle(tr("sync.inbox.title"))
        self.app = app
        self.list = QListWidget()
        self.list.setObjectName("countyItems")
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.body, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show)
        self.resize(640, 480)
        self.items: list[Any] = []
        self.reload()

    def reload(self) -> None:
        from local_db import sync_store
        self.app.tasks.run(lambda _ctx: sync_store.county_items(self.app.registry.db), key="county-inbox",
                           on_done=self._loaded)

    def _loaded(self, items: list[Any]) -> None:
        self.items = items
        self.list.clear()
        for it in items:
            kind = tr("sync.inbox.circular") if it.stream == "circulars" else tr("sync.inbox.notice")
            extra = f" — {tr('sync.inbox.registered', ref=it.entry_ref)}" if it.entry_ref else ""
            item = QListWidgetItem(f"{'' if it.seen else '● '}{kind}: {it.title}{extra}")
            item.setData(Qt.ItemDataRole.UserRole, (it.stream, it.item_id))
            self.list.addItem(item)

    def _show(self, current: QListWidgetItem | None) -> None:
        if current is None:
            return
        stream, item_id = current.data(Qt.ItemDataRole.UserRole)
        it = next((i for i in self.items if i.item_id == item_id and i.stream == stream), None)
        if it is None:
            return
        self.body.setPlainText(f"{it.title}\n{it.published_at}\n\n{it.body}")
        if not it.seen:
            from local_db import sync_store
            self.app.tasks.run(lambda _ctx: sync_store.mark_seen(self.app.registry.db, stream, item_id),
                               lane="write")


def add_sync_actions(window: Any, worker: SyncWorker, app: Any) -> None:
    """'Sincronizează acum' and the hub dialog in the Registry menu; a County menu for the inbox."""
    from PySide6.QtGui import QAction
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    registry_menu = menus[0] if menus else window.menuBar().addMenu("Registru")
    first = registry_menu.actions()[0] if registry_menu.actions() else None
    sync_action = QAction(tr("sync.action.now"), window)
    sync_action.setObjectName("syncNow")
    sync_action.setShortcut(QKeySequence("F9"))
    sync_action.triggered.connect(worker.sync_now)
    hub_action = QAction(tr("sync.action.hub"), window)
    hub_action.setObjectName("hubSettings")
    can_enrol = bool(getattr(window, "session", None) and window.session.can("manage_users"))
    hub_action.triggered.connect(lambda: _open(window, HubDialog(worker, can_enrol, window)))
    county = QAction(tr("sync.action.inbox"), window)
    county.setObjectName("countyInbox")
    county.triggered.connect(lambda: _open(window, CountyInbox(app, window)))
    separator = QAction(window)
    separator.setSeparator(True)
    registry_menu.insertActions(first, [sync_action, hub_action, county, separator]) if first else \
        registry_menu.addActions([sync_action, hub_action, county])
    window.sync_actions = (sync_action, hub_action, county)


def _open(window: Any, dialog: QDialog) -> QDialog:
    keep = getattr(window, "_keep", None)
    if keep is not None:
        keep(dialog)
    dialog.open()
    return dialog
