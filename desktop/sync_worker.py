"""Background sync for the desktop application (issue 5), off the GUI thread.

`SyncWorker` owns one QThread on which the Qt-free `sync.engine.SyncEngine` runs. It syncs:
* at start (a moment after the main window shows),
* shortly after a local change (debounced, so a burst of registrations is one sync),
* on a timer: every few minutes while online (to pick up the county's news), with exponential backoff and
  jitter while offline,
* on "Sincronizează acum".
Each run ends with a `UiSyncState` (plain data) on the GUI thread; `install_sync()` wires the worker into
the main window: the status-bar indicator, the menu actions, the county inbox.
"""
from __future__ import annotations

import atexit
import logging
import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from local_db import sync_store
from sync.engine import NotEnrolled, ReenrolNeeded, SyncEngine, SyncStatus
from sync.messages import tr
from sync.transport import HubError, Offline

log = logging.getLogger(__name__)

START_DELAY_MS = 1500
DEBOUNCE_MS = 3000
PERIOD_MS = 5 * 60 * 1000
BACKOFF_BASE_MS = 10_000
BACKOFF_MAX_MS = 10 * 60 * 1000


@dataclass(frozen=True)
class UiSyncState:
    """What the clerk sees: one of not_enrolled | reenrol | syncing | up_to_date | offline | error."""
    phase: str
    pending: int = 0
    last_success: str | None = None
    error: str = ""
    skew_s: float | None = None
    skew_warning: bool = False
    hub: str = ""
    commune: str = ""
    unseen: int = 0
    registered: tuple[str, ...] = ()


def _phase_of(st: SyncStatus, failure: BaseException | None) -> str:
    if st.enrolment == "reenrol" or isinstance(failure, ReenrolNeeded):
        return "reenrol"
    if st.enrolment != "enrolled" or isinstance(failure, NotEnrolled):
        return "not_enrolled"
    if isinstance(failure, Offline):
        return "offline"
    if failure is not None:
        return "error"
    return "up_to_date"


class _Runner(QObject):
    """Lives on the sync thread; every slot here runs off the GUI thread."""
    done = Signal(object)      # (UiSyncState, failure or None, was a sync run)
    enrolled = Signal(object)  # (ok: bool, message: str)

    def __init__(self, engine: SyncEngine) -> None:
        super().__init__()
        self.engine = engine
        self._enrol_args: tuple[str, str, str | None] | None = None

    def _state(self, phase_override: str | None, failure: BaseException | None,
               registered: tuple[str, ...] = ()) -> UiSyncState:
        st = self.engine.status()
        unseen = sum(1 for i in sync_store.county_items(self.engine.db) if not i.seen)
        return UiSyncState(phase_override or _phase_of(st, failure), st.pending, st.last_success,
                           st.last_error or "", st.clock_skew_s, st.skew_warning, st.hub,
                           st.commune_name, unseen, registered)

    @Slot()
    def status(self) -> None:
        try:
            self.done.emit((self._state(None, None), None, False))
        except Exception as exc:  # noqa: BLE001 - a status read never kills the worker
            log.exception("sync status failed")
            self.done.emit((UiSyncState("error", error=str(exc)), exc, False))

    @Slot()
    def run(self) -> None:
        failure: BaseException | None = None
        registered: tuple[str, ...] = ()
        try:
            res = self.engine.sync_once()
            registered = tuple(res.registered)
        except (Offline, HubError, NotEnrolled, ReenrolNeeded) as exc:
            failure = exc
        except Exception as exc:  # noqa: BLE001 - reported in the status bar, logged with its trace
            log.exception("sync failed")
            failure = exc
        try:
            state = self._state(None, failure, registered)
            if failure is not None and not state.error:
                state = UiSyncState(**{**state.__dict__, "error": str(failure)[:300]})
        except Exception as exc:  # noqa: BLE001
            state = UiSyncState("error", error=str(exc)[:300])
        self.done.emit((state, failure, True))

    def set_enrol(self, hub: str, code: str, ca: str | None) -> None:
        self._enrol_args = (hub, code, ca)

    @Slot()
    def enrol(self) -> None:
        assert self._enrol_args is not None
        hub, code, ca = self._enrol_args
        try:
            resp = self.engine.enrol(hub, code, ca)
            self.enrolled.emit((True, tr("sync.enrolled", hub=hub, name=resp.commune.name,
                                         county=resp.commune.county, code=resp.commune.code)))
        except Offline:
            self.enrolled.emit((False, tr("sync.offline")))
        except HubError as exc:
            self.enrolled.emit((False, exc.message))
        except Exception as exc:  # noqa: BLE001 - keyring refusal, bad URL: the message says what to do
            self.enrolled.emit((False, str(exc)))


class SyncWorker(QObject):
    state_changed = Signal(object)     # UiSyncState
    enrol_finished = Signal(bool, str)

    def __init__(self, registry: Any, parent: QObject | None = None, *, engine: SyncEngine | None = None,
                 start_delay_ms: int = START_DELAY_MS, debounce_ms: int = DEBOUNCE_MS, period_ms: int = PERIOD_MS,
                 backoff_base_ms: int = BACKOFF_BASE_MS, backoff_max_ms: int = BACKOFF_MAX_MS) -> None:
        super().__init__(parent)
        self.engine = engine or SyncEngine(registry)
        self.period_ms, self.backoff_base_ms, self.backoff_max_ms = period_ms, backoff_base_ms, backoff_max_ms
        self.start_delay_ms = start_delay_ms
        self.state = UiSyncState("not_enrolled")
        self.failures = 0
        self.running = False
        self._again = False
        self._thread = QThread()
        self._thread.setObjectName("registru-sync")
        self._runner = _Runner(self.engine)
        self._runner.moveToThread(self._thread)
        self._runner.done.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._runner.enrolled.connect(self._enrolled, Qt.ConnectionType.QueuedConnection)
        self._thread.start()
        # a QThread destroyed while running aborts the process: stop it when this worker goes away (its
        # parent is deleted) or the interpreter exits, whichever comes first — shutdown() is the polite way
        thread = self._thread
        self.destroyed.connect(lambda *_: _stop_thread(thread))
        atexit.register(_stop_thread, thread)
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms, timeout=self.sync_now)
        self._next = QTimer(self, singleShot=True, timeout=self.sync_now)
        self._closed = False

    # --- triggers --------------------------------------------------------------------------------------

    def start(self) -> None:
        """Show the stored state now, sync a moment later."""
        QMetaObject.invokeMethod(self._runner, "status", Qt.ConnectionType.QueuedConnection)
        self._next.start(self.start_delay_ms)

    def local_change(self, *_args: Any) -> None:
        """A registration or another local write: sync shortly (a burst of changes is one sync)."""
        if self.state.phase in ("not_enrolled", "reenrol"):
            return
        self._debounce.start()

    @Slot()
    def sync_now(self) -> None:
        if self._closed:
            return
        self._debounce.stop()
        self._next.stop()
        if self.running:
            self._again = True
            return
        self.running = True
        self._publish(UiSyncState(**{**self.state.__dict__, "phase": "syncing"}))
        QMetaObject.invokeMethod(self._runner, "run", Qt.ConnectionType.QueuedConnection)

    def enrol(self, hub: str, code: str, ca_bundle: str | None = None) -> None:
        self._runner.set_enrol(hub, code, ca_bundle)
        QMetaObject.invokeMethod(self._runner, "enrol", Qt.ConnectionType.QueuedConnection)

    # --- results ---------------------------------------------------------------------------------------

    def _publish(self, state: UiSyncState) -> None:
        self.state = state
        self.state_changed.emit(state)

    def _finished(self, payload: tuple[UiSyncState, BaseException | None, bool]) -> None:
        state, failure, was_run = payload
        if not was_run:  # the start-up status read: show it unless a sync already started
            if not self.running:
                self._publish(state)
            return
        self.running = False
        self._publish(state)
        if self._closed:
            return
        if state.phase in ("offline", "error"):
            self.failures += 1
            delay = self.backoff_delay(self.failures)
        elif state.phase in ("not_enrolled", "reenrol"):
            self.failures = 0
            return  # nothing to do until an administrator enrols the installation
        else:
            self.failures = 0
            delay = self.period_ms
        if self._again:
            self._again = False
            delay = 0
        self._next.start(delay)

    def backoff_delay(self, failures: int) -> int:
        """Exponential backoff with full jitter while the hub cannot be reached."""
        cap = min(self.backoff_max_ms, self.backoff_base_ms * 2 ** min(failures - 1, 16))
        return int(random.uniform(cap / 2, cap))

    def _enrolled(self, payload: tuple[bool, str]) -> None:
        ok, message = payload
        self.enrol_finished.emit(ok, message)
        if ok:
            self.failures = 0
            self.sync_now()

    def shutdown(self, wait_ms: int = 15000) -> None:
        """Stop the timers and the thread (a sync in progress finishes its current request)."""
        self._closed = True
        self._debounce.stop()
        self._next.stop()
        _stop_thread(self._thread, wait_ms)
        self.engine.close()


def _stop_thread(thread: QThread, wait_ms: int = 15000) -> None:
    try:
        if thread.isRunning():
            thread.quit()
            thread.wait(wait_ms)
    except RuntimeError:  # the C++ object is already gone
        pass


def install_sync(controller: Any, window: Any, make_worker: Callable[..., SyncWorker] | None = None) -> SyncWorker:
    """Wire background sync into a freshly built main window (called by desktop.app once per window)."""
    from PySide6.QtWidgets import QApplication

    from ui.sync_status import SyncStatusWidget, add_sync_actions
    worker: SyncWorker | None = getattr(controller, "_sync_worker", None)
    if worker is None:
        worker = (make_worker or SyncWorker)(controller.app.registry, controller)
        controller._sync_worker = worker
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(worker.shutdown)
        worker.start()
    widget = SyncStatusWidget(window.status)
    status = window.status
    status.removeWidget(status.sync)
    status.sync.hide()
    status.insertPermanentWidget(3, widget)
    widget.set_state(worker.state)
    worker.state_changed.connect(widget.set_state)
    worker.state_changed.connect(lambda _s: window.refresh_outbox())
    controller.app.tasks.changes.connect(lambda ch: worker.local_change() if getattr(ch, "outbox", True) or
                                         getattr(ch, "any_entries", False) else None)
    add_sync_actions(window, worker, controller.app)
    window.sync_widget = widget
    return worker


def last_success_text(iso: str | None) -> str:
    if not iso:
        return tr("sync.never")
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return when.strftime("%d.%m.%Y %H:%M")
