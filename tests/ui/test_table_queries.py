"""local_db.table_queries: the table's first page, counts and key snapshots agree with the core's
search, for every order and the filters the table offers; and the module never needs Qt."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from local_db import Filters, Registry
from local_db import table_queries as tq

from .conftest import BULK_ROWS


@pytest.fixture
def reg(data_dir: Path):
    r = Registry.open(data_dir)
    yield r
    r.close()


FILTERS = [Filters(), Filters(direction="in"), Filters(status=["cancelled"]), Filters(text="cerere"),
           Filters(text="sesizare drum"), Filters(year=date.today().year - 1, compartment="URB"),
           Filters(overdue=True), Filters(text="zzzz-nothing")]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f)[:60])
def test_snapshot_matches_core_search_and_count(reg: Registry, filters: Filters) -> None:
    firsts: list[tq.FirstPage] = []
    keys = tq.open_table(reg, tq.TableQuery(filters, "date", True), 100, firsts.append)
    core_ids = [r.id for r in reg.entries.search(filters, limit=BULK_ROWS * 2, order="newest")]
    assert sorted(keys) == sorted(core_ids)
    assert len(keys) == reg.entries.count(filters) == tq.count(reg, filters)
    assert [r.id for r in firsts[0].rows] == list(keys[:100])
    assert firsts[0].total in (None, len(keys))


@pytest.mark.parametrize("sort", list(tq.SORTS))
def test_every_column_sorts_and_pages_agree(reg: Registry, sort: str) -> None:
    q = tq.TableQuery(Filters(), sort, descending=sort != "subject")
    keys = tq.open_table(reg, q, 50, lambda first: None)
    assert len(keys) == BULK_ROWS and len(set(keys)) == BULK_ROWS
    assert [r.id for r in tq.page_at(reg, q, 1234, 50)] == list(keys[1234:1284])
    rows = tq.rows_by_ids(reg, list(keys[:300]))
    values = [getattr(r, {"date": "reg_date", "number": "ref"}.get(sort, sort)) or "" for r in rows]
    if sort in ("subject", "status", "direction"):
        assert values == sorted(values, reverse=q.descending)


def test_number_order_is_the_register_order(reg: Registry) -> None:
    keys = tq.open_table(reg, tq.TableQuery(), 20, lambda first: None)
    rows = tq.rows_by_ids(reg, list(keys[:20]))
    assert [(r.year, r.number) for r in rows] == sorted(((r.year, r.number) for r in rows), reverse=True)


def test_views_and_filter_bar_combine() -> None:
    view = tq.view_filters("cancelled", "maria", 5)
    assert tq.combine(view, Filters(status=["resolved"])).status == ["-none-"]
    assert tq.combine(view, Filters(status=["cancelled"], text="x")).status == ["cancelled"]
    mine = tq.combine(tq.view_filters("mine", "maria", 5), Filters(year=2025))
    assert mine.assignee == "maria" and mine.year == 2025 and mine.status == ["registered", "assigned"]
    assert tq.combine(tq.view_filters("due_soon", "maria", 7), Filters()).due_within_days == 7


def test_a_cancelled_query_stops(reg: Registry) -> None:
    with pytest.raises(tq.QueryCancelled):
        tq.open_table(reg, tq.TableQuery(Filters(), "subject"), 50, lambda first: None, cancelled=lambda: True)


def test_register_lines_page_in_register_order(reg: Registry) -> None:
    year = date.today().year - 1
    start, end = date(year, 1, 1), date(year, 12, 31)
    total = tq.register_count(reg, start, end)
    lines, after = [], None
    while batch := tq.register_lines(reg, start, end, after=after, limit=400):
        lines += batch
        after = batch[-1].key
    assert len(lines) == total > 0
    assert [line.key for line in lines] == sorted(line.key for line in lines)


def test_table_queries_need_no_qt() -> None:
    code = ("import sys; sys.modules['PySide6'] = None; import local_db.table_queries, desktop.demo_data; "
            "print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "ok", out.stderr
