"""The archive rebuilt from what the hub replicates (the newest payload of each record and the audit
events), as a restore of a dead PC does: the same dossiers, filings, transfers, register, loans,
disposals, closed years and settings, and `verify` clean."""
from __future__ import annotations

import json
import shutil
from dataclasses import asdict
from pathlib import Path


from local_db import Registry
from local_db.archive_restore import ARCHIVE_KINDS, restore_archive
from local_db.db import raw

from .conftest import ARCHIVIST, CLERK, outgoing

TABLES = ("disposal_item", "loan", "archive_register", "dossier_entry", "dossier", "transfer", "disposal", "plan_item",
          "archive_year")


def _replica(reg: Registry) -> tuple[dict[str, list[dict]], list[dict]]:
    newest: dict[tuple[str, str], dict | None] = {}
    from local_db.sync_store import read_outbox
    for row in read_outbox(reg.db, 10**9):  # what sync would send (audit events expanded)
        newest[(row.kind, row.record_id)] = json.loads(row.payload) if row.payload else None
    out: dict[str, list[dict]] = {}
    for (kind, _rid), p in newest.items():
        if p is not None:
            out.setdefault(kind, []).append(p)
    return out, out.pop("audit_event", [])


def _state(reg: Registry) -> dict:
    a = reg.archive

    def clean(obj):  # noqa: ANN001, ANN202 - local row ids differ after a restore
        if isinstance(obj, dict):
            return {k: clean(v) for k, v in obj.items() if k != "id"}
        if isinstance(obj, list):
            return [clean(x) for x in obj]
        return obj
    return clean({"dossiers": [asdict(d) for d in a.search()], "plan": [asdict(i) for y in a.plan.years()
                                                                       for i in a.plan.items(y)],
                  "transfers": [asdict(t) for t in a.transfers.list()], "register": [asdict(r) for r in a.transfers.register()],
                  "loans": [asdict(x) for x in a.loans.list(open_only=False)],
                  "disposals": [asdict(p) for p in a.disposal.list()], "closed": a.dossiers.closed_years(),
                  "settings": asdict(a.settings()),
                  "filed": {d.ref: [e.ref for e in a.dossiers.detail(d.uuid).entries] for d in a.search()}})


def test_the_archive_comes_back_from_the_replica(plan: Registry, clock, data_dir: Path, tmp_path: Path) -> None:
    reg = plan
    reg.archive.set_setting(ARCHIVIST, "loan_days", 20)
    refs = [reg.entries.register(CLERK, outgoing(f"Adresă {i}", doc_type="CORESP-INST", pages=3)).ref for i in range(4)]
    a = reg.archive.dossiers.open(CLERK, 2024, "I.A.3")
    reg.archive.dossiers.file(CLERK, a.uuid, refs[:3])
    p = reg.archive.dossiers.open(CLERK, 2024, "I.A.1")
    reg.archive.dossiers.file(CLERK, p.uuid, refs[3:])
    clock.set(2025, 1, 20, 9)
    reg.archive.dossiers.close_year(ARCHIVIST, 2024, accept_unresolved=True)
    reg.archive.dossiers.reopen(ARCHIVIST, a.uuid, "verificare")
    reg.archive.dossiers.close(ARCHIVIST, a.uuid)
    reg.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria", "Dan", room="Depozit", shelf="R1")
    reg.archive.loans.lend(ARCHIVIST, p.uuid, "Ion", "Primar")
    clock.set(2028, 2, 1, 9)
    prop = reg.archive.disposal.propose(ARCHIVIST, [a.uuid], "Ion", "Ana", ["Maria", "Vasile"])
    reg.archive.disposal.approve(ARCHIVIST, prop.number, "77", "2028-02-01")
    reg.archive.disposal.execute(ARCHIVIST, prop.number)
    before = _state(reg)
    replica, events = _replica(reg)
    assert set(ARCHIVE_KINDS) <= set(replica)

    copy = tmp_path / "restored"
    shutil.copytree(data_dir, copy)
    with Registry.open(copy, clock=clock) as other:
        with other.db.write() as s:
            conn = raw(s)
            for table in TABLES:
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM meta WHERE key LIKE 'archive.%'")
        assert other.archive.search() == []
        with other.db.write() as s:
            counts = restore_archive(raw(s), replica, events, other.db.now_iso())
        assert counts["dossier"] == 2 and counts["filed"] == 4 and counts["register"] == 2 and counts["archive_year"] == 1
        assert _state(other) == before
        assert other.verify().ok
