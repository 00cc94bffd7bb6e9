"""Retention and disposal: permanent dossiers are never eligible nor proposable, nothing is disposed
without the approval record, and attachment files shared with a kept record survive."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from local_db import Registry, StateError, ValidationError

from .conftest import ARCHIVIST, CLERK, outgoing

COMMITTEE = {"president": "Ion Primarul", "secretary": "Ana Arhivar", "members": ["Maria Contabil", "Vasile Urbanist"]}


def _scan(tmp: Path, name: str, content: bytes) -> str:
    p = tmp / name
    p.write_bytes(content)
    return str(p)


@pytest.fixture
def archived(plan: Registry, clock, tmp_path: Path) -> dict:
    """2024: I.A.3 (3 years, REG) and I.A.1 (permanent, REG) archived; II.B.1 (10 years, URB) closed.
    The entry in I.A.3 has a unique scan and a scan shared with the permanent dossier's entry and with an
    entry filed nowhere."""
    reg = plan
    shared = _scan(tmp_path, "comun.pdf", b"%PDF-1.4 shared scan " * 50)
    unique = _scan(tmp_path, "unic.pdf", b"%PDF-1.4 only in the temporary dossier " * 50)
    temp_entry = reg.entries.register(CLERK, outgoing("Adresă temporară", doc_type="CORESP-INST", pages=2,
                                                      attachments=[shared, unique]))
    perm_entry = reg.entries.register(CLERK, outgoing("Registru", doc_type="CORESP-INST", attachments=[shared]))
    loose_entry = reg.entries.register(CLERK, outgoing("Neîndosariată", attachments=[shared]))
    urb_entry = reg.entries.register(CLERK, outgoing("Certificat", doc_type="URB-CU"))
    out = {"temp": temp_entry, "perm": perm_entry, "loose": loose_entry}
    for ind, e in (("I.A.3", temp_entry), ("I.A.1", perm_entry), ("II.B.1", urb_entry)):
        d = reg.archive.dossiers.open(CLERK, 2024, ind)
        reg.archive.dossiers.file(CLERK, d.ref, e.ref)
    clock.set(2025, 1, 20, 9)
    reg.archive.dossiers.close_year(ARCHIVIST, 2024, accept_unresolved=True)
    reg.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria", "Ana", room="Depozit 1")
    out["shared_sha"] = temp_entry.attachments[0].sha256
    out["unique_sha"] = temp_entry.attachments[1].sha256
    return out


def test_expiry_and_the_eligible_list_never_holds_permanent_dossiers(plan: Registry, archived: dict, clock) -> None:
    reg = plan
    assert reg.archive.dossiers.get("2024:I.A.3").expires_year == 2027
    assert reg.archive.dossiers.get("2024:I.A.1").expires_year is None
    assert reg.archive.dossiers.get("2024:II.B.1").expires_year == 2034
    clock.set(2027, 12, 31, 9)
    assert reg.archive.disposal.eligible() == []  # kept to the end of 2027
    clock.set(2028, 1, 2, 9)
    eligible = reg.archive.disposal.eligible()
    assert [e.dossier.ref for e in eligible] == ["2024:I.A.3"] and eligible[0].expired_on == "2027-12-31"
    clock.set(2150, 1, 2, 9)  # however long it waits, the permanent dossier never shows
    refs = [e.dossier.ref for e in reg.archive.disposal.eligible()]
    assert "2024:I.A.1" not in refs and refs == ["2024:I.A.3", "2024:II.B.1"]


def test_permanent_and_unexpired_dossiers_cannot_be_proposed(plan: Registry, archived: dict, clock) -> None:
    reg = plan
    clock.set(2150, 1, 2, 9)
    with pytest.raises(StateError) as exc:
        reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3", "2024:I.A.1"], **COMMITTEE)
    assert exc.value.code == "arch_dossier_permanent"
    assert reg.archive.disposal.list() == []
    clock.set(2026, 6, 1, 9)
    with pytest.raises(StateError) as exc:
        reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3"], **COMMITTEE)
    assert exc.value.code == "arch_dossier_not_expired"
    clock.set(2028, 1, 2, 9)
    with pytest.raises(ValidationError) as exc:
        reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3"], "Ion", "Ana", ["Maria"])  # 2 voters
    assert exc.value.code == "arch_committee_odd"
    reg.archive.loans.lend(ARCHIVIST, "2024:I.A.3", "Ion", "Primar")
    with pytest.raises(StateError) as exc:
        reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3"], **COMMITTEE)
    assert exc.value.code == "arch_dossier_not_disposable"
    reg.archive.loans.return_(ARCHIVIST, "2024:I.A.3")
    p = reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3"], **COMMITTEE, minutes_number="3",
                                     minutes_date="2028-01-02")
    assert p.status == "proposed" and [x.dossier_ref for x in p.lines] == ["2024:I.A.3"]
    assert reg.archive.disposal.eligible() == []  # in a proposal: not offered twice
    with pytest.raises(StateError) as exc:
        reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3"], **COMMITTEE)
    assert exc.value.code == "arch_dossier_already_proposed"


def test_no_disposal_without_the_approval_record(plan: Registry, archived: dict, clock, data_dir: Path) -> None:
    reg = plan
    clock.set(2028, 2, 1, 9)
    p = reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3"], **COMMITTEE, minutes_number="3",
                                     minutes_date="2028-01-30")
    with pytest.raises(StateError) as exc:
        reg.archive.disposal.execute(ARCHIVIST, p.number)
    assert exc.value.code == "arch_disposal_not_approved"
    assert reg.archive.dossiers.get("2024:I.A.3").status == "archived"
    assert (data_dir / "blobs" / archived["unique_sha"][:2] / archived["unique_sha"][2:]).exists()
    with pytest.raises(ValidationError) as exc:
        reg.archive.disposal.approve(ARCHIVIST, p.number, "", "2028-02-01")
    assert exc.value.field == "act_number"
    with pytest.raises(ValidationError) as exc:
        reg.archive.disposal.approve(ARCHIVIST, p.number, "1234", None)
    assert exc.value.field == "act_date"
    with pytest.raises(ValidationError) as exc:
        reg.archive.disposal.approve(ARCHIVIST, p.number, "1234", "2028-01-01")  # before the minutes
    assert exc.value.code == "arch_bad_act_date"
    withdrawn = reg.archive.disposal.withdraw(ARCHIVIST, p.number, "refăcută")
    assert withdrawn.status == "withdrawn"
    with pytest.raises(StateError):
        reg.archive.disposal.execute(ARCHIVIST, p.number)
    assert [e.dossier.ref for e in reg.archive.disposal.eligible()] == ["2024:I.A.3"]


def test_execute_after_approval_keeps_files_shared_with_kept_records(plan: Registry, archived: dict, clock,
                                                                     data_dir: Path) -> None:
    reg = plan
    blob = lambda sha: data_dir / "blobs" / sha[:2] / sha[2:]  # noqa: E731
    assert blob(archived["shared_sha"]).exists() and blob(archived["unique_sha"]).exists()
    clock.set(2028, 2, 1, 9)
    p = reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3"], **COMMITTEE, minutes_number="3",
                                     minutes_date="2028-01-30")
    a = reg.archive.disposal.approve(ARCHIVIST, p.uuid, "1234/AN-CJ", "2028-02-01")
    assert a.status == "approved" and a.act_number == "1234/AN-CJ"
    clock.set(2028, 2, 5, 9)
    v = reg.archive.disposal.execute(ARCHIVIST, p.number)
    assert (v.status, v.files_removed, v.files_kept, v.total_dossiers) == ("executed", 1, 1, 1)
    d = reg.archive.dossiers.get("2024:I.A.3")
    assert (d.status, d.disposed_at, d.disposal_uuid) == ("disposed", "2028-02-05", p.uuid)
    assert not blob(archived["unique_sha"]).exists()
    assert blob(archived["shared_sha"]).exists()  # still used by the permanent dossier and the loose entry
    assert reg.entries.read_attachment(reg.entries.get(archived["perm"].ref).attachments[0].id)
    assert reg.entries.get(archived["temp"].ref).attachments == ()
    assert reg.entries.get(archived["temp"].ref).status == "filed"  # the register line itself stays
    rows = reg.archive.transfers.register()
    assert [(r.kind, r.units) for r in rows] == [("in", 2), ("out", 1)]
    assert rows[1].destination == "disposal" and "1234/AN-CJ" in rows[1].document and rows[1].day == "2028-02-05"
    with reg.db.read() as s:
        tomb = s.execute(text("SELECT payload FROM outbox WHERE kind = 'attachment' AND payload IS NULL")).all()
        ev = s.execute(text("SELECT after FROM audit_event WHERE action = 'dispose_execute'")).scalar_one()
    assert len(tomb) == 2  # both attachment rows of the disposed entry are gone (replicated as deletions)
    assert json.loads(ev)["register"]["destination"] == "disposal"
    with pytest.raises(StateError):
        reg.archive.disposal.execute(ARCHIVIST, p.number)


def test_a_file_used_only_by_disposed_records_goes_even_if_shared_between_them(plan: Registry, clock,
                                                                                tmp_path: Path, data_dir: Path) -> None:
    reg = plan
    scan = _scan(tmp_path, "x.pdf", b"%PDF-1.4 twice in one dossier " * 40)
    e1 = reg.entries.register(CLERK, outgoing("Unu", doc_type="CORESP-INST", attachments=[scan]))
    e2 = reg.entries.register(CLERK, outgoing("Doi", doc_type="CORESP-INST", attachments=[scan]))
    d = reg.archive.dossiers.open(CLERK, 2024, "I.A.3")
    reg.archive.dossiers.file(CLERK, d.ref, [e1.ref, e2.ref])
    clock.set(2025, 1, 20, 9)
    reg.archive.dossiers.close_year(ARCHIVIST, 2024, accept_unresolved=True)
    clock.set(2028, 2, 1, 9)
    p = reg.archive.disposal.propose(ARCHIVIST, [d.ref], **COMMITTEE)  # straight from 'closed'
    reg.archive.disposal.approve(ARCHIVIST, p.number, "77", "2028-02-01")
    v = reg.archive.disposal.execute(ARCHIVIST, p.number)
    assert (v.files_removed, v.files_kept) == (1, 0)
    sha = e1.attachments[0].sha256
    assert not (data_dir / "blobs" / sha[:2] / sha[2:]).exists()


def test_cs_dossiers_are_eligible_after_their_years_and_flagged_for_the_committee(plan: Registry, clock) -> None:
    reg = plan
    d = reg.archive.dossiers.open(ARCHIVIST, 2024, "III.C.1")  # "CS 3"
    reg.archive.dossiers.close(ARCHIVIST, d.ref)
    clock.set(2028, 1, 3, 9)
    (e,) = reg.archive.disposal.eligible()
    assert e.dossier.ref == d.ref and e.committee_decides and e.dossier.retention == "CS 3"


def test_the_confirmation_may_leave_dossiers_out(plan: Registry, archived: dict, clock) -> None:
    reg = plan
    clock.set(2040, 2, 1, 9)
    p = reg.archive.disposal.propose(ARCHIVIST, ["2024:I.A.3", "2024:II.B.1"], **COMMITTEE)
    a = reg.archive.disposal.approve(ARCHIVIST, p.number, "9", "2040-02-01", exclude=["2024:II.B.1"])
    assert [x.excluded for x in a.lines] == [False, True] and a.total_dossiers == 1
    reg.archive.disposal.execute(ARCHIVIST, p.number)
    assert reg.archive.dossiers.get("2024:II.B.1").status == "closed"
    assert reg.archive.dossiers.get("2024:I.A.3").status == "disposed"
    assert [e.dossier.ref for e in reg.archive.disposal.eligible()] == ["2024:II.B.1"]
