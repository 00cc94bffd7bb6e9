"""The PDF documents: what the receipt and the register pages say (read back with pypdf), in Romanian
whatever the interface language, with the diacritics intact."""
from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest
import segno
from pypdf import PdfReader

from desktop import documents
from desktop.reports.register_book import Period, write_register
from desktop.reports.verification import qr_payload, verification_code
from local_db import NewEntry, Party
from local_db.table_queries import QueryCancelled

from .conftest import Harness


def text_of(path: Path) -> str:
    raw = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(unicodedata.normalize("NFC", raw).split())


def _run(qtbot, harness: Harness, job):  # noqa: ANN001, ANN201
    box: list = []
    errors: list = []
    harness.tasks.run(job, lane="long", on_done=box.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(box or errors), timeout=20000)
    if errors:
        raise errors[0]
    return box[0]


def test_receipt_holds_what_the_citizen_needs(qtbot, harness: Harness, language) -> None:  # noqa: ANN001
    app = harness.login("maria")
    language.install("en")                       # the clerk works in English; the receipt stays Romanian
    view = harness.registry.entries.register(app.actor, NewEntry(
        direction="in", subject="Sesizare privind șanțurile înfundate", doc_type="PETITIE",
        sender=Party("Ștefan Țurcanu", address="sat Tăuți, str. Morii nr. 12"), pages=4, annexes=2,
        compartment="URB"))
    path = _run(qtbot, harness, documents.receipt(app, view.ref))
    assert path.parent == app.documents_dir() / "dovezi" and path.name == f"dovada-{view.number}-{view.year}.pdf"
    text = text_of(path)
    code = verification_code("54975", view.ref, view.registered_at, view.uuid)
    for expected in ("PRIMĂRIA COMUNEI FLOREȘTI", "JUDEȚUL CLUJ", "DOVADĂ DE ÎNREGISTRARE", view.ref,
                     date.today().strftime("%d.%m.%Y"), view.registered_at[11:16], "Ștefan Țurcanu",
                     "Sesizare privind șanțurile înfundate", "file: 4, anexe: 2", "Urbanism",
                     date.fromisoformat(view.deadline).strftime("%d.%m.%Y"), "OG 27/2002", "Maria Ionescu",
                     "Cod de verificare", code):
        assert expected in text, expected
    assert len(PdfReader(str(path)).pages) == 1


def test_verification_code_and_qr() -> None:
    code = verification_code("54975", "125/2026", "2026-11-25T10:15:00+02:00", "0f5c6c9e-8a51-4b8e-9c3e-1d2f3a4b5c6d")
    assert len(code) == 11 and code[5] == "-" and not set(code) & set("ILOU")
    assert code == verification_code("54975", "125/2026", "2026-11-25T10:15:00+02:00",
                                      "0f5c6c9e-8a51-4b8e-9c3e-1d2f3a4b5c6d")
    assert code != verification_code("54975", "126/2026", "2026-11-25T10:15:00+02:00",
                                     "0f5c6c9e-8a51-4b8e-9c3e-1d2f3a4b5c6d")
    payload = qr_payload("54975", "125/2026", "2026-11-25T10:15:00+02:00", code)
    assert payload == f"RG1;54975;125/2026;2026-11-25T10:15:00+02:00;{code}"
    assert segno.make(payload, error="m", micro=False).version <= 4   # small enough to print 26 mm wide


def test_register_pages_in_the_classic_layout(qtbot, harness: Harness) -> None:  # noqa: ANN001
    app = harness.login("ion")
    entries = harness.registry.entries
    first = entries.register(app.actor, NewEntry(direction="in", subject="Cerere adeverință de rol agricol",
                                                 sender=Party("Ion Bârlea"), issuer_ref="12/03.11.2026", pages=2))
    wrong = entries.register(app.actor, NewEntry(direction="in", subject="Înregistrare greșită",
                                                 sender=Party("Ana Pop")))
    entries.cancel(app.actor, wrong.ref, "Înregistrat de două ori")
    entries.resolve(app.actor, first.ref, "answered", reply=NewEntry(
        direction="out", subject="Răspuns adeverință", recipient=Party("Ion Bârlea")))
    today = date.today()
    progress: list[tuple[int, int]] = []
    task = harness.tasks.run(documents.register_pages(app, Period(today - timedelta(days=1), today)), lane="long",
                             on_progress=lambda d, t, _s: progress.append((d, t)))
    paths: list[Path] = []
    task.succeeded.connect(paths.append)
    qtbot.waitUntil(lambda: bool(paths), timeout=20000)
    text = text_of(paths[0])
    for expected in ("REGISTRUL GENERAL DE INTRĂRI-IEȘIRI", "Nr. de înregistrare", "Conținutul pe scurt",
                     "Indicativul dosarului", first.ref, "12/03.11.2026", "Ion Bârlea", "răspuns nr. 3/",
                     "ANULAT: Înregistrat de două ori", "Pagina 1", "cuprinde 3 înregistrări",
                     "Certificat: secretarul general"):
        assert expected in text, expected
    assert progress and progress[-1] == (3, 3)


def test_a_long_register_spans_pages_and_stops_on_cancel(qtbot, harness: Harness, tmp_path: Path) -> None:  # noqa: ANN001, E501
    app = harness.login("ion")
    year = date.today().year - 1
    period = Period(date(year, 1, 1), date(year, 12, 31))
    path = write_register(tmp_path / "an.pdf", harness.registry, app.institution, period)
    reader = PdfReader(str(path))
    assert len(reader.pages) > 20
    assert "Pagina 2" in " ".join(reader.pages[1].extract_text().split())
    with pytest.raises(QueryCancelled):
        write_register(tmp_path / "stopped.pdf", harness.registry, app.institution, period, cancelled=lambda: True)
    assert not (tmp_path / "stopped.pdf").exists() and not (tmp_path / "stopped.pdf.part").exists()
