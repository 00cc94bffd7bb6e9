"""Dossiers and filing: opening from the plan, single and bulk filing through the entry's audit path,
one dossier per entry, volumes, suggestions, location, search."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from local_db import NewEntry, Party, PermissionDenied, Registry, StateError, ValidationError
from local_db.archive_views import ArchiveFilters

from .conftest import ARCHIVIST, CLERK, outgoing, petition


def _payload(reg: Registry, uuid: str) -> dict:
    with reg.db.read() as s:
        after = s.execute(text("SELECT after FROM audit_event WHERE object_kind = 'entry' AND object_id = :u "
                               "ORDER BY id DESC LIMIT 1"), {"u": uuid}).scalar_one()
    return json.loads(after)


def test_open_a_dossier_from_a_plan_item(plan: Registry) -> None:
    d = plan.archive.dossiers.open(CLERK, 2024, "I.A.2")  # dossiers are made in the compartments
    assert (d.ref, d.year, d.indicator, d.volume, d.status) == ("2024:I.A.2", 2024, "I.A.2", 1, "open")
    assert d.title == "Petiții, sesizări și răspunsurile la ele" and d.compartment == "REG" and d.retention == "5"
    assert d.expires_year == 2029 and d.entries == 0 and d.sheets == 0
    with pytest.raises(StateError) as exc:
        plan.archive.dossiers.open(CLERK, 2024, "I.A.2")
    assert exc.value.code == "arch_dossier_already_open"
    with pytest.raises(Exception) as exc:
        plan.archive.dossiers.open(CLERK, 2025, "I.A.2")  # no plan for 2025 yet
    assert getattr(exc.value, "code", "") == "arch_plan_item_not_found"
    own = plan.archive.dossiers.open(ARCHIVIST, 2024, "II.B.1", title="Certificate de urbanism — sat Luna")
    assert own.title == "Certificate de urbanism — sat Luna"
    assert plan.archive.dossiers.get("2024:II.B.1").uuid == own.uuid == plan.archive.dossiers.get(own.uuid).uuid


def test_file_one_entry_changes_the_entry_through_its_audit_path(plan: Registry) -> None:
    reg = plan
    e = reg.entries.register(CLERK, petition(compartment="REG", pages=4))
    d = reg.archive.dossiers.open(CLERK, 2024, "I.A.2")
    r = reg.archive.dossiers.file(CLERK, d.ref, e.ref)
    assert r.filed == [(e.ref, "2024:I.A.2")] and not r.skipped and not r.new_volumes
    view = reg.entries.get(e.ref)
    assert view.dossier_indicator == "I.A.2"
    assert view.status == "assigned"  # an incoming entry not resolved yet keeps being watched
    last = _payload(reg, e.uuid)
    assert last["dossier"] == d.uuid and last["dossier_indicator"] == "I.A.2" and last["version"] == view.version
    with reg.db.read() as s:
        outbox = s.execute(text("SELECT payload FROM outbox WHERE kind = 'entry' AND record_id = :u ORDER BY seq DESC"),
                           {"u": e.uuid}).scalar()
    assert json.loads(outbox)["dossier"] == d.uuid
    got = reg.archive.dossiers.get(d.ref)
    assert (got.entries, got.sheets, got.date_from, got.date_to) == (1, 4, "2024-03-04", "2024-03-04")
    assert reg.archive.dossiers.of_entry(e.ref).uuid == d.uuid
    history = [h.action for h in reg.entries.history(e.ref)]
    assert history[-1] == "file"


def test_bulk_filing_is_all_or_nothing_and_chronological(plan: Registry, clock) -> None:
    reg = plan
    refs = []
    for day in (4, 5, 6):
        clock.set(2024, 3, day, 10)
        refs.append(reg.entries.register(CLERK, outgoing(f"Adresă {day}", pages=2, doc_type="CORESP-INST")).ref)
    cancelled = reg.entries.register(CLERK, outgoing("Greșit"))
    reg.entries.cancel(CLERK, cancelled.ref, "dublură")
    d = reg.archive.dossiers.open(CLERK, 2024, "I.A.3")
    with pytest.raises(StateError) as exc:
        reg.archive.dossiers.file(CLERK, d.ref, [*refs, cancelled.ref])
    assert exc.value.code == "entry_cancelled"
    assert reg.archive.dossiers.get(d.ref).entries == 0  # nothing was filed
    r = reg.archive.dossiers.file(CLERK, d.ref, list(reversed(refs)))
    assert [x[0] for x in r.filed] == refs
    for ref in refs:
        assert reg.entries.get(ref).status == "filed"  # outgoing: nothing left to resolve
    got = reg.archive.dossiers.get(d.ref)
    assert (got.entries, got.sheets, got.date_from, got.date_to) == (3, 6, "2024-03-04", "2024-03-06")
    again = reg.archive.dossiers.file(CLERK, d.ref, refs[:1])
    assert again.skipped == refs[:1] and not again.filed
    detail = reg.archive.dossiers.detail(d.ref)
    assert [x.ref for x in detail.entries] == refs


def test_an_entry_is_in_at_most_one_dossier_of_its_own_year(plan: Registry, clock) -> None:
    reg = plan
    e = reg.entries.register(CLERK, petition(compartment="REG"))
    a = reg.archive.dossiers.open(CLERK, 2024, "I.A.2")
    b = reg.archive.dossiers.open(CLERK, 2024, "I.A.3")
    reg.archive.dossiers.file(CLERK, a.ref, e.ref)
    with pytest.raises(StateError) as exc:
        reg.archive.dossiers.file(CLERK, b.ref, e.ref)
    assert exc.value.code == "arch_entry_already_filed" and "2024:I.A.2" in str(exc.value)
    # moving: take it out, then file it elsewhere
    reg.archive.dossiers.unfile(CLERK, e.ref)
    assert reg.entries.get(e.ref).dossier_indicator == ""
    assert "dossier" not in _payload(reg, e.uuid)
    assert reg.archive.dossiers.get(a.ref).entries == 0
    reg.archive.dossiers.file(CLERK, b.ref, e.ref)
    assert reg.entries.get(e.ref).dossier_indicator == "I.A.3"
    clock.set(2025, 1, 10, 9)
    late = reg.entries.register(CLERK, petition("Cerere din 2025"))
    with pytest.raises(ValidationError) as exc:
        reg.archive.dossiers.file(CLERK, b.ref, late.ref)
    assert exc.value.code == "arch_entry_other_year"


def test_resolved_entries_become_filed_and_unfiling_restores_their_status(plan: Registry) -> None:
    reg = plan
    e = reg.entries.register(CLERK, petition(compartment="REG"))
    reg.entries.resolve(CLERK, e.ref, "answered", "Răspuns trimis")
    d = reg.archive.dossiers.open(CLERK, 2024, "I.A.2")
    reg.archive.dossiers.file(CLERK, d.ref, e.ref)
    assert reg.entries.get(e.ref).status == "filed"
    reg.archive.dossiers.unfile(CLERK, e.ref)
    assert reg.entries.get(e.ref).status == "resolved"
    with pytest.raises(StateError) as exc:
        reg.archive.dossiers.unfile(CLERK, e.ref)
    assert exc.value.code == "arch_entry_not_filed"


def test_a_full_volume_continues_in_the_next_one(plan: Registry) -> None:
    reg = plan
    reg.archive.set_setting(ARCHIVIST, "volume_max_sheets", 100)
    refs = [reg.entries.register(CLERK, outgoing(f"Adresa {i}", pages=40, doc_type="CORESP-INST")).ref for i in range(5)]
    d = reg.archive.dossiers.open(CLERK, 2024, "I.A.3")
    r = reg.archive.dossiers.file(CLERK, d.ref, refs)
    assert r.new_volumes == ["2024:I.A.3:2", "2024:I.A.3:3"]
    assert [x[1] for x in r.filed] == ["2024:I.A.3", "2024:I.A.3", "2024:I.A.3:2", "2024:I.A.3:2", "2024:I.A.3:3"]
    v1, v2, v3 = (reg.archive.dossiers.get(x) for x in ("2024:I.A.3:1", "2024:I.A.3:2", "2024:I.A.3:3"))
    assert (v1.status, v1.sheets, v1.volume) == ("closed", 80, 1)
    assert (v2.status, v2.sheets) == ("closed", 80)
    assert (v3.status, v3.sheets, v3.entries) == ("open", 40, 1)
    assert reg.archive.dossiers.get("2024:I.A.3").uuid == v3.uuid  # without a volume: the last one
    more = reg.entries.register(CLERK, outgoing("Încă una", pages=1, doc_type="CORESP-INST"))
    assert reg.archive.dossiers.file(CLERK, "2024:I.A.3", more.ref).filed == [(more.ref, "2024:I.A.3:3")]
    with pytest.raises(ValidationError):
        reg.archive.set_setting(ARCHIVIST, "volume_max_sheets", 301)


def test_suggestions_from_document_type_compartment_and_history(plan: Registry) -> None:
    reg = plan
    cu = reg.entries.register(CLERK, NewEntry("in", "Cerere certificat de urbanism teren", "URB-CU",
                                              Party("Ana Pop"), compartment="URB"))
    top = reg.archive.dossiers.suggest(cu.ref)
    assert top[0].plan_item.indicator == "II.B.1" and top[0].dossier is None  # would be opened
    assert "doc_type" in top[0].reasons and "compartment" in top[0].reasons
    opened = reg.archive.dossiers.open(CLERK, 2024, "II.B.1")
    assert reg.archive.dossiers.suggest(cu.ref)[0].dossier.uuid == opened.uuid
    # history: where entries of this kind went before wins over the plan's hints
    odd = reg.entries.register(CLERK, NewEntry("in", "Adresă", "CIRCULARA", Party("Prefectura", "institution"),
                                               compartment="SEC"))
    d = reg.archive.dossiers.open(CLERK, 2024, "III.C.1")
    reg.archive.dossiers.file(CLERK, d.ref, odd.ref)
    again = reg.entries.register(CLERK, NewEntry("in", "Altă adresă", "CIRCULARA", Party("Prefectura", "institution"),
                                                 compartment="SEC"))
    best = reg.archive.dossiers.suggest(again.ref)[0]
    assert best.plan_item.indicator == "III.C.1" and "history" in best.reasons
    nothing = reg.entries.register(CLERK, NewEntry("internal", "Notă", None, compartment="PRIM"))
    assert reg.archive.dossiers.suggest(nothing.ref) == []


def test_location_sheets_and_remarks(plan: Registry) -> None:
    reg = plan
    d = reg.archive.dossiers.open(CLERK, 2024, "I.A.1")
    with pytest.raises(PermissionDenied):
        reg.archive.dossiers.locate(CLERK, d.ref, room="Depozit")
    v = reg.archive.dossiers.locate(ARCHIVIST, d.ref, room="Depozit 1", shelf="Raft 3", box="Cutia 12")
    assert v.location == "Depozit 1 / Raft 3 / Cutia 12"
    v = reg.archive.dossiers.annotate(ARCHIVIST, d.ref, sheets_counted=212, remarks="copertă refăcută")
    assert (v.sheets, v.sheets_from_entries, v.remarks) == (212, 0, "copertă refăcută")
    assert reg.archive.dossiers.annotate(ARCHIVIST, d.ref, sheets_counted=None).sheets == 0
    with pytest.raises(ValidationError):
        reg.archive.dossiers.annotate(ARCHIVIST, d.ref, sheets_counted="multe")


def test_archive_search(plan: Registry) -> None:
    reg = plan
    a = reg.archive.dossiers.open(CLERK, 2024, "I.A.2")
    b = reg.archive.dossiers.open(CLERK, 2024, "II.B.1")
    reg.archive.dossiers.locate(ARCHIVIST, b.ref, room="Depozit Central", shelf="R2", box="C7")
    search = reg.archive.search
    assert [d.uuid for d in search(ArchiveFilters(text="petitii sesizari"))] == [a.uuid]  # no diacritics typed
    assert [d.uuid for d in search(ArchiveFilters(indicator="II.B"))] == [b.uuid]
    assert [d.uuid for d in search(ArchiveFilters(compartment="REG"))] == [a.uuid]
    assert [d.uuid for d in search(ArchiveFilters(location="central c7"))] == [b.uuid]
    assert len(search(ArchiveFilters(year=2024, status=["open"]))) == 2
    assert search(ArchiveFilters(year=2023)) == []
    assert search(ArchiveFilters(text="100%_\\")) == []  # LIKE wildcards are data
    assert reg.archive.dossiers.count(ArchiveFilters(year=2024)) == 2
    with pytest.raises(ValidationError):
        search(ArchiveFilters(status=["pierdut"]))
