"""Transfer to the archive (inventories, handover, register, locations, due years) and loans."""
from __future__ import annotations

import pytest

from local_db import PermissionDenied, Registry, StateError, ValidationError

from .conftest import ARCHIVIST, CLERK, outgoing


def closed_2024(reg: Registry, clock) -> dict:
    """2024 with REG dossiers: I.A.1 (permanent), I.A.2 and I.A.3 (temporary); I.A.3 stays open (missing)."""
    out = {}
    for ind, n in (("I.A.1", 2), ("I.A.2", 3), ("I.A.3", 1)):
        d = reg.archive.dossiers.open(CLERK, 2024, ind)
        refs = []
        for i in range(n):
            clock.set(2024, 3 + i, 10 + i, 9)
            refs.append(reg.entries.register(CLERK, outgoing(f"{ind} act {i}", pages=3, doc_type="CORESP-INST")).ref)
        reg.archive.dossiers.file(CLERK, d.ref, refs)
        out[ind] = d
    reg.archive.dossiers.close(ARCHIVIST, "2024:I.A.1")
    reg.archive.dossiers.close(ARCHIVIST, "2024:I.A.2")
    clock.set(2025, 2, 10, 9)
    return out


def test_inventories_separate_permanent_from_temporary(plan: Registry, clock) -> None:
    closed_2024(plan, clock)
    invs = plan.archive.transfers.inventory(2024, "REG")
    assert [i.permanent for i in invs] == [True, False]
    perm, temp = invs
    assert [(x.no, x.indicator, x.retention, x.sheets) for x in perm.lines] == [(1, "I.A.1", "P", 6)]
    assert [(x.no, x.indicator, x.retention, x.sheets) for x in temp.lines] == [(1, "I.A.2", "5", 9)]
    assert temp.lines[0].date_from == "2024-03-10" and temp.lines[0].date_to == "2024-05-12"
    assert (temp.total_dossiers, temp.total_sheets) == (1, 9)
    assert temp.missing == ["2024:I.A.3 — Corespondență cu instituțiile"]  # still open: not handed over
    assert perm.compartment_name == "Registratură"
    assert [d.ref for d in plan.archive.transfers.candidates(2024, "REG")] == ["2024:I.A.1", "2024:I.A.2"]


def test_record_the_handover(plan: Registry, clock) -> None:
    closed_2024(plan, clock)
    with pytest.raises(PermissionDenied):
        plan.archive.transfers.record(CLERK, 2024, "REG", "Maria", "Ana", room="Depozit")
    with pytest.raises(ValidationError) as exc:
        plan.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria", "")
    assert exc.value.field == "received_by"
    with pytest.raises(ValidationError) as exc:
        plan.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria", "Ana")
    assert exc.value.code == "arch_location_required"
    with pytest.raises(StateError) as exc:
        plan.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria", "Ana", dossiers=["2024:I.A.3"], room="D")
    assert exc.value.code == "arch_transfer_not_closed"
    t = plan.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria Registrator", "Ana Arhivar", room="Depozit 1",
                                      shelf="Raft 2", locations={"2024:I.A.1": ("Depozit 1", "Raft 1", "Cutia 1")})
    assert (t.number, t.year, t.compartment, t.dossiers, t.dossiers_permanent, t.sheets) == (1, 2024, "REG", 2, 1, 15)
    assert t.transfer_date == "2025-02-10" and [i.permanent for i in t.inventories] == [True, False]
    a, b = plan.archive.dossiers.get("2024:I.A.1"), plan.archive.dossiers.get("2024:I.A.2")
    assert (a.status, a.location, a.archived_at, a.transfer_uuid) == ("archived", "Depozit 1 / Raft 1 / Cutia 1",
                                                                      "2025-02-10", t.uuid)
    assert (b.status, b.location) == ("archived", "Depozit 1 / Raft 2")
    rows = plan.archive.transfers.register()
    assert len(rows) == 1 and rows[0].kind == "in" and rows[0].units == 2 and rows[0].units_permanent == 1
    assert rows[0].date_from == "2024-03-10" and rows[0].date_to == "2024-05-12" and rows[0].compartment == "REG"
    assert "Inventar predare nr. 1" in rows[0].inventory
    assert plan.archive.transfers.get(1).uuid == t.uuid == plan.archive.transfers.get(t.uuid).uuid
    assert plan.archive.transfers.candidates(2024, "REG") == []
    with pytest.raises(StateError) as exc:
        plan.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria", "Ana", room="D")
    assert exc.value.code == "arch_transfer_nothing"


def test_a_running_year_cannot_be_handed_over_and_due_years_follow_the_setting(plan: Registry, clock) -> None:
    d = plan.archive.dossiers.open(CLERK, 2024, "I.A.2")
    plan.archive.dossiers.close(ARCHIVIST, d.ref)
    with pytest.raises(StateError) as exc:
        plan.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria", "Ana", room="D")
    assert exc.value.code == "arch_transfer_too_early"
    due = plan.archive.transfers.due()
    assert [(x.year, x.compartment, x.dossiers, x.due_year, x.overdue) for x in due] == [(2024, "REG", 1, 2026, False)]
    clock.set(2026, 1, 5, 9)
    assert not plan.archive.transfers.due()[0].overdue  # 2026 is the due year ("in the second year")
    clock.set(2027, 1, 5, 9)
    assert plan.archive.transfers.due()[0].overdue
    plan.archive.set_setting(ARCHIVIST, "transfer_year_offset", 1)
    assert plan.archive.transfers.due()[0].due_year == 2025
    with pytest.raises(ValidationError):
        plan.archive.set_setting(ARCHIVIST, "transfer_year_offset", 3)


def test_loans_due_where_it_is_renew_return_and_overdue(plan: Registry, clock) -> None:
    closed_2024(plan, clock)
    plan.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria", "Ana", room="Depozit 1")
    with pytest.raises(StateError) as exc:
        plan.archive.loans.lend(ARCHIVIST, "2024:I.A.3", "Ion Pop", "Secretar general")
    assert exc.value.code == "arch_dossier_not_lendable"  # still open in the compartment
    loan = plan.archive.loans.lend(ARCHIVIST, "2024:I.A.2", "Ion Urbanist", "Secretar general Vasile",
                                   compartment="URB", purpose="verificare autorizație")
    assert (loan.lent_at, loan.due, loan.borrower_compartment, loan.overdue) == ("2025-02-10", "2025-03-12", "URB", False)
    d = plan.archive.dossiers.get("2024:I.A.2")
    assert d.status == "lent" and d.loan.borrower == "Ion Urbanist" and d.loan.due == "2025-03-12"
    assert d.location == "Depozit 1"  # its shelf place is kept for its return
    with pytest.raises(StateError) as exc:
        plan.archive.loans.lend(ARCHIVIST, "2024:I.A.2", "Altcineva", "Primar")
    assert exc.value.code == "arch_dossier_already_lent"
    other = plan.archive.loans.lend(ARCHIVIST, "2024:I.A.1", "Primar", "Primar", due="2025-02-20")
    assert other.due == "2025-02-20"
    assert plan.archive.loans.overdue() == []
    clock.set(2025, 3, 1, 9)
    assert [(x.dossier_ref, x.days_overdue) for x in plan.archive.loans.overdue()] == [("2024:I.A.1", 9)]
    renewed = plan.archive.loans.renew(ARCHIVIST, "2024:I.A.1")
    assert renewed.due == "2025-03-31" and renewed.renewals == 1 and not renewed.overdue
    clock.set(2025, 3, 20, 9)
    assert [x.dossier_ref for x in plan.archive.loans.overdue()] == ["2024:I.A.2"]
    back = plan.archive.loans.return_(ARCHIVIST, "2024:I.A.2")
    assert back.returned_at == "2025-03-20"
    assert plan.archive.dossiers.get("2024:I.A.2").status == "archived"
    assert plan.archive.dossiers.get("2024:I.A.2").loan is None
    with pytest.raises(StateError) as exc:
        plan.archive.loans.return_(ARCHIVIST, back.uuid)
    assert exc.value.code == "arch_loan_returned"
    assert [x.dossier_ref for x in plan.archive.loans.list()] == ["2024:I.A.1"]
    assert len(plan.archive.loans.list(open_only=False)) == 2
    assert len(plan.archive.dossiers.detail("2024:I.A.2").loans) == 1


def test_loan_days_are_configurable(plan: Registry, clock) -> None:
    d = plan.archive.dossiers.open(CLERK, 2024, "I.A.2")
    plan.archive.dossiers.close(ARCHIVIST, d.ref)
    plan.archive.set_setting(ARCHIVIST, "loan_days", 15)
    assert plan.archive.settings().loan_days == 15
    loan = plan.archive.loans.lend(ARCHIVIST, d.ref, "Ion", "Primar")
    assert loan.due == "2024-03-19"
    assert plan.archive.dossiers.get(d.ref).status == "lent"
    plan.archive.loans.return_(ARCHIVIST, d.ref)
    assert plan.archive.dossiers.get(d.ref).status == "closed"  # back to what it was
