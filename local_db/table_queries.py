"""Read-only queries behind the desktop registry table and the printed register (no Qt here, ever).

The table never loads every row. Opening a query returns its first page at once, then — in the same
read transaction, so the numbers agree — its exact size and a *key snapshot*: the ids of every matching
entry in display order, packed in an `array('q')` (8 bytes per row: 8 MB for a million). A page is then
one primary-key lookup of ~200 ids wherever the clerk scrolls, whatever the sort or filter. Until the
snapshot is ready, pages are read with LIMIT/OFFSET over the same ordering.

Filters have the meaning `local_db.search.build_query` gives them (one definition for the CLI, the core
search and the table). Long statements take a `cancelled` callable, polled through SQLite's progress
handler, so a superseded search stops within milliseconds instead of running to completion.
"""
from __future__ import annotations

import sqlite3
import time
from array import array
from operator import itemgetter
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Callable, Iterator, Sequence

from sqlalchemy.orm import Session

from .entries import OPEN_STATUSES, ROW_JOINS, ROW_SELECT, entry_row
from .registry import Registry
from .search import Filters, build_query, fts_query
from .views import EntryRef, EntryRow

Cancelled = Callable[[], bool]
PROGRESS_STEPS = 20000
FETCH_CHUNK = 20000

_PARTY = ("CASE WHEN e.direction = 'in' THEN e.sender_name "
          "ELSE COALESCE(NULLIF(e.recipient_name, ''), e.sender_name) END")
#: Sorts an index serves without reading the whole result (the unique (year, number) index, reg_date).
INDEXED_SORTS = ("number", "date")
#: Sort keys of the table columns. Every order ends on a unique key, so positions are stable.
SORTS: dict[str, str] = {
    "number": "e.year {d}, e.number {d}, e.number_suffix {d}",
    "date": "e.reg_date {d}, e.id {d}",
    "direction": "e.direction {d}, e.id {d}",
    "doc_type": "COALESCE(dt.name, '') {d}, e.id {d}",
    "party": _PARTY + " {d}, e.id {d}",
    "subject": "e.subject {d}, e.id {d}",
    "compartment": "COALESCE(c.name, '') {d}, e.id {d}",
    "assignee": "COALESCE(NULLIF(u.full_name, ''), u.username, '') {d}, e.id {d}",
    "deadline": "e.deadline IS NULL, e.deadline {d}, e.id {d}",
    "status": "e.status {d}, e.id {d}",
}


class QueryCancelled(Exception):
    """The caller's `cancelled()` turned true while a statement ran."""


@dataclass(frozen=True)
class TableQuery:
    filters: Filters = field(default_factory=Filters)
    sort: str = "number"
    descending: bool = True

    def order_sql(self) -> str:
        return SORTS[self.sort].format(d="DESC" if self.descending else "ASC")


@dataclass(frozen=True)
class FirstPage:
    rows: list[EntryRow]
    total: int | None          # None when counting would have taken too long; the snapshot brings it


@dataclass(frozen=True)
class RegisterLine:
    """One line of the printed register: the 13 columns of the 1996 instructions (art. 9) plus state."""
    ref: str
    reg_date: str
    issuer_ref: str
    pages: int
    annexes: int
    issuer: str
    subject: str
    compartment: str
    dispatch_date: str
    resolution_kind: str
    resolution: str
    reply_ref: str
    recipient: str
    joined_to: str
    dossier_indicator: str
    direction: str
    status: str
    cancelled_reason: str
    key: tuple[int, int, str]


# --- plumbing -------------------------------------------------------------------------------------

def _raw(s: Session) -> sqlite3.Connection:
    return s.connection().connection.driver_connection  # type: ignore[return-value]


@contextmanager
def _guard(con: sqlite3.Connection, cancelled: Cancelled | None, budget_s: float | None = None) -> Iterator[None]:
    """Abort the running statement when `cancelled()` or the time budget says so."""
    if cancelled is None and budget_s is None:
        yield
        return
    limit = time.monotonic() + budget_s if budget_s is not None else None

    def handler() -> int:
        if cancelled is not None and cancelled():
            return 1
        return 1 if limit is not None and time.monotonic() > limit else 0

    con.set_progress_handler(handler, PROGRESS_STEPS)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            raise QueryCancelled() from None
        raise
    finally:
        con.set_progress_handler(None, 0)


def _sql(q: TableQuery, today: date, select_sql: str, with_order: bool = True) -> tuple[str, dict[str, Any]]:
    order = q.order_sql() if with_order else ""
    sql, params = build_query(q.filters, today, select_sql=select_sql, order=None, uses=order)
    return (f"{sql} ORDER BY {order}" if with_order else sql), params


# --- the registry table ---------------------------------------------------------------------------

def open_table(reg: Registry, q: TableQuery, page_size: int, on_first: Callable[[FirstPage], None],
               cancelled: Cancelled | None = None, count_budget_s: float = 0.05) -> array:
    """First page (handed to `on_first` as soon as it is read, with the total if counting is cheap),
    then the key snapshot of the whole result, all in one read transaction.

    When an index serves the order (number or date, no words to match), the first page is read
    directly and SQLite stops after it; otherwise the snapshot is sorted first and the page read from it.
    """
    today = reg.db.today()
    with reg.db.read() as s:
        con = _raw(s)
        if q.sort in INDEXED_SORTS and not fts_query(q.filters.text):
            sql, params = _sql(q, today, ROW_SELECT)
            with _guard(con, cancelled):
                rows = [entry_row(r, today.isoformat()) for r in con.execute(f"{sql} LIMIT {int(page_size)}", params)]
            total: int | None = len(rows) if len(rows) < page_size else None
            if total is None:
                count_sql, count_params = _sql(q, today, "SELECT count(*)", with_order=False)
                try:
                    with _guard(con, cancelled, count_budget_s):
                        total = con.execute(count_sql, count_params).fetchone()[0]
                except QueryCancelled:
                    if cancelled is not None and cancelled():
                        raise
            on_first(FirstPage(rows, total))
            if total is not None and total <= page_size:
                return array("q", (r.id for r in rows))
            return _snapshot(con, q, today, cancelled)
        keys = _snapshot(con, q, today, cancelled)
        on_first(FirstPage(_rows_by_ids(con, keys[:page_size], today.isoformat()), len(keys)))
        return keys


def _snapshot(con: sqlite3.Connection, q: TableQuery, today: date, cancelled: Cancelled | None) -> array:
    keys = array("q")
    key_sql, key_params = _sql(q, today, "SELECT e.id")
    first = itemgetter(0)
    with _guard(con, cancelled):
        cur = con.execute(key_sql, key_params)
        while chunk := cur.fetchmany(FETCH_CHUNK):
            keys.extend(map(first, chunk))
    return keys


def page_at(reg: Registry, q: TableQuery, offset: int, limit: int,
            cancelled: Cancelled | None = None) -> list[EntryRow]:
    """Rows `offset … offset+limit` of the query by LIMIT/OFFSET (used before the snapshot is ready)."""
    today = reg.db.today()
    with reg.db.read() as s:
        con = _raw(s)
        key_sql, params = _sql(q, today, "SELECT e.id")
        with _guard(con, cancelled):
            ids = [r[0] for r in con.execute(f"{key_sql} LIMIT {int(limit)} OFFSET {int(offset)}", params)]
        return _rows_by_ids(con, ids, today.isoformat())


def rows_by_ids(reg: Registry, ids: Sequence[int]) -> list[EntryRow]:
    """The rows of these entries, in the order given (ids no longer present are skipped)."""
    today = reg.db.today().isoformat()
    with reg.db.read() as s:
        return _rows_by_ids(_raw(s), ids, today)


def _rows_by_ids(con: sqlite3.Connection, ids: Sequence[int], today: str) -> list[EntryRow]:
    if not ids:
        return []
    found: dict[int, EntryRow] = {}
    for start in range(0, len(ids), 500):
        part = list(ids[start:start + 500])
        marks = ",".join("?" * len(part))
        for r in con.execute(f"{ROW_SELECT} FROM entry e {ROW_JOINS} WHERE e.id IN ({marks})", part):
            found[r[0]] = entry_row(r, today)
    return [found[i] for i in ids if i in found]


def count(reg: Registry, filters: Filters, cancelled: Cancelled | None = None) -> int:
    today = reg.db.today()
    sql, params = _sql(TableQuery(filters), today, "SELECT count(*)", with_order=False)
    with reg.db.read() as s:
        con = _raw(s)
        with _guard(con, cancelled):
            return con.execute(sql, params).fetchone()[0]


def view_filters(view: str, username: str, due_soon_days: int) -> Filters:
    """The predefined views of the table: all, mine, due_soon, overdue, cancelled."""
    if view == "mine":
        return Filters(assignee=username, status=list(OPEN_STATUSES))
    if view == "due_soon":
        return Filters(due_within_days=due_soon_days)
    if view == "overdue":
        return Filters(overdue=True)
    if view == "cancelled":
        return Filters(status=["cancelled"])
    if view == "all":
        return Filters()
    raise ValueError(f"unknown view {view!r}")


VIEWS = ("all", "mine", "due_soon", "overdue", "cancelled")


def combine(view: Filters, bar: Filters) -> Filters:
    """A view's conditions AND the filter bar's. Statuses intersect; an empty intersection matches nothing."""
    status = bar.status
    if view.status and bar.status:
        status = [st for st in view.status if st in bar.status] or ["-none-"]
    elif view.status:
        status = view.status
    return replace(bar, status=list(status), overdue=view.overdue or bar.overdue,
                   due_within_days=view.due_within_days if view.due_within_days is not None else bar.due_within_days,
                   assignee=view.assignee or bar.assignee)


def view_counts(reg: Registry, username: str, due_soon_days: int,
                views: Sequence[str] = ("mine", "due_soon", "overdue"),
                cancelled: Cancelled | None = None) -> dict[str, int]:
    """How many entries each view holds (the numbers on the view tabs)."""
    today = reg.db.today()
    out: dict[str, int] = {}
    with reg.db.read() as s:
        con = _raw(s)
        for view in views:
            sql, params = _sql(TableQuery(view_filters(view, username, due_soon_days)), today, "SELECT count(*)",
                               with_order=False)
            with _guard(con, cancelled):
                out[view] = con.execute(sql, params).fetchone()[0]
    return out


# --- the printed register -------------------------------------------------------------------------

_LINE_SELECT = (
    "SELECT e.year, e.number, e.number_suffix, e.reg_date, e.issuer_ref, e.pages, e.annexes, e.sender_name, "
    "e.subject, COALESCE(c.name, ''), COALESCE(e.dispatch_date, r.reg_date, ''), e.resolution_kind, e.resolution, "
    "r.year, r.number, r.number_suffix, "
    "COALESCE(NULLIF(e.recipient_name, ''), CASE WHEN r.id IS NOT NULL THEN r.recipient_name END, ''), "
    "e.joined_to, e.dossier_indicator, e.direction, e.status, e.cancelled_reason "
    "FROM entry e LEFT JOIN compartment c ON c.id = e.compartment_id LEFT JOIN entry r ON r.id = e.reply_entry_id "
)


def _register_where(date_from: date, date_to: date, register: str | None) -> tuple[str, dict[str, Any]]:
    where = "e.reg_date >= :dfrom AND e.reg_date <= :dto"
    params: dict[str, Any] = {"dfrom": date_from.isoformat(), "dto": date_to.isoformat()}
    if register:
        where += " AND e.register_id = (SELECT id FROM register WHERE code = :register)"
        params["register"] = register
    return where, params


def register_count(reg: Registry, date_from: date, date_to: date, register: str | None = None) -> int:
    where, params = _register_where(date_from, date_to, register)
    with reg.db.read() as s:
        return _raw(s).execute(f"SELECT count(*) FROM entry e WHERE {where}", params).fetchone()[0]


def register_lines(reg: Registry, date_from: date, date_to: date, register: str | None = None,
                   after: tuple[int, int, str] | None = None, limit: int = 500) -> list[RegisterLine]:
    """Register lines of a period in register order (year, number), a page at a time after `after`."""
    where, params = _register_where(date_from, date_to, register)
    if after is not None:
        where += " AND (e.year, e.number, e.number_suffix) > (:ay, :an, :asuf)"
        params.update(ay=after[0], an=after[1], asuf=after[2])
    sql = f"{_LINE_SELECT} WHERE {where} ORDER BY e.year, e.number, e.number_suffix LIMIT {int(limit)}"
    with reg.db.read() as s:
        out = []
        for (year, num, suf, reg_date, issuer_ref, pages, annexes, sender, subject, comp, dispatch, rkind, rtext,
             ry, rn, rsuf, recipient, joined, dossier, direction, status, reason) in _raw(s).execute(sql, params):
            out.append(RegisterLine(
                ref=str(EntryRef(num, year, suf)), reg_date=reg_date, issuer_ref=issuer_ref, pages=pages,
                annexes=annexes, issuer=sender, subject=subject, compartment=comp, dispatch_date=dispatch,
                resolution_kind=rkind, resolution=rtext, reply_ref=str(EntryRef(rn, ry, rsuf)) if rn else "",
                recipient=recipient, joined_to=joined, dossier_indicator=dossier, direction=direction, status=status,
                cancelled_reason=reason, key=(year, num, suf)))
        return out
