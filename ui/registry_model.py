"""The registry as a lazy table model: it never holds more than a few pages of rows.

`set_query` starts one background read that delivers the first page at once (with the exact count
when counting is cheap) and then the *key snapshot*: every matching id in display order. A row the
view asks for that is not cached yet shows as a placeholder while its page is fetched on a worker;
only the most recently wanted pages are fetched (older wishes are dropped when the clerk scrolls past),
at most `MAX_IN_FLIGHT` at a time. Results of a superseded query are ignored (`_generation`).
"""
from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QModelRoleDataSpan, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop import queries
from desktop.context import AppContext
from desktop.formatting import ro_date
from desktop.labels import DIRECTION, STATUS, label
from local_db.table_queries import FirstPage, TableQuery
from local_db.views import EntryRow


DISPLAY = Qt.ItemDataRole.DisplayRole
FONT = Qt.ItemDataRole.FontRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
USER = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200
MAX_CACHED_PAGES = 64
MAX_IN_FLIGHT = 2
MAX_WANTED = 6
Index = QModelIndex | QPersistentModelIndex


class RegistryModel(QAbstractTableModel):
    #: (column key = sort key of local_db.table_queries.SORTS, header)
    COLUMNS = ("number", "date", "direction", "doc_type", "party", "subject", "compartment", "assignee",
               "deadline", "status")
    loading = Signal(bool)
    #: total rows, or None while only a lower bound is known
    total_changed = Signal(object)
    #: emitted before / after a query's first page replaces the model's content (new query or refresh)
    about_to_reload = Signal()
    reloaded = Signal()

    def __init__(self, app: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.app = app
        self.query = TableQuery()
        self._generation = 0
        self._shown_generation = 0
        self._count = 0
        self._exact = True
        self._keys: array | None = None
        self._pages: OrderedDict[int, list[_Line]] = OrderedDict()
        self._wanted: list[int] = []
        self._in_flight: set[int] = set()
        self._today = date.today().isoformat()
        self._headers = [self.tr("No."), self.tr("Date"), self.tr("Kind"), self.tr("Document type"),
                         self.tr("Sender / recipient"), self.tr("Subject"), self.tr("Compartment"),
                         self.tr("Assignee"), self.tr("Deadline"), self.tr("Status")]
        self._placeholder = self.tr("loading…")
        self._italic = QFont()
        self._italic.setItalic(True)
        self._bold = QFont()
        self._bold.setBold(True)
        self._grey = QBrush(QColor("#888888"))
        self._grey_text = QBrush(QColor("#8a8a8a"))
        self._red = QBrush(QColor("#b00020"))
        self._labels = {**{("d", code): label(DIRECTION, code) for code in DIRECTION},
                        **{("s", code): label(STATUS, code) for code in STATUS}}
        self._tooltip_columns = {self.COLUMNS.index(c) for c in ("subject", "party", "doc_type")}

    # --- queries ---------------------------------------------------------------------------------------

    def set_query(self, query: TableQuery) -> None:
        """Show the result of `query` (its first page replaces the current rows when it arrives)."""
        self.query = query
        self._start()

    def refresh(self) -> None:
        """Read the same query again (after a change), keeping what is shown until the new data is in."""
        self._start()

    def _start(self) -> None:
        self._generation += 1
        generation = self._generation
        self._today = date.today().isoformat()
        self.loading.emit(True)
        self.app.tasks.run(queries.open_table(self.app, self.query, PAGE_SIZE), key="registry-table",
                           label="registry table",
                           on_partial=lambda first: self._first_page(generation, first),
                           on_done=lambda keys: self._snapshot(generation, keys),
                           on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _first_page(self, generation: int, first: FirstPage) -> None:
        """Show a query's first page. When the number of rows stays the same (a refresh after an edit, a
        new sort order) the rows are swapped in place: a model reset makes Qt's header rebuild one
        record per row, 25–50 ms of GUI time at a million rows."""
        if generation != self._generation:
            return
        count = first.total if first.total is not None else len(first.rows)
        in_place = first.total is not None and count == self._count and count > 0
        self.about_to_reload.emit()
        if not in_place:
            self.beginResetModel()
        self._shown_generation = generation
        self._pages.clear()
        self._wanted.clear()
        self._in_flight.clear()
        self._keys = None
        self._pages[0] = [self._format(r) for r in first.rows]
        self._exact = first.total is not None
        self._count = count
        if in_place:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.COLUMNS) - 1))
        else:
            self.endResetModel()
        self.total_changed.emit(self._count if self._exact else None)
        self.reloaded.emit()

    def _snapshot(self, generation: int, keys: array) -> None:
        if generation != self._generation:
            return
        self._keys = keys
        new_count = len(keys)
        if new_count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, new_count - 1)
            self._count = new_count
            self.endInsertRows()
        elif new_count < self._count:
            self.beginRemoveRows(QModelIndex(), new_count, self._count - 1)
            self._count = new_count
            self.endRemoveRows()
        self._exact = True
        self.total_changed.emit(self._count)
        self.loading.emit(False)
        self._pump()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.loading.emit(False)
            self.app.tasks.error.emit(exc)

    # --- pages -----------------------------------------------------------------------------------------

    def _line(self, row: int, touch: bool) -> "_Line | None":
        page, offset = divmod(row, PAGE_SIZE)
        lines = self._pages.get(page)
        if lines is None:
            self._want(page)
            return None
        if touch:
            self._pages.move_to_end(page)
        return lines[offset] if offset < len(lines) else None

    def _want(self, page: int) -> None:
        if page in self._in_flight:
            return
        if page in self._wanted:
            self._wanted.remove(page)
        self._wanted.append(page)
        del self._wanted[:-MAX_WANTED]
        self._pump()

    def _pump(self) -> None:
        if self._keys is None and not self._exact:
            return  # until the count is known, only the first page can be placed
        while self._wanted and len(self._in_flight) < MAX_IN_FLIGHT:
            page = self._wanted.pop()
            if page in self._pages:
                continue
            self._in_flight.add(page)
            generation = self._generation
            start = page * PAGE_SIZE
            if self._keys is not None:
                fetch = queries.table_rows(self.app, list(self._keys[start:start + PAGE_SIZE]))
            else:
                fetch = queries.table_page_at(self.app, self.query, start, PAGE_SIZE)
            self.app.tasks.run(fetch, label="registry page",
                               on_done=lambda rows, p=page, g=generation: self._page_loaded(g, p, rows),
                               on_error=lambda exc, p=page, g=generation: self._page_failed(g, p, exc), owner=self)

    def _page_loaded(self, generation: int, page: int, rows: list[EntryRow]) -> None:
        if generation != self._generation:
            return
        self._in_flight.discard(page)
        self._pages[page] = [self._format(r) for r in rows]
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page * PAGE_SIZE
        last = min(self._count, first + PAGE_SIZE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))
        self._pump()

    def _page_failed(self, generation: int, page: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._in_flight.discard(page)
            self.app.tasks.error.emit(exc)

    # --- lookups for the view ----------------------------------------------------------------------------

    def entry(self, row: int) -> EntryRow | None:
        """The row's entry if it is loaded (without asking for it)."""
        lines = self._pages.get(row // PAGE_SIZE)
        return lines[row % PAGE_SIZE].entry if lines is not None and row % PAGE_SIZE < len(lines) else None

    def row_of(self, entry_id: int) -> int | None:
        """Position of an entry in the current result, if it is there."""
        if self._keys is not None:
            try:
                return self._keys.index(entry_id)
            except ValueError:
                return None
        for page, lines in self._pages.items():
            for i, line in enumerate(lines):
                if line.entry.id == entry_id:
                    return page * PAGE_SIZE + i
        return None

    @property
    def exact(self) -> bool:
        return self._exact

    @property
    def generation(self) -> int:
        """Grows with every query started (new filters, sort, refresh)."""
        return self._generation

    @property
    def has_snapshot(self) -> bool:
        """The current query's rows are all placed (its key snapshot is in); False while a newer
        query is still loading."""
        return self._keys is not None and self._shown_generation == self._generation

    # --- Qt model interface --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.COLUMNS[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self.query.sort, self.query.descending):
            self.set_query(TableQuery(self.query.filters, key, descending))

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """Called for every painted cell and role: a tuple lookup into the row formatted on arrival."""
        line = self._line(index.row(), touch=role == DISPLAY and index.column() == 0)
        column = index.column()
        if line is None:
            if role == DISPLAY and column == 0:
                return self._placeholder
            return self._grey if role == FOREGROUND else None
        if role == DISPLAY:
            return line.texts[column]
        if role == FONT:
            return line.fonts[column]
        if role == FOREGROUND:
            return line.brushes[column]
        if role == TOOLTIP:
            return line.texts[column] if column in self._tooltip_columns else None
        if role == USER:
            return line.entry.id
        return None

    def multiData(self, index: Index, span: QModelRoleDataSpan) -> None:
        """All roles of a cell in one call (Qt 6's delegate asks for ~7 roles per painted cell): one
        trip into Python per cell instead of seven, so painting rarely waits for a busy worker's GIL."""
        for role_data in span:
            value = self.data(index, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _format(self, row: EntryRow) -> "_Line":
        """Texts, fonts and colours of a row, computed once when its page arrives."""
        texts = tuple(self._text(row, column) for column in self.COLUMNS)
        cancelled = row.status == "cancelled"
        fonts = tuple(self._italic if cancelled else
                      self._bold if column == "number" or (column == "deadline" and row.overdue) else None
                      for column in self.COLUMNS)
        brushes = tuple(self._grey_text if cancelled else
                        self._red if column == "deadline" and row.overdue else None
                        for column in self.COLUMNS)
        return _Line(row, texts, fonts, brushes)

    def _text(self, row: EntryRow, column: str) -> str:
        if column == "number":
            return row.ref
        if column == "date":
            return ro_date(row.reg_date)
        if column == "direction":
            return self._labels[("d", row.direction)] if ("d", row.direction) in self._labels else row.direction
        if column == "deadline":
            return ro_date(row.deadline)
        if column == "status":
            return self._labels[("s", row.status)] if ("s", row.status) in self._labels else row.status
        return getattr(row, column) or ""


@dataclass(frozen=True, slots=True)
class _Line:
    entry: EntryRow
    texts: tuple[str, ...]
    fonts: tuple[QFont | None, ...]
    brushes: tuple[QBrush | None, ...]
