"""The registry screen: view tabs, search box, filter bar and the lazy table."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTabBar, QTableView,
    QVBoxLayout, QWidget,
)

from desktop import queries
from desktop.context import AppContext
from desktop.labels import DIRECTION, STATUS, VIEW, label
from desktop.queries import Choices
from local_db.search import Filters
from local_db.table_queries import VIEWS, TableQuery, combine, view_filters
from local_db.views import EntryRow

from .registry_model import RegistryModel
from .widgets import OptionalDateEdit

ROW_HEIGHT_EXTRA = 8
REFRESH_DELAY_MS = 150


class RegistryTable(QTableView):
    """The table itself: fixed row height (so a million rows cost nothing to lay out), Enter opens."""
    activated_row = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSortingEnabled(True)
        self.setTabKeyNavigation(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + ROW_HEIGHT_EXTRA)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionsMovable(True)
        hh.setStretchLastSection(False)
        self.doubleClicked.connect(lambda index: self.activated_row.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class SearchBox(QLineEdit):
    """The search field; Esc clears it (or, when empty, goes back to the table)."""
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


class RegistryPanel(QWidget):
    open_entry = Signal(int)
    selection_changed = Signal(object)   # EntryRow | None

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._view = "all"
        self._counts: dict[str, int] = {}
        self._pending_select: int | None = None
        self._pending_since = 0
        self._restore_scroll: int | None = None
        self.model = RegistryModel(app, self)

        self.tabs = QTabBar()
        self.tabs.setObjectName("viewTabs")
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for view in VIEWS:
            self.tabs.addTab(label(VIEW, view))
        self.tabs.currentChanged.connect(self._view_changed)

        self.search = SearchBox()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search number, name, subject… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setMinimumWidth(220)
        self._search_timer = QTimer(self, singleShot=True, interval=app.settings.search_delay_ms)
        self._search_timer.timeout.connect(self.apply)
        self.search.textEdited.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.search.escape.connect(self._escape_search)

        self.year = self._combo(self.tr("All years"), self.tr("Year"), 9)
        self.register = self._combo(self.tr("All registers"), self.tr("Register"), 12)
        self.direction = self._combo(self.tr("Any kind"), self.tr("Kind"), 9)
        for code in ("in", "out", "internal"):
            self.direction.addItem(label(DIRECTION, code), code)
        self.doc_type = self._combo(self.tr("Any document"), self.tr("Document type"), 13)
        self.compartment = self._combo(self.tr("Any compartment"), self.tr("Compartment"), 13)
        self.status = self._combo(self.tr("Any status"), self.tr("Status"), 10)
        for code in ("registered", "assigned", "resolved", "filed", "cancelled"):
            self.status.addItem(label(STATUS, code), code)
        self.date_from = OptionalDateEdit()
        self.date_from.setAccessibleName(self.tr("Registered from"))
        self.date_from.setToolTip(self.tr("Registered from"))
        self.date_to = OptionalDateEdit()
        self.date_to.setAccessibleName(self.tr("Registered until"))
        self.date_to.setToolTip(self.tr("Registered until"))
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _: self.apply())
        self.reset_button = QPushButton(self.tr("&Reset filters"))
        self.reset_button.clicked.connect(self.reset_filters)

        self.table = RegistryTable()
        self.table.setObjectName("registryTable")
        self.table.setModel(self.model)
        self.table.activated_row.connect(self._activate)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._selection(cur))
        self._setup_header()

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.model.total_changed.connect(self._show_total)
        self.model.loading.connect(self._show_loading)
        self.model.about_to_reload.connect(self._before_reload)
        self.model.reloaded.connect(self._after_reload)

        top = QHBoxLayout()
        top.addWidget(self.tabs)
        top.addStretch(1)
        top.addWidget(self.search, 2)
        filters = QHBoxLayout()
        for w in (self.year, self.register, self.direction, self.doc_type, self.compartment, self.status):
            filters.addWidget(w)
        filters.addWidget(QLabel(self.tr("from")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.reset_button)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)

    # --- building -------------------------------------------------------------------------------------

    def _combo(self, all_text: str, name: str, chars: int) -> QComboBox:
        """A filter list `chars` characters wide (longer names are elided; the list opens wider)."""
        combo = QComboBox()
        combo.addItem(all_text, None)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(chars)
        combo.view().setMinimumWidth(320)
        combo.currentIndexChanged.connect(lambda _: self.apply())
        return combo

    def _setup_header(self) -> None:
        hh = self.table.horizontalHeader()
        widths = {"number": 90, "date": 82, "direction": 66, "doc_type": 150, "party": 170, "subject": 300,
                  "compartment": 130, "assignee": 110, "deadline": 96, "status": 84}
        for i, key in enumerate(RegistryModel.COLUMNS):
            hh.resizeSection(i, widths[key])
        hh.setSectionResizeMode(RegistryModel.COLUMNS.index("subject"), QHeaderView.ResizeMode.Stretch)
        if self.app.settings.table_header:
            hh.restoreState(QByteArray.fromBase64(self.app.settings.table_header.encode()))
        self.table.sortByColumn(RegistryModel.COLUMNS.index("number"), Qt.SortOrder.DescendingOrder)

    def save_state(self) -> None:
        self.app.settings.table_header = bytes(self.table.horizontalHeader().saveState().toBase64()).decode()

    def set_choices(self, choices: Choices) -> None:
        """Fill the filter lists (keeping what is selected) from the nomenclator."""
        def refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for text, data in items:
                combo.addItem(text, data)
            i = combo.findData(current)
            combo.setCurrentIndex(i if i >= 0 else 0)
            combo.blockSignals(False)
        refill(self.year, [(str(y), y) for y in choices.years])
        refill(self.register, [(r.name, r.code) for r in choices.registers])
        self.register.setVisible(len(choices.registers) > 1)
        refill(self.doc_type, [(d.name, d.code) for d in choices.doc_types])
        refill(self.compartment, [(c.name, c.code) for c in choices.compartments])

    # --- queries --------------------------------------------------------------------------------------

    def filters(self) -> Filters:
        """What the filter bar and search box ask for, combined with the current view."""
        bar = Filters(text=self.search.text().strip(), year=self.year.currentData(),
                      register=self.register.currentData(), direction=self.direction.currentData(),
                      doc_type=self.doc_type.currentData(), compartment=self.compartment.currentData(),
                      status=[self.status.currentData()] if self.status.currentData() else [],
                      date_from=self.date_from.value(), date_to=self.date_to.value())
        return combine(view_filters(self._view, self.app.actor.username, self.app.settings.due_soon_days), bar)

    def apply(self) -> None:
        self._search_timer.stop()
        self._restore_scroll = None
        q = self.model.query
        self.model.set_query(TableQuery(self.filters(), q.sort, q.descending))

    def refresh(self) -> None:
        """Re-read the table and the view counts (after a change)."""
        self._restore_scroll = self.table.verticalScrollBar().value()
        self.model.refresh()
        self.refresh_counts()

    def schedule_refresh(self) -> None:
        """Coalesce a burst of changes into one refresh."""
        self._refresh_timer.start()

    def refresh_counts(self) -> None:
        self.app.tasks.run(queries.view_counts(self.app, self.app.settings.due_soon_days), key="view-counts",
                           label="view counts", on_done=self._show_counts, owner=self)

    def _show_counts(self, counts: dict[str, int]) -> None:
        self._counts = counts
        for i, view in enumerate(VIEWS):
            n = counts.get(view)
            text = label(VIEW, view)
            self.tabs.setTabText(i, f"{text} ({n})" if n else text)

    def _view_changed(self, index: int) -> None:
        self._view = VIEWS[index]
        if self._view in ("due_soon", "overdue"):
            self.table.sortByColumn(RegistryModel.COLUMNS.index("deadline"), Qt.SortOrder.AscendingOrder)
        self.apply()

    def set_view(self, view: str) -> None:
        self.tabs.setCurrentIndex(VIEWS.index(view))

    def reset_filters(self) -> None:
        for combo in (self.year, self.register, self.direction, self.doc_type, self.compartment, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.clear_value()
            edit.blockSignals(False)
        self.search.clear()
        self.apply()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_now(self) -> None:
        self.apply()
        self.table.setFocus()

    def _escape_search(self) -> None:
        if self.search.text():
            self.search.clear()
            self.apply()
        else:
            self.table.setFocus()

    # --- selection ----------------------------------------------------------------------------------------

    def selected_entry(self) -> EntryRow | None:
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def select_entry(self, entry_id: int) -> None:
        """Select an entry now, or as soon as a reload brings it (e.g. right after registering it)."""
        self._pending_select = entry_id
        self._pending_since = self.model.generation
        self._try_select()

    def _try_select(self) -> None:
        if self._pending_select is None:
            return
        row = self.model.row_of(self._pending_select)
        if row is not None:
            self._pending_select = None
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        elif self.model.has_snapshot and self.model.generation > self._pending_since:
            self._pending_select = None   # not among the rows of a query started after the wish

    def _before_reload(self) -> None:
        """Remember the selected entry (by id: rows may move) and let go of its row."""
        row = self.selected_entry()
        if row is not None and self._pending_select is None:
            self._pending_select = row.id
            self._pending_since = self.model.generation - 1
        self.table.selectionModel().clear()

    def _after_reload(self) -> None:
        if self._restore_scroll is not None:
            self.table.verticalScrollBar().setValue(self._restore_scroll)
            self._restore_scroll = None
        else:
            self.table.scrollToTop()
        self._try_select()

    def _selection(self, current: QModelIndex) -> None:
        self.selection_changed.emit(self.model.entry(current.row()) if current.isValid() else None)

    def _activate(self, row: int) -> None:
        entry = self.model.entry(row)
        if entry is not None:
            self.open_entry.emit(entry.id)

    # --- status line ----------------------------------------------------------------------------------------

    def _show_total(self, total: int | None) -> None:
        if total is None:
            self.count_label.setText(self.tr("Counting…"))
        else:
            self.count_label.setText(self.tr("{count} entries").format(count=f"{total:,}".replace(",", ".")))
            self._try_select()

    def _show_loading(self, loading: bool) -> None:
        self.table.setCursor(Qt.CursorShape.BusyCursor if loading else Qt.CursorShape.ArrowCursor)
