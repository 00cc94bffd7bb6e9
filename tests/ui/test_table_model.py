"""The lazy registry table: it shows the first page at once, knows its size, fetches pages where the
clerk scrolls (never all rows), sorts on any column and keeps the selection across a refresh."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.sync_state import SyncStatus
from local_db import NewEntry, Party
from local_db.table_queries import TableQuery
from ui import registry_model
from ui.main_window import MainWindow
from ui.registry_model import PAGE_SIZE, RegistryModel

from .conftest import BULK_ROWS, Harness


def _window(qtbot, harness: Harness) -> MainWindow:  # noqa: ANN001
    harness.login("maria")
    window = MainWindow(harness.app, SyncStatus())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.choices is not None and window.panel.model.has_snapshot)
    return window


def test_opens_with_the_count_and_loads_only_what_is_seen(qtbot, harness: Harness) -> None:  # noqa: ANN001
    window = _window(qtbot, harness)
    model, table = window.panel.model, window.panel.table
    assert model.rowCount() == BULK_ROWS
    assert window.panel.count_label.text() == "3.000 înregistrări"
    assert len(model._pages) <= 2                      # the first page (and maybe the next), not 3,000 rows
    table.scrollToBottom()
    last = BULK_ROWS - 1
    model.data(model.index(last, 0))                   # what the view asks while painting
    qtbot.waitUntil(lambda: model.entry(last) is not None)
    assert model.entry(last).number == 1              # the oldest entry of the oldest year is at the bottom
    assert len(model._pages) <= registry_model.MAX_CACHED_PAGES
    for row in range(0, BULK_ROWS, 97):                # a scripted scroll through everything
        table.scrollTo(model.index(row, 0))
        model.data(model.index(row, 0))
        qtbot.waitUntil(lambda r=row: model.entry(r) is not None)
    assert len(model._pages) <= registry_model.MAX_CACHED_PAGES


def test_placeholder_then_row(qtbot, harness: Harness) -> None:  # noqa: ANN001
    window = _window(qtbot, harness)
    model = window.panel.model
    row = PAGE_SIZE * 7 + 3
    assert model.entry(row) is None
    assert model.data(model.index(row, 0)) == "se încarcă…"
    qtbot.waitUntil(lambda: model.entry(row) is not None)
    assert model.data(model.index(row, 0)) == model.entry(row).ref


def test_header_click_sorts_and_filters_narrow(qtbot, harness: Harness) -> None:  # noqa: ANN001
    window = _window(qtbot, harness)
    panel, model = window.panel, window.panel.model
    panel.table.sortByColumn(RegistryModel.COLUMNS.index("subject"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.query.sort == "subject" and model.has_snapshot)
    subjects = [model.entry(r).subject for r in range(50)]
    assert subjects == sorted(subjects)
    panel.direction.setCurrentIndex(panel.direction.findData("out"))
    qtbot.waitUntil(lambda: model.has_snapshot and model.query.filters.direction == "out")
    assert 0 < model.rowCount() < BULK_ROWS
    assert all(model.entry(r).direction == "out" for r in range(min(50, model.rowCount())))
    panel.reset_filters()
    qtbot.waitUntil(lambda: model.has_snapshot and model.rowCount() == BULK_ROWS)


def test_views_and_their_counts(qtbot, harness: Harness) -> None:  # noqa: ANN001
    window = _window(qtbot, harness)
    panel, model = window.panel, window.panel.model
    qtbot.waitUntil(lambda: bool(panel._counts))
    overdue = harness.registry.entries.count(panel.filters().__class__(overdue=True))
    assert panel._counts["overdue"] == overdue
    panel.set_view("overdue")
    qtbot.waitUntil(lambda: model.has_snapshot and model.query.filters.overdue)
    assert model.rowCount() == overdue and panel.tabs.tabText(3) == f"Depășite ({overdue})"
    assert model.query.sort == "deadline"               # the most urgent first
    panel.set_view("cancelled")
    qtbot.waitUntil(lambda: model.has_snapshot and model.query.filters.status == ["cancelled"])
    assert all(model.entry(r).status == "cancelled" for r in range(min(20, model.rowCount())))


def test_a_new_registration_appears_and_the_selection_stays(qtbot, harness: Harness) -> None:  # noqa: ANN001
    window = _window(qtbot, harness)
    panel, model = window.panel, window.panel.model
    panel.table.selectRow(5)
    selected = panel.selected_entry()
    form = window.new_entry()
    form.sender.name.setText("Elena Popescu")
    form.subject.setText("Cerere certificat de urbanism")
    form.submit()
    qtbot.waitUntil(lambda: form.result_entry is not None)
    qtbot.waitUntil(lambda: model.rowCount() == BULK_ROWS + 1 and model.has_snapshot)
    assert model.entry(0).ref == form.result_entry.ref           # newest number on top
    qtbot.waitUntil(lambda: panel.selected_entry() is not None)
    assert panel.selected_entry().id == form.result_entry.id      # the registration is selected
    assert selected is not None
    form.accept()


def test_search_as_you_type_without_diacritics(qtbot, harness: Harness) -> None:  # noqa: ANN001
    harness.registry.entries.register(harness.login("maria").actor, NewEntry(
        direction="in", subject="Convocare la ședința consiliului local", sender=Party("Consiliul Județean Cluj",
                                                                                    "institution")))
    window = _window(qtbot, harness)
    panel, model = window.panel, window.panel.model
    panel.search.setText("sedinta consiliului")
    panel.search.textEdited.emit(panel.search.text())            # as typing does: debounced, then searched
    qtbot.waitUntil(lambda: model.query.filters.text == "sedinta consiliului" and model.has_snapshot)
    assert model.rowCount() == 1 and "ședința" in model.entry(0).subject


def test_stale_results_are_ignored(qtbot, harness: Harness) -> None:  # noqa: ANN001
    window = _window(qtbot, harness)
    model = window.panel.model
    model.set_query(TableQuery(window.panel.filters().__class__(text="cerere")))
    model.set_query(TableQuery(window.panel.filters().__class__(text="zzzz")))
    qtbot.waitUntil(lambda: model.has_snapshot and model.query.filters.text == "zzzz")
    qtbot.wait(200)
    assert model.rowCount() == 0


def test_fits_an_old_1366x768_screen(qtbot, harness: Harness, language) -> None:  # noqa: ANN001
    for lang in ("ro", "en"):
        language.install(lang)
        window = _window(qtbot, harness)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 700, (lang, hint)
        table = window.panel.table
        visible_rows = table.viewport().height() // table.verticalHeader().defaultSectionSize()
        assert visible_rows >= 20, (lang, visible_rows)   # at 1366×768 (window.resize in _window)
        window.close()
