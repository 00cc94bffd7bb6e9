"""Pieces shared by the archive screens: translated labels of the archive's codes, a keyboard-friendly
record table (Enter opens, Space ticks, sortable), year/compartment pickers and a form-error helper."""
from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QHeaderView, QTableWidget, QTableWidgetItem, QWidget,
)

from desktop.formatting import ro_date
from local_db.views import NamedCode

CONTEXT = "ArchiveLabels"
STATUS = {
    "open": QT_TRANSLATE_NOOP("ArchiveLabels", "Open"),
    "closed": QT_TRANSLATE_NOOP("ArchiveLabels", "Closed"),
    "archived": QT_TRANSLATE_NOOP("ArchiveLabels", "In the archive"),
    "lent": QT_TRANSLATE_NOOP("ArchiveLabels", "Lent"),
    "disposed": QT_TRANSLATE_NOOP("ArchiveLabels", "Disposed of"),
    "proposed": QT_TRANSLATE_NOOP("ArchiveLabels", "Proposed"),
    "approved": QT_TRANSLATE_NOOP("ArchiveLabels", "Approved"),
    "executed": QT_TRANSLATE_NOOP("ArchiveLabels", "Executed"),
    "withdrawn": QT_TRANSLATE_NOOP("ArchiveLabels", "Withdrawn"),
}
REASON = {
    "history": QT_TRANSLATE_NOOP("ArchiveLabels", "filed there before"),
    "doc_type": QT_TRANSLATE_NOOP("ArchiveLabels", "document type"),
    "compartment": QT_TRANSLATE_NOOP("ArchiveLabels", "compartment"),
    "words": QT_TRANSLATE_NOOP("ArchiveLabels", "words of the title"),
}
PERMANENT = QT_TRANSLATE_NOOP("ArchiveLabels", "permanent")
YEARS = QT_TRANSLATE_NOOP("ArchiveLabels", "{n} years")
CS = QT_TRANSLATE_NOOP("ArchiveLabels", "CS (committee)")
OVERDUE = QColor("#b00020")
#: Tabs drawn by a style sheet: with the native style an unselected tab clips the circumflex of a capital
#: Î ("Împrumuturi") in the bundled DejaVu font; the padding leaves room for it.
TAB_STYLE = ("QTabBar::tab { padding: 6px 12px 5px 12px; margin-right: 2px; border: 1px solid #b9b9b9; "
             "border-bottom: none; border-top-left-radius: 3px; border-top-right-radius: 3px; background: #e4e4e4; } "
             "QTabBar::tab:selected { background: #ffffff; } QTabBar::tab:!selected { margin-top: 2px; }")
MUTED = QColor("#666666")


def lt(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_text(code: str) -> str:
    return lt(STATUS[code]) if code in STATUS else code


def retention_text(code: str) -> str:
    if code == "P":
        return lt(PERMANENT)
    if code.startswith("CS"):
        years = code[2:].strip()
        return lt(CS) + (f" {years}" if years else "")
    return lt(YEARS).format(n=code)


def dates_text(a: str | None, b: str | None) -> str:
    if not a:
        return ""
    return ro_date(a) if a == b else f"{ro_date(a)} – {ro_date(b)}"


def _key(record: Any) -> Any:
    for name in ("uuid", "dossier_uuid", "ref"):
        value = getattr(record, name, None)
        if value:
            return value
    inner = getattr(record, "dossier", None)
    return getattr(inner, "uuid", None) or id(record)


class RecordTable(QTableWidget):
    """Rows of plain records: `set_rows(records, cells)`. Enter (or a double click) emits `activated`
    with the current record; with `checkable`, the first column ticks (Space toggles the current row)."""
    activated = Signal(object)
    current_changed = Signal(object)

    def __init__(self, headers: Sequence[str], checkable: bool = False, parent: QWidget | None = None,
                 key: Callable[[Any], Any] | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.checkable = checkable
        self.key = key or _key
        self.records: list[Any] = []
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setSortingEnabled(True)
        # rows come in the core's order (natural indicator order, newest year first…) until the user
        # clicks a column header to sort by it
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(True)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.doubleClicked.connect(lambda _i: self._activate())
        self.itemSelectionChanged.connect(lambda: self.current_changed.emit(self.current()))

    def set_rows(self, records: Iterable[Any], cells: Callable[[Any], Sequence[Any]],
                 color: Callable[[Any], QColor | None] | None = None) -> None:
        """Fill the table; the current row and the ticks stay on the same records (by key)."""
        current = self.current()
        keep = self.key(current) if current is not None else None
        ticked = {self.key(x) for x in self.checked()} if self.checkable else set()
        self.setSortingEnabled(False)
        self.records = list(records)
        self.clearContents()
        self.setRowCount(len(self.records))
        for row, rec in enumerate(self.records):
            brush = color(rec) if color else None
            for col, value in enumerate(cells(rec)):
                item = QTableWidgetItem()
                if isinstance(value, int) and not isinstance(value, bool):
                    item.setData(Qt.ItemDataRole.DisplayRole, value)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                else:
                    item.setText("" if value is None else str(value))
                item.setData(Qt.ItemDataRole.UserRole, row)
                if brush is not None:
                    item.setForeground(QBrush(brush))
                if col == 0 and self.checkable:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if self.key(rec) in ticked else Qt.CheckState.Unchecked)
                self.setItem(row, col, item)
        self.setSortingEnabled(True)
        self.resizeColumnsToContents()
        for col in range(self.columnCount() - 1):
            self.setColumnWidth(col, min(self.columnWidth(col), 340))
        if keep is None or not self.select_where(lambda r: self.key(r) == keep):
            if self.records:
                self.setCurrentCell(0, 0)

    def record_at(self, row: int) -> Any:
        item = self.item(row, 0)
        if item is None:
            return None
        return self.records[item.data(Qt.ItemDataRole.UserRole)]

    def current(self) -> Any:
        row = self.currentRow()
        return self.record_at(row) if row >= 0 and self.records else None

    def selected(self) -> list[Any]:
        rows = sorted({i.row() for i in self.selectedIndexes()})
        return [self.record_at(r) for r in rows]

    def checked(self) -> list[Any]:
        return [self.record_at(r) for r in range(self.rowCount())
                if self.item(r, 0) is not None and self.item(r, 0).checkState() == Qt.CheckState.Checked]

    def set_all_checked(self, on: bool) -> None:
        for r in range(self.rowCount()):
            self.item(r, 0).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def select_where(self, match: Callable[[Any], bool]) -> bool:
        for r in range(self.rowCount()):
            if match(self.record_at(r)):
                self.setCurrentCell(r, 0)
                return True
        return False

    def _activate(self) -> None:
        rec = self.current()
        if rec is not None:
            self.activated.emit(rec)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current() is not None:
            self._activate()
            return
        if event.key() == Qt.Key.Key_Space and self.checkable and self.currentRow() >= 0:
            item = self.item(self.currentRow(), 0)
            item.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                               else Qt.CheckState.Checked)
            return
        super().keyPressEvent(event)


class YearCombo(QComboBox):
    """Years to choose from (editable: any four-digit year can be typed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(6)

    def set_years(self, years: Iterable[int], current: int | None = None) -> None:
        keep = current if current is not None else self.year()
        self.blockSignals(True)
        self.clear()
        for y in years:
            self.addItem(str(y), y)
        if keep is not None:
            if self.findData(keep) < 0:
                self.addItem(str(keep), keep)
            self.setCurrentIndex(self.findData(keep))
        self.blockSignals(False)

    def year(self) -> int | None:
        text = self.currentText().strip()
        return int(text) if text.isdigit() and len(text) == 4 else None


class CompartmentCombo(QComboBox):
    def __init__(self, any_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.any_text = any_text
        self.setMinimumContentsLength(14)

    def set_compartments(self, items: Iterable[NamedCode], extra: Iterable[str] = ()) -> None:
        keep = self.code()
        self.blockSignals(True)
        self.clear()
        if self.any_text is not None:
            self.addItem(self.any_text, "")
        known = set()
        for c in items:
            self.addItem(f"{c.name} ({c.code})", c.code)
            known.add(c.code)
        for code in extra:
            if code and code not in known:
                self.addItem(code, code)
                known.add(code)
        i = self.findData(keep)
        self.setCurrentIndex(i if i >= 0 else 0)
        self.blockSignals(False)

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str) -> None:
        i = self.findData(code)
        if i < 0 and code:
            self.addItem(code, code)
            i = self.findData(code)
        self.setCurrentIndex(max(i, 0))


def date_edit(value: QDate | None = None) -> QDateEdit:
    edit = QDateEdit(value or QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


def iso(edit: QDateEdit) -> str:
    return edit.date().toString("yyyy-MM-dd")
