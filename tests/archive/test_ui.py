"""The archive screens driven through their widgets (pytest-qt, offscreen, Romanian): the plan (copy, add
with a field error), opening a dossier, filing from the filing dialog, search without diacritics, place,
year-end closing and reopening, transfer with its inventory PDF, loans, and disposal only after the
approval; a clerk sees no archive-only action. Also renders docs/screenshots/archive-*.png."""
from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Iterator

import pytest

from desktop.qt_compat import protect_none

protect_none()

from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import QObject, Qt, QUrl, Slot  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton  # noqa: E402

from desktop.app import make_application  # noqa: E402
from desktop.context import AppContext, Session  # noqa: E402
from desktop.i18n import Language, translations_dir  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
from local_db import NewEntry, Party, Registry  # noqa: E402
from local_db.archive_views import PlanItemInput  # noqa: E402
from local_db.audit import SYSTEM  # noqa: E402
from ui.archive import ArchiveArea, FileIntoDossierDialog  # noqa: E402
from ui.archive.dialogs import ApproveDialog, LendDialog, LocationDialog, PlanItemDialog, ReasonDialog  # noqa: E402
from ui.archive.dossiers_page import ClosingDialog  # noqa: E402

from ..local_db.helpers import FakeClock  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
THIS_YEAR = date.today().year
PAST = THIS_YEAR - 6
PASSWORD = "parola-dan-123"


def _build_translations() -> None:
    import PySide6
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    for ts in translations_dir().glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.check_call([str(lrelease), "-silent", str(ts), "-qm", str(qm)])


@pytest.fixture(scope="session")
def qapp_cls():  # noqa: ANN201 - pytest-qt hook
    return QApplication


@pytest.fixture(autouse=True)
def _ro(qapp: QApplication) -> Iterator[None]:
    _build_translations()
    make_application([])
    lang = Language()
    lang.install("ro")
    yield
    lang.install("ro")


class Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paths: list[Path] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.paths.append(Path(url.toLocalFile()))


@pytest.fixture
def opened() -> Iterator[Opened]:
    capture = Opened()
    QDesktopServices.setUrlHandler("file", capture, "handle")
    yield capture
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def archive_data(data_dir: Path) -> Path:
    """Last year's plan (so this year's can be copied); year PAST with a closed-to-be set of dossiers."""
    clock = FakeClock(PAST, 2, 3, 10)
    with Registry.open(data_dir, clock=clock) as reg:
        reg.users.add(SYSTEM, "dan", PASSWORD, "archivist", "Dan Pop", "ARH")
        arch = reg.archive
        for year in (PAST, THIS_YEAR - 1):
            arch.plan.add(SYSTEM, year, PlanItemInput("I.A.1", "Registrul general de intrări-ieșiri", "P", "REG"))
            arch.plan.add(SYSTEM, year, PlanItemInput("I.A.2", "Petiții, sesizări și răspunsuri", "1", "REG",
                                                      doc_types=["PETITIE"]))
            arch.plan.add(SYSTEM, year, PlanItemInput("II.A.1", "Certificate de urbanism", "3", "URB",
                                                      doc_types=["URB-CU"]))
        refs = {}
        for ind, subject, code in (("I.A.1", "Adresă către Prefectură", None), ("I.A.2", "Sesizare drum", "PETITIE"),
                                   ("II.A.1", "Cerere certificat de urbanism", "URB-CU")):
            e = reg.entries.register(SYSTEM, NewEntry("in", subject, code, Party("Ion Pop"),
                                                      compartment="URB" if ind == "II.A.1" else "REG", pages=4))
            if ind != "II.A.1":
                reg.entries.resolve(SYSTEM, e.ref, "answered", "ok")
            d = arch.dossiers.open(SYSTEM, PAST, ind)
            arch.dossiers.file(SYSTEM, d.uuid, e.ref)
            refs[ind] = e.ref
    return data_dir


@pytest.fixture
def area(archive_data: Path, qtbot, opened) -> Iterator[ArchiveArea]:  # noqa: ANN001
    registry = Registry.open(archive_data)
    tasks = TaskManager()
    settings = Settings()
    settings.open_documents = True
    app = AppContext(registry, tasks, settings, Session(registry.users.authenticate("dan", PASSWORD),
                                                        registry.institution()))
    widget = ArchiveArea(app)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.choices is not None, timeout=10000)
    yield widget
    widget.close()
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=15000)
    qtbot.wait(100)
    tasks.shutdown(wait=True)
    registry.close()


def idle(qtbot, area: ArchiveArea) -> None:  # noqa: ANN001
    qtbot.wait(150)
    qtbot.waitUntil(lambda: area.app.tasks.running() == 0, timeout=15000)
    qtbot.wait(50)


def dialog_of(area: ArchiveArea, cls: type):  # noqa: ANN201
    found = [d for d in area.findChildren(cls) if d.isVisible()]
    assert found, f"no visible {cls.__name__}"
    return found[-1]


def gone(widget) -> bool:  # noqa: ANN001
    """Closed (a dialog deletes itself on close)."""
    import shiboken6
    return not shiboken6.isValid(widget) or not widget.isVisible()


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(str(path)).pages).split())


def test_plan_dossiers_filing_and_search(area: ArchiveArea, qtbot) -> None:  # noqa: ANN001
    reg = area.app.registry
    assert area.tabs.tabText(0) == "&Nomenclator"  # Romanian by default
    plan = area.show_page(0)
    idle(qtbot, area)
    assert plan.year.year() == THIS_YEAR and plan.table.rowCount() == 0
    assert "gol" in plan.summary.text()
    plan.copy_button.click()
    qtbot.waitUntil(lambda: plan.table.rowCount() == 3, timeout=10000)
    assert [plan.table.item(r, 0).text() for r in range(3)] == ["I.A.1", "I.A.2", "II.A.1"]
    assert plan.table.item(0, 3).text() == "permanent" and plan.table.item(1, 3).text() == "1 ani"

    # add an item: an illegal retention shows next to its field, the dialog stays open
    plan.table.setFocus()
    qtbot.keyClick(plan.table, Qt.Key.Key_Insert)
    dialog = dialog_of(area, PlanItemDialog)
    dialog.indicator.setText("III.A.1")
    dialog.title_edit.setText("Declarații fiscale și cereri privind impozitele")
    dialog.compartment.set_code("CONT")
    dialog.retention.setEditText("7")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.errors._fields["retention"][1].isVisible(), timeout=10000)
    assert "nu este legal" in dialog.errors._fields["retention"][1].text() and dialog.isVisible()
    dialog.retention.setEditText("10")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: gone(dialog) and plan.table.rowCount() == 4, timeout=10000)
    assert reg.archive.plan.get("III.A.1", THIS_YEAR).title == "Declarații fiscale și cereri privind impozitele"

    # open this year's petitions dossier from the plan (Ctrl+D)
    idle(qtbot, area)
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow)
    plan.table.select_where(lambda i: i.indicator == "I.A.2")
    qtbot.keyClick(plan, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: reg.archive.dossiers.search() and any(
        d.ref == f"{THIS_YEAR}:I.A.2" for d in reg.archive.dossiers.search()), timeout=10000)
    assert "deschis" in area.status.text()

    # file a new petition: the dialog suggests the petitions dossier first; Enter files it
    e = reg.entries.register(SYSTEM, NewEntry("in", "Sesizare privind șanțul de pe ulița Morii", "PETITIE",
                                              Party("Gheorghe Țurcanu"), compartment="REG", pages=2))
    filing = FileIntoDossierDialog(area.app, [e.id], area)
    qtbot.addWidget(filing)
    filing.show()
    qtbot.waitUntil(lambda: filing.table.rowCount() >= 1, timeout=10000)
    assert filing.table.item(0, 0).text() == f"{THIS_YEAR}:I.A.2"
    assert "tipul documentului" in filing.table.item(0, 4).text()
    results = []
    filing.filed.connect(results.append)
    qtbot.keyClick(filing.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert reg.entries.get(e.ref).dossier_indicator == "I.A.2"

    # the dossiers screen: search without diacritics, the dossier's entries, its place
    dossiers = area.show_page(1)
    idle(qtbot, area)
    dossiers.text.setText("petitii sesizari")
    dossiers.reload()
    qtbot.waitUntil(lambda: dossiers.table.rowCount() == 2, timeout=10000)
    dossiers.table.select_where(lambda d: d.ref == f"{THIS_YEAR}:I.A.2")
    qtbot.waitUntil(lambda: dossiers.entries.rowCount() == 1, timeout=10000)
    assert dossiers.entries.item(0, 0).text() == e.ref
    dossiers.locate_button.click()
    place = dialog_of(area, LocationDialog)
    place.room.setText("Birou registratură")
    place.shelf.setText("Raft 1")
    place.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "Birou registratură / Raft 1" in dossiers.where.text(), timeout=10000)


def test_closing_transfer_loans_and_disposal(area: ArchiveArea, qtbot, opened) -> None:  # noqa: ANN001
    reg = area.app.registry
    dossiers = area.show_page(1)
    idle(qtbot, area)

    # year-end closing of PAST: one incoming entry is unresolved, so closing needs the box ticked
    dossiers.close_year_button.click()
    closing = dialog_of(area, ClosingDialog)
    closing.year.set_years([PAST], PAST)
    closing.load()
    qtbot.waitUntil(lambda: closing.report is not None and closing.report.year == PAST, timeout=10000)
    assert "nerezolvate: 1" in closing.summary.text()
    assert not closing.close_button.isEnabled()
    closing.accept_box.setChecked(True)
    assert closing.close_button.isEnabled()
    closing.close_button.click()
    qtbot.waitUntil(lambda: PAST in reg.archive.dossiers.closed_years(), timeout=10000)
    assert reg.archive.dossiers.get(f"{PAST}:I.A.2").status == "closed"

    # reopening is refused without a reason and recorded with one
    idle(qtbot, area)
    dossiers.text.setText("")
    dossiers.reload()
    idle(qtbot, area)
    assert dossiers.table.select_where(lambda d: d.ref == f"{PAST}:I.A.2")
    qtbot.waitUntil(lambda: dossiers.detail is not None and dossiers.detail.dossier.ref == f"{PAST}:I.A.2"
                    and dossiers.reopen_button.isEnabled(), timeout=10000)
    dossiers.reopen_button.click()
    reason = dialog_of(area, ReasonDialog)
    reason.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: reason.errors._fields["reason"][1].isVisible(), timeout=10000)
    reason.reason.setText("document sosit după închidere")
    reason.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: reg.archive.dossiers.get(f"{PAST}:I.A.2").status == "open", timeout=10000)
    reg.archive.dossiers.close(SYSTEM, f"{PAST}:I.A.2")

    # transfer REG of PAST: both closed dossiers ticked, handover recorded, inventory PDF opened
    transfer = area.show_page(2)
    idle(qtbot, area)
    transfer.year.set_years([PAST], PAST)
    transfer.compartment.set_code("REG")
    transfer.reload()
    qtbot.waitUntil(lambda: transfer.candidates.rowCount() == 2, timeout=10000)
    assert len(transfer.candidates.checked()) == 2
    transfer.record_button.click()  # nobody named: the error shows next to the field
    qtbot.waitUntil(lambda: transfer.errors._fields["handed_by"][1].isVisible(), timeout=10000)
    transfer.handed_by.setText("Maria Ionescu")
    transfer.room.setText("Depozit arhivă")
    transfer.record_button.click()
    qtbot.waitUntil(lambda: any(p.name.startswith(f"inventar-{PAST}-REG") for p in opened.paths), timeout=15000)
    text = pdf_text(opened.paths[-1])
    assert "INVENTARUL documentelor cu termen de păstrare permanent" in text
    assert "I.A.1" in text and "I.A.2" in text and "Petiții, sesizări și răspunsuri" in text
    assert "PROCES-VERBAL DE PREDARE-PRIMIRE" in text and "Maria Ionescu" in text
    assert reg.archive.dossiers.get(f"{PAST}:I.A.1").location == "Depozit arhivă"
    qtbot.waitUntil(lambda: transfer.register_table.rowCount() == 1, timeout=10000)

    # loans: find by reference, lend (30 days by default), then return
    loans = area.show_page(3)
    idle(qtbot, area)
    loans.lend_ref.setText(f"{PAST}:I.A.1")
    qtbot.keyClick(loans.lend_ref, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in area.findChildren(LendDialog)), timeout=10000)
    lend = dialog_of(area, LendDialog)
    lend.borrower.setText("Elena Rus")
    lend.approved_by.setText("Secretar general")
    lend.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: loans.table.rowCount() == 1, timeout=10000)
    assert reg.archive.dossiers.get(f"{PAST}:I.A.1").loan.borrower == "Elena Rus"
    assert loans.table.item(0, 2).text() == "Elena Rus"
    loans.table.setCurrentCell(0, 0)
    loans.return_button.click()
    qtbot.waitUntil(lambda: loans.table.rowCount() == 0, timeout=10000)

    # disposal: only the expired temporary dossier is offered; nothing goes before the approval
    disposal = area.show_page(4)
    idle(qtbot, area)
    qtbot.waitUntil(lambda: disposal.eligible.rowCount() >= 1, timeout=10000)
    refs = [disposal.eligible.item(r, 0).text() for r in range(disposal.eligible.rowCount())]
    assert f"{PAST}:I.A.1" not in refs and f"{PAST}:I.A.2" in refs
    disposal.eligible.select_where(lambda x: x.dossier.ref == f"{PAST}:I.A.2")
    disposal.eligible.setFocus()
    qtbot.keyClick(disposal.eligible, Qt.Key.Key_Space)
    disposal.president.setText("Ion Primarul")
    disposal.secretary.setText("Dan Pop")
    disposal.members.setPlainText("Maria Ionescu")
    disposal.propose_button.click()  # two voters: refused, shown next to the members
    qtbot.waitUntil(lambda: disposal.errors._fields["members"][1].isVisible(), timeout=10000)
    disposal.members.setPlainText("Maria Ionescu\nAna Pop")
    disposal.propose_button.click()
    qtbot.waitUntil(lambda: disposal.proposals.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: any(p.name == "propunere-eliminare-1.pdf" for p in opened.paths), timeout=15000)
    assert f"{PAST}:I.A.2".split(":")[1] in pdf_text(opened.paths[-1])
    disposal.proposals.setCurrentCell(0, 0)
    assert not disposal.execute_button.isEnabled() and disposal.approve_button.isEnabled()
    disposal.approve_button.click()
    approve = dialog_of(area, ApproveDialog)
    approve.act_number.setText("1234/AN")
    approve.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: reg.archive.disposal.get(1).status == "approved", timeout=10000)
    qtbot.waitUntil(lambda: disposal.execute_button.isEnabled(), timeout=10000)
    disposal.execute(confirmed=True)
    qtbot.waitUntil(lambda: reg.archive.disposal.get(1).status == "executed", timeout=10000)
    assert reg.archive.dossiers.get(f"{PAST}:I.A.2").status == "disposed"
    assert reg.verify().ok


def test_a_clerk_sees_no_archive_only_action(archive_data: Path, qtbot) -> None:  # noqa: ANN001
    registry = Registry.open(archive_data)
    tasks = TaskManager()
    app = AppContext(registry, tasks, Settings(), Session(registry.users.authenticate("maria", "parola-maria-1"),
                                                         registry.institution()))
    try:
        area = ArchiveArea(app)
        qtbot.addWidget(area)
        area.show()
        assert not area.plan.add_button.isVisible() and area.plan.open_button.isVisible()  # clerks open dossiers
        area.show_page(1)
        assert not area.dossiers.close_year_button.isVisible() and not area.dossiers.locate_button.isVisible()
        area.show_page(2)
        assert not area.transfer.record_button.isVisible()
        area.show_page(4)
        assert not area.disposal.propose_button.isVisible()
    finally:
        tasks.shutdown(wait=True)
        registry.close()


def test_screenshots_of_the_archive_screens(tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """The screens render with the demo data (docs/screenshots/archive-*.png come from `python -m ui.archive.screenshots`)."""
    from ui.archive.screenshots import build_archive_demo, render_all
    build_archive_demo(tmp_path / "data")
    registry = Registry.open(tmp_path / "data")
    tasks = TaskManager()
    settings = Settings(tmp_path / "settings.json")
    settings.open_documents = False
    app = AppContext(registry, tasks, settings, Session(registry.users.authenticate("dan", "parola-demo-1"),
                                                       registry.institution()))
    try:
        area = ArchiveArea(app)
        qtbot.addWidget(area)
        qtbot.waitUntil(lambda: area.choices is not None, timeout=10000)
        paths = render_all(area, QApplication.instance(), tmp_path / "shots")
        assert [p.name for p in paths] == ["archive-plan.png", "archive-dossiers.png", "archive-transfer.png",
                                           "archive-loans.png", "archive-disposal.png"]
        assert all(p.stat().st_size > 20_000 for p in paths)
        assert area.loans.table.rowCount() == 2 and area.disposal.proposals.rowCount() == 1
    finally:
        tasks.shutdown(wait=True)
        registry.close()


def test_filing_from_the_registry_window(archive_data: Path, qtbot) -> None:  # noqa: ANN001
    """The hooks in the main window: an "Arhivă" menu, bulk filing of the table's selection, a File…
    button on the entry card and on the form's result page."""
    from PySide6.QtCore import QItemSelectionModel

    from desktop.sync_state import SyncStatus
    from ui.archive.hooks import ArchiveWindow
    from ui.entry_detail import EntryDetailDialog
    from ui.main_window import MainWindow

    registry = Registry.open(archive_data)
    registry.archive.plan.copy(SYSTEM, THIS_YEAR - 1, THIS_YEAR)
    registry.archive.dossiers.open(SYSTEM, THIS_YEAR, "I.A.1")
    new = [registry.entries.register(SYSTEM, NewEntry("out", f"Adresă {i} către Prefectură", None,
                                                      recipient=Party("Prefectura", "institution"))) for i in range(2)]
    tasks = TaskManager()
    settings = Settings()
    settings.open_documents = False
    app = AppContext(registry, tasks, settings, Session(registry.users.authenticate("dan", PASSWORD),
                                                       registry.institution()))
    window = MainWindow(app, SyncStatus())
    qtbot.addWidget(window)
    window.show()
    try:
        menu = window.archive_menu
        assert menu.title() == "Ar&hivă"
        model = window.panel.model
        qtbot.waitUntil(lambda: window.choices is not None and model.row_of(new[0].id) is not None
                        and model.row_of(new[1].id) is not None, timeout=15000)
        sel = window.panel.table.selectionModel()
        for e in new:
            sel.select(model.index(model.row_of(e.id), 0),
                       QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        assert sorted(__import__("ui.archive.hooks", fromlist=["x"]).selected_entry_ids(window)) == sorted(
            e.id for e in new)
        [a for a in window.actions() if a.objectName() == "fileSelection"][0].trigger()
        filing = [d for d in window.findChildren(FileIntoDossierDialog) if d.isVisible()][0]
        qtbot.waitUntil(lambda: filing.table.rowCount() >= 1, timeout=10000)
        assert filing.table.select_where(lambda t: t.dossier is not None and t.dossier.ref == f"{THIS_YEAR}:I.A.1")
        assert "2 înregistrări" in filing.intro.text()
        filing.submit()
        qtbot.waitUntil(lambda: all(registry.entries.get(e.ref).dossier_indicator == "I.A.1" for e in new),
                        timeout=10000)
        assert registry.entries.get(new[0].ref).status == "filed"

        [a for a in window.actions() if a.objectName() == "openArchive"][0].trigger()
        assert isinstance(window.archive_window, ArchiveWindow) and window.archive_window.isVisible()

        card = window.open_entry(new[0].id)
        assert isinstance(card, EntryDetailDialog)
        assert card.findChild(QPushButton, "fileEntryButton") is not None
        form = window.new_entry()
        assert form is not None and form.findChild(QPushButton, "fileNewEntryButton") is not None
        for w in (card, form, window.archive_window):
            w.close()
    finally:
        window.close()
        qtbot.waitUntil(lambda: tasks.running() == 0, timeout=15000)
        qtbot.wait(100)
        tasks.shutdown(wait=True)
        registry.close()
