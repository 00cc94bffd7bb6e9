"""Importing a register kept in a spreadsheet: checked on a worker, faults listed by line, then all rows
imported in one transaction and shown in the table."""
from __future__ import annotations

from pathlib import Path

from desktop.sync_state import SyncStatus
from ui.main_window import MainWindow

from .conftest import BULK_ROWS, Harness

LEGACY = Path(__file__).resolve().parents[1] / "data" / "legacy"


def test_check_then_import(qtbot, harness: Harness) -> None:  # noqa: ANN001
    harness.login("admin")
    window = MainWindow(harness.app, SyncStatus())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.choices is not None and window.panel.model.has_snapshot)
    dialog = window.import_dialog()
    assert dialog is not None

    dialog.check(LEGACY / "registru-2024-erori.csv")
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert not dialog.report.ok and not dialog.import_button.isEnabled()
    assert "linia " in dialog.details.toPlainText() and "erori" in dialog.summary.text()

    dialog.check(LEGACY / "registru-2023-excel.csv")
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.year == 2023, timeout=20000)
    assert dialog.report.ok and dialog.import_button.isEnabled()
    rows = dialog.report.rows
    dialog.apply()
    qtbot.waitUntil(lambda: "importat" in dialog.summary.text(), timeout=30000)
    model = window.panel.model
    qtbot.waitUntil(lambda: model.has_snapshot and model.rowCount() == BULK_ROWS + rows, timeout=20000)
    assert harness.registry.entries.count() == BULK_ROWS + rows


def test_only_administrators_import(qtbot, harness: Harness) -> None:  # noqa: ANN001
    harness.login("ion")
    window = MainWindow(harness.app, SyncStatus())
    qtbot.addWidget(window)
    assert window.import_dialog() is None and not window.import_action.isVisible()
