"""Year-end closing: the report of what is unresolved comes first; closing blocks filing; filing again
needs an explicit reopen with a reason, recorded in the dossier and the audit log."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from local_db import PermissionDenied, Registry, StateError

from .conftest import ARCHIVIST, CLERK, outgoing, petition


def _year_with_work(reg: Registry) -> dict:
    done = reg.entries.register(CLERK, petition("Rezolvată", compartment="REG"))
    reg.entries.resolve(CLERK, done.ref, "answered", "ok")
    open_one = reg.entries.register(CLERK, petition("Încă deschisă", compartment="REG"))
    loose = reg.entries.register(CLERK, outgoing("Adresă neîndosariată", doc_type="CORESP-INST"))
    d = reg.archive.dossiers.open(CLERK, 2024, "I.A.2")
    empty = reg.archive.dossiers.open(CLERK, 2024, "I.A.1")
    reg.archive.dossiers.file(CLERK, d.ref, [done.ref, open_one.ref])
    return {"done": done, "open": open_one, "loose": loose, "dossier": d, "empty": empty}


def test_the_report_lists_what_is_unresolved(plan: Registry) -> None:
    w = _year_with_work(plan)
    rep = plan.archive.dossiers.closing_report(2024)
    assert not rep.closed and not rep.clean
    assert [b.ref for b in rep.unfiled] == [w["loose"].ref] and rep.unfiled_count == 1
    assert [b.ref for b in rep.unresolved] == [w["open"].ref] and rep.unresolved_count == 1
    assert sorted(d.ref for d in rep.open_dossiers) == ["2024:I.A.1", "2024:I.A.2"]
    assert rep.empty_dossiers == ["2024:I.A.1"]
    assert rep.plan_items_without_dossier == ["I.A.3", "II.B.1", "II.B.2", "III.C.1"]


def test_closing_is_refused_with_unresolved_entries_unless_accepted(plan: Registry, clock) -> None:
    w = _year_with_work(plan)
    with pytest.raises(PermissionDenied):
        plan.archive.dossiers.close_year(CLERK, 2024, accept_unresolved=True)
    with pytest.raises(StateError) as exc:
        plan.archive.dossiers.close_year(ARCHIVIST, 2025)
    assert exc.value.code == "arch_year_in_future"
    with pytest.raises(StateError) as exc:
        plan.archive.dossiers.close_year(ARCHIVIST, 2024)
    assert exc.value.code == "arch_year_unresolved" and exc.value.params["unfiled"] == 1
    assert plan.archive.dossiers.get(w["dossier"].ref).status == "open"
    clock.set(2025, 1, 8, 9)
    rep = plan.archive.dossiers.close_year(ARCHIVIST, 2024, accept_unresolved=True)
    assert rep.closed and rep.open_dossiers == []
    assert {plan.archive.dossiers.get(r).status for r in ("2024:I.A.1", "2024:I.A.2")} == {"closed"}
    assert plan.archive.dossiers.closed_years() == {2024: "2025-01-08T09:00:00+02:00"}
    with plan.db.read() as s:
        ev = s.execute(text("SELECT after FROM audit_event WHERE action = 'close_year' AND object_kind = 'archive_year'")).scalar_one()
    assert json.loads(ev)["unfiled_refs"] == [w["loose"].ref]
    with pytest.raises(StateError) as exc:
        plan.archive.dossiers.close_year(ARCHIVIST, 2024, accept_unresolved=True)
    assert exc.value.code == "arch_year_already_closed"


def test_a_clean_year_closes_without_confirmation(plan: Registry) -> None:
    e = plan.entries.register(CLERK, outgoing("Adresă", doc_type="CORESP-INST"))
    d = plan.archive.dossiers.open(CLERK, 2024, "I.A.3")
    plan.archive.dossiers.file(CLERK, d.ref, e.ref)
    assert plan.archive.dossiers.closing_report(2024).clean
    assert plan.archive.dossiers.close_year(ARCHIVIST, 2024).closed


def test_closing_blocks_filing_and_reopening_is_audited(plan: Registry, clock) -> None:
    w = _year_with_work(plan)
    plan.archive.dossiers.close_year(ARCHIVIST, 2024, accept_unresolved=True)
    late = w["loose"]
    with pytest.raises(StateError) as exc:
        plan.archive.dossiers.file(CLERK, w["dossier"].ref, late.ref)
    assert exc.value.code == "arch_dossier_closed"
    with pytest.raises(StateError) as exc:
        plan.archive.dossiers.open(CLERK, 2024, "I.A.3")
    assert exc.value.code == "arch_year_closed_open"
    with pytest.raises(PermissionDenied):
        plan.archive.dossiers.reopen(CLERK, w["dossier"].ref, "document sosit târziu")
    with pytest.raises(Exception) as exc:
        plan.archive.dossiers.reopen(ARCHIVIST, w["dossier"].ref, "  ")
    assert getattr(exc.value, "field", "") == "reason"
    clock.set(2025, 2, 3, 11)
    v = plan.archive.dossiers.reopen(ARCHIVIST, w["dossier"].ref, "document sosit târziu")
    assert v.status == "open" and v.reopen_reason == "document sosit târziu"
    with plan.db.read() as s:
        actor, before, after = s.execute(text(
            "SELECT actor, before, after FROM audit_event WHERE action = 'reopen' AND object_kind = 'dossier'")).one()
    assert actor == "arhivar" and json.loads(before)["status"] == "closed"
    assert json.loads(after)["status"] == "open" and json.loads(after)["reopen_reason"] == "document sosit târziu"
    plan.archive.dossiers.file(CLERK, w["dossier"].ref, late.ref)
    assert plan.archive.dossiers.close(ARCHIVIST, w["dossier"].ref).status == "closed"
    # a dossier forgotten until after closing can be opened, with the reason on record
    d = plan.archive.dossiers.open(CLERK, 2024, "I.A.3", reason="dosar constituit după închidere")
    assert d.reopen_reason == "dosar constituit după închidere"


def test_a_dossier_in_the_archive_cannot_be_reopened(plan: Registry, clock) -> None:
    e = plan.entries.register(CLERK, outgoing("Adresă", doc_type="CORESP-INST"))
    d = plan.archive.dossiers.open(CLERK, 2024, "I.A.3")
    plan.archive.dossiers.file(CLERK, d.ref, e.ref)
    clock.set(2025, 1, 15, 9)
    plan.archive.dossiers.close_year(ARCHIVIST, 2024)
    plan.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria Registrator", "Ana Arhivar", room="Depozit")
    with pytest.raises(StateError) as exc:
        plan.archive.dossiers.reopen(ARCHIVIST, d.ref, "ceva")
    assert exc.value.code == "arch_dossier_reopen_refused"
