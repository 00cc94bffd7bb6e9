"""The one place background work runs (Anki-style task manager).

Every database call, PDF, backup or verification runs on a worker thread; the GUI thread only starts
tasks and receives their results through queued Qt signals. Three lanes keep work from queueing behind
unrelated work:

* ``write``: one thread — mutations go through it one at a time (SQLite has one writer anyway);
* ``read``: short reads (table pages, search, detail, suggestions), a small pool;
* ``long``: minutes-long jobs (register of a year, verify, backup), one at a time, with progress.

A mutation is an `Op` (see desktop.ops) whose function returns an `OpResult(value, Changes)`; after it
succeeds the manager broadcasts the `Changes` on one signal and each screen decides whether to refresh.
A task started with a `key` supersedes the previous task with that key: the old one is cancelled and
its result is never delivered (search as you type, table pages). Workers see cancellation through
`TaskContext.cancelled` (which table queries also feed to SQLite's progress handler).
"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from local_db.errors import RegistruError

log = logging.getLogger(__name__)
T = TypeVar("T")
LANES = {"write": 1, "read": 2, "long": 1}
PROGRESS_INTERVAL_S = 0.1


class Cancelled(Exception):
    """Raised inside a task that noticed it was cancelled."""


@dataclass(frozen=True)
class Changes:
    """What an operation changed; screens look at it to decide whether to refresh."""
    entry_ids: frozenset[int] = frozenset()
    entries: bool = False
    nomenclator: bool = False
    users: bool = False
    outbox: bool = False

    def merge(self, other: "Changes") -> "Changes":
        return Changes(self.entry_ids | other.entry_ids, self.entries or other.entries,
                       self.nomenclator or other.nomenclator, self.users or other.users,
                       self.outbox or other.outbox)

    @property
    def any_entries(self) -> bool:
        return self.entries or bool(self.entry_ids)


@dataclass(frozen=True)
class OpResult(Generic[T]):
    value: T
    changes: Changes = field(default_factory=Changes)


class TaskContext:
    """Handed to the function running on the worker: progress, partial results, cancellation."""

    def __init__(self, task: "Task") -> None:
        self._task = task
        self._last_progress = 0.0

    @property
    def cancelled(self) -> bool:
        return self._task.is_cancelled()

    def check(self) -> None:
        if self.cancelled:
            raise Cancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self._task._emit(self._task.progressed, done, total, text)

    def partial(self, value: Any) -> None:
        """Deliver an early part of the result (e.g. the first page while the rest loads)."""
        self._task._emit(self._task.partial, value)


class Task(QObject):
    """A started piece of background work. Signals arrive on the GUI thread."""
    progressed = Signal(int, int, str)
    partial = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, label: str, key: str | None, cancellable: bool) -> None:
        super().__init__()
        self.label = label
        self.key = key
        self.cancellable = cancellable
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _emit(self, signal: Any, *args: Any) -> None:
        if not self._cancel.is_set():
            signal.emit(*args)


Callback = Callable[[Any], None] | None


class TaskManager(QObject):
    """Owns the worker threads. `changes` carries a `Changes` after every successful operation;
    `error` carries exceptions of tasks started without their own error handler; `busy` the number of
    tasks running (for a status indicator)."""
    changes = Signal(object)
    error = Signal(object)
    busy = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {lane: ThreadPoolExecutor(n, thread_name_prefix=f"registru-{lane}") for lane, n in LANES.items()}
        self._running: set[Task] = set()
        self._keyed: dict[str, Task] = {}
        self._closed = False

    # --- starting work -----------------------------------------------------------------------------

    def run(self, fn: Callable[[TaskContext], T], *, lane: str = "read", on_done: Callback = None,
            on_error: Callback = None, on_partial: Callback = None,
            on_progress: Callable[[int, int, str], None] | None = None, key: str | None = None,
            label: str = "", cancellable: bool = True, owner: QObject | None = None) -> Task:
        """Run `fn(ctx)` on a worker of `lane`; callbacks run on the GUI thread.

        With an `owner` (the widget or model that asked), the task is cancelled when the owner is
        destroyed and its callbacks are never called on a deleted object (a closed window's model)."""
        task = Task(label, key, cancellable)
        if self._closed:  # a late timer of a window closing with the application: nothing to do
            log.debug("task %r not started: the application is shutting down", label)
            task.cancel()
            return task
        if owner is not None:
            owner.destroyed.connect(task.cancel)
            on_done, on_error, on_partial = (_guard(owner, cb) for cb in (on_done, on_error, on_partial))
            on_progress = _guard(owner, on_progress)
        if key is not None:
            previous = self._keyed.get(key)
            if previous is not None:
                previous.cancel()
            self._keyed[key] = task
        if on_done is not None:
            task.succeeded.connect(on_done)
        task.failed.connect(on_error if on_error is not None else self.error.emit)
        if on_partial is not None:
            task.partial.connect(on_partial)
        if on_progress is not None:
            task.progressed.connect(on_progress)
        task.finished.connect(lambda: self._forget(task))
        self._running.add(task)
        self.busy.emit(len(self._running))
        self._pools[lane].submit(self._work, task, fn)
        return task

    def run_op(self, fn: Callable[[TaskContext], OpResult[T]], *, on_done: Callback = None,
               on_error: Callback = None, label: str = "", owner: QObject | None = None) -> Task:
        """Run a mutation on the write lane; broadcast its Changes, then call `on_done(value)`.
        A mutation always completes and is always broadcast, even if its `owner` is gone meanwhile."""
        on_done, on_error = _guard(owner, on_done), _guard(owner, on_error)

        def done(result: OpResult[Any]) -> None:
            if not (result.changes == Changes()):
                self.changes.emit(result.changes)
            if on_done is not None:
                on_done(result.value)
        return self.run(fn, lane="write", on_done=done, on_error=on_error, label=label, cancellable=False)

    def _work(self, task: Task, fn: Callable[[TaskContext], Any]) -> None:
        try:
            if task.is_cancelled():
                return
            result = fn(TaskContext(task))
        except Cancelled:
            pass
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the GUI, none is lost
            if not isinstance(exc, RegistruError):  # refusals are the user's to read; the rest is logged
                log.exception("task %r failed", task.label)
            task._emit(task.failed, exc)
        else:
            task._emit(task.succeeded, result)
        finally:
            task.finished.emit()

    def _forget(self, task: Task) -> None:
        self._running.discard(task)
        if task.key is not None and self._keyed.get(task.key) is task:
            del self._keyed[task.key]
        self.busy.emit(len(self._running))
        task.deleteLater()

    # --- lifecycle ---------------------------------------------------------------------------------

    def running(self) -> int:
        return len(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            if task.cancellable:
                task.cancel()

    def shutdown(self, wait: bool = True) -> None:
        """Cancel what can be cancelled and wait for the rest (a write in progress always completes)."""
        self._closed = True
        self.cancel_all()
        for pool in self._pools.values():
            pool.shutdown(wait=wait, cancel_futures=False)


def _guard(owner: QObject | None, callback: Callable[..., None] | None) -> Callable[..., None] | None:
    """`callback`, skipped once `owner`'s C++ object is deleted."""
    if owner is None or callback is None:
        return callback

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)
    return call


