"""Search: diacritics folded, hostile text is just text, filters combine."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from local_db import Filters, NewEntry, Party, Registry, SYSTEM
from local_db.search import fts_query

from .helpers import FakeClock, outgoing, petition


@pytest.fixture
def filled(data_dir: Path):
    clock = FakeClock(2026, 2, 10, 9, 0)
    reg = Registry.open(data_dir, clock=clock)
    reg.entries.register(SYSTEM, petition("Convocare la ședința consiliului local", "Ștefan Țurcanu"))
    reg.entries.register(SYSTEM, petition("Cerere certificat de urbanism", "Pășcuț Ioana", doc_type="URB-CU",
                                          compartment="URB"))
    clock.set(2026, 3, 5, 11, 0)
    reg.entries.register(SYSTEM, outgoing('Răspuns "urgent" (AND) către Prefectură', "Instituția Prefectului"))
    reg.entries.register(SYSTEM, NewEntry(direction="internal", subject="Notă internă: inventar 2026*",
                                          doc_type="NOTA-INTERNA"))
    yield reg
    reg.close()


def refs(reg: Registry, **kw) -> list[str]:
    return [r.ref for r in reg.entries.search(Filters(**kw))]


@pytest.mark.parametrize("query", ["sedinta", "ședința", "şedinţa", "SEDINTA", "turcanu", "Ţurcanu", "ședin"])
def test_diacritics_and_case_do_not_matter(filled: Registry, query: str) -> None:
    assert refs(filled, text=query) == ["1/2026"]


def test_number_search(filled: Registry) -> None:
    assert refs(filled, text="2/2026") == ["2/2026"]


@pytest.mark.parametrize("query", [
    '"', '""', "'", '"urgent', "AND", "OR NOT", "NEAR(", "NEAR(a b", "*", "2026*", "(", ")", "((", "a:b",
    "subject:cerere", "-", "^", "{x}", "\\", "%", "_", "; DROP TABLE entry; --", "' OR 1=1 --", "NOT",
    "ședința AND", "\x00", "🙂", "a" * 2000, "x " * 300,
])
def test_hostile_strings_are_searched_as_text(filled: Registry, query: str) -> None:
    filled.entries.search(Filters(text=query))      # never raises
    filled.entries.count(Filters(text=query))


def test_operators_are_literal_words(filled: Registry) -> None:
    assert refs(filled, text='"urgent"') == ["3/2026"]
    assert refs(filled, text="(AND)") == ["3/2026"]
    assert refs(filled, text="inventar 2026*") == ["4/2026"]
    assert refs(filled, text="NEAR(") == []
    assert fts_query('a"b NEAR(') == '"a""b" "NEAR("*'


def test_filters_combine(filled: Registry) -> None:
    assert refs(filled, direction="out") == ["3/2026"]
    assert refs(filled, compartment="URB") == ["2/2026"]
    assert refs(filled, doc_type="URB-CU") == ["2/2026"]
    assert refs(filled, date_from=date(2026, 3, 1)) == ["4/2026", "3/2026"]
    assert refs(filled, date_to=date(2026, 2, 28), text="cerere") == ["2/2026"]
    assert refs(filled, year=2025) == []
    assert refs(filled, status=["assigned"]) == ["2/2026"]
    filled.entries.cancel(SYSTEM, "1/2026", "dublură")
    assert refs(filled, status=["cancelled"]) == ["1/2026"]
    assert "1/2026" not in refs(filled, include_cancelled=False)
    assert filled.entries.count(Filters(text="ședința")) == 1


def test_search_never_shows_a_full_cnp(registry: Registry) -> None:
    registry.entries.register(SYSTEM, NewEntry(direction="in", subject="Cerere", sender=Party("Ana", "person", "1630615123457")))
    assert registry.entries.search(Filters(text="1630615123457")) == []  # identifiers are not indexed
    row = registry.entries.search()[0]
    assert "1630615123457" not in repr(row)
