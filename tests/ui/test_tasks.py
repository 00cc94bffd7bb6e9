"""The task manager: work runs on workers, results come back on the GUI thread, a newer task with the
same key supersedes the older one, operations broadcast what they changed, errors are never lost."""
from __future__ import annotations

import threading
import time

from desktop.tasks import Cancelled, Changes, OpResult, TaskManager


def test_results_arrive_on_the_gui_thread(qtbot) -> None:  # noqa: ANN001
    tasks = TaskManager()
    seen: list[tuple[str, str]] = []
    tasks.run(lambda ctx: threading.current_thread().name,
              on_done=lambda worker: seen.append((worker, threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen[0][0].startswith("registru-read") and seen[0][1] == "MainThread"
    tasks.shutdown()


def test_a_newer_task_with_the_same_key_wins(qtbot) -> None:  # noqa: ANN001
    tasks = TaskManager()
    done: list[str] = []
    gate = threading.Event()

    def slow(ctx):  # noqa: ANN001, ANN202
        gate.wait(2)
        ctx.check()
        return "old"
    tasks.run(slow, key="search", on_done=done.append)
    tasks.run(lambda ctx: "new", key="search", on_done=done.append)
    gate.set()
    qtbot.waitUntil(lambda: tasks.running() == 0)
    assert done == ["new"]
    tasks.shutdown()


def test_operations_broadcast_their_changes_then_answer(qtbot) -> None:  # noqa: ANN001
    tasks = TaskManager()
    order: list[object] = []
    tasks.changes.connect(lambda ch: order.append(ch))
    tasks.run_op(lambda ctx: OpResult(42, Changes(entry_ids=frozenset({7}), outbox=True)), on_done=order.append)
    qtbot.waitUntil(lambda: len(order) == 2)
    assert order[0] == Changes(entry_ids=frozenset({7}), outbox=True) and order[1] == 42
    assert order[0].any_entries
    tasks.shutdown()


def test_progress_partial_and_errors(qtbot) -> None:  # noqa: ANN001
    tasks = TaskManager()
    progress: list[tuple[int, int]] = []
    partial: list[str] = []
    errors: list[BaseException] = []

    def job(ctx):  # noqa: ANN001, ANN202
        ctx.partial("first page")
        for i in range(1, 4):
            ctx.progress(i, 3)
            time.sleep(0.11)
        raise ValueError("boom")
    tasks.run(job, lane="long", on_progress=lambda d, t, _s: progress.append((d, t)), on_partial=partial.append,
              on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert partial == ["first page"] and progress[-1] == (3, 3) and isinstance(errors[0], ValueError)
    unhandled: list[BaseException] = []
    tasks.error.connect(unhandled.append)           # no handler of its own: the window shows it
    tasks.run(lambda ctx: 1 / 0)
    qtbot.waitUntil(lambda: bool(unhandled))
    assert isinstance(unhandled[0], ZeroDivisionError)
    tasks.shutdown()


def test_cancel_stops_a_long_job(qtbot) -> None:  # noqa: ANN001
    tasks = TaskManager()
    steps: list[int] = []
    results: list[object] = []

    def job(ctx):  # noqa: ANN001, ANN202
        for i in range(200):
            ctx.check()
            steps.append(i)
            time.sleep(0.005)
        return "finished"
    task = tasks.run(job, lane="long", on_done=results.append)
    qtbot.waitUntil(lambda: len(steps) > 3)
    task.cancel()
    qtbot.waitUntil(lambda: tasks.running() == 0)
    assert results == [] and len(steps) < 200
    assert issubclass(Cancelled, Exception)
    tasks.shutdown()


def test_work_asked_for_after_shutdown_is_dropped(qtbot) -> None:  # noqa: ANN001
    tasks = TaskManager()
    tasks.shutdown()
    done: list[object] = []
    task = tasks.run(lambda ctx: 1, on_done=done.append)     # e.g. a closing window's refresh timer
    qtbot.wait(50)
    assert task.is_cancelled() and done == []
