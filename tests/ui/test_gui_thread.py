"""The GUI thread never touches the database: every session is opened on a worker thread."""
from __future__ import annotations

import threading

from sqlalchemy import event

from desktop.sync_state import SyncStatus
from ui.main_window import MainWindow

from .conftest import Harness


def test_no_database_work_on_the_gui_thread(qtbot, harness: Harness, opened) -> None:  # noqa: ANN001
    harness.login("maria")                     # (the test's own set-up, not the application)
    threads: list[str] = []
    event.listen(harness.registry.db.engine, "checkout",
                 lambda *_args: threads.append(threading.current_thread().name))
    window = MainWindow(harness.app, SyncStatus())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.choices is not None and window.panel.model.has_snapshot)
    panel = window.panel
    panel.search.setText("cerere")
    panel.apply()
    qtbot.waitUntil(lambda: panel.model.has_snapshot and panel.model.query.filters.text == "cerere")
    panel.reset_filters()
    form = window.new_entry()
    form.sender.name.setText("Ana Pop")
    form.subject.setText("Cerere")
    form.submit()
    qtbot.waitUntil(lambda: form.result_entry is not None)
    window.print_receipt(form.result_entry.id)
    qtbot.waitUntil(lambda: bool(opened.paths))
    card = window.open_entry(form.result_entry.id)
    qtbot.waitUntil(lambda: card.detail is not None)
    qtbot.waitUntil(lambda: harness.tasks.running() == 0)
    assert threads, "the listener saw no database work"
    assert "MainThread" not in threads
    assert {name.rsplit("_", 1)[0] for name in threads} <= {"registru-read", "registru-write", "registru-long"}
