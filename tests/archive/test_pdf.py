"""The inventory and disposal PDFs (Qt, the bundled DejaVu font): every dossier is in the text, with its
diacritics, over several pages; permanent apart from temporary; totals; and the data as CSV/JSON."""
from __future__ import annotations

import json
from pathlib import Path

from desktop.qt_compat import protect_none

protect_none()

from pypdf import PdfReader  # noqa: E402

from desktop.reports.archive_pdf import write_disposal, write_inventory  # noqa: E402
from local_db import Registry  # noqa: E402
from local_db.archive_export import write_data  # noqa: E402
from local_db.archive_views import PlanItemInput  # noqa: E402

from .conftest import ARCHIVIST, CLERK, outgoing  # noqa: E402

N = 45


def text_of(path: Path) -> tuple[str, int]:
    pages = PdfReader(str(path)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split()), len(pages)


def _year(reg: Registry, clock) -> None:  # noqa: ANN001
    for i in range(1, N + 1):
        ret = "P" if i % 5 == 0 else "3"
        reg.archive.plan.add(ARCHIVIST, 2024, PlanItemInput(f"II.C.{i}", f"Ședințe și hotărâri, țarcuri nr. {i}",
                                                            ret, "REG"))
        d = reg.archive.dossiers.open(CLERK, 2024, f"II.C.{i}")
        e = reg.entries.register(CLERK, outgoing(f"Act {i}", pages=i))
        reg.archive.dossiers.file(CLERK, d.uuid, e.ref)
    clock.set(2025, 3, 3, 10)
    reg.archive.dossiers.close_year(ARCHIVIST, 2024, accept_unresolved=True)


def test_the_transfer_inventory_holds_every_dossier(qapp, reg: Registry, clock, tmp_path: Path) -> None:  # noqa: ANN001
    _year(reg, clock)
    t = reg.archive.transfers.record(ARCHIVIST, 2024, "REG", "Maria Ionescu", "Ștefan Țăranu", room="Depozit")
    path = write_inventory(tmp_path / "inv.pdf", reg.institution(), t.inventories, t)
    text, pages = text_of(path)
    assert pages >= 3
    assert "PRIMĂRIA COMUNEI FLOREȘTI" in text
    for i in range(1, N + 1):
        assert f"II.C.{i} " in text, i
        assert f"Ședințe și hotărâri, țarcuri nr. {i} " in text, i
    perm, temp = t.inventories
    assert perm.permanent and not temp.permanent and perm.total_dossiers == N // 5
    assert f"cuprinde {perm.total_dossiers} dosare, totalizând {perm.total_sheets} file" in text
    assert f"cuprinde {temp.total_dossiers} dosare, totalizând {temp.total_sheets} file" in text
    assert "INVENTARUL documentelor cu termen de păstrare permanent" in text
    assert "INVENTARUL documentelor cu termen de păstrare temporar" in text
    assert "PROCES-VERBAL DE PREDARE-PRIMIRE" in text and "Ștefan Țăranu" in text
    assert "Predarea nr. 1 din 03.03.2025" in text
    csv = write_data(tmp_path / "inv.csv", t).read_text("utf-8-sig")
    assert csv.count("Ședințe și hotărâri") == N and "Inventar permanent" in csv and "Inventar temporar" in csv
    data = json.loads(write_data(tmp_path / "inv.json", t).read_text("utf-8"))
    assert sum(len(i["lines"]) for i in data["inventories"]) == N


def test_a_draft_inventory_before_the_handover(qapp, reg: Registry, clock, tmp_path: Path) -> None:  # noqa: ANN001
    _year(reg, clock)
    invs = reg.archive.transfers.inventory(2024, "REG")
    text, _ = text_of(write_inventory(tmp_path / "draft.pdf", reg.institution(), invs, None, "Maria", "Dan"))
    assert "Proiect — predarea nu a fost încă consemnată" in text and "PROCES-VERBAL" not in text
    assert all(f"II.C.{i} " in text for i in range(1, N + 1))


def test_the_disposal_proposal(qapp, reg: Registry, clock, tmp_path: Path) -> None:  # noqa: ANN001
    _year(reg, clock)
    clock.set(2028, 1, 10, 9)
    eligible = reg.archive.disposal.eligible()
    assert len(eligible) == N - N // 5  # never the permanent ones
    p = reg.archive.disposal.propose(ARCHIVIST, [e.dossier.uuid for e in eligible], "Ion Primarul", "Dan Pop",
                                     ["Maria Ionescu", "Ana Țuțea"], "4", "2028-01-10")
    text, _ = text_of(write_disposal(tmp_path / "p.pdf", reg.institution(), p))
    assert "PROCES-VERBAL AL COMISIEI DE SELECȚIONARE" in text and "Propunerea nr. 1" in text
    assert "Ana Țuțea" in text and "Nimic nu poate fi distrus înainte de confirmarea" in text
    for e in eligible:
        assert f"{e.dossier.indicator} " in text
    for i in range(5, N + 1, 5):
        assert f"II.C.{i} " not in text
    a = reg.archive.disposal.approve(ARCHIVIST, p.number, "1234/AN", "2028-01-10")
    text, _ = text_of(write_disposal(tmp_path / "a.pdf", reg.institution(), a))
    assert "Confirmat de Arhivele Naționale prin actul nr. 1234/AN din 10.01.2028" in text
    csv = write_data(tmp_path / "p.csv", a).read_text("utf-8-sig")
    assert csv.splitlines()[0].startswith("Nr. crt.;Anul;Compartiment;Indicativ dosar")
