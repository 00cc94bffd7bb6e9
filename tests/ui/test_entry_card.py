"""The entry card: history, files opened as verified copies (a damaged file is reported, never opened),
assignment and deadline extension recorded; and the main window's long jobs and status bar."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from desktop.sync_state import SyncState
from desktop.sync_state import SyncStatus
from local_db import NewEntry, Party
from ui.action_dialogs import AssignDialog, ExtendDialog
from ui.main_window import MainWindow
from ui.print_register_dialog import PrintRegisterDialog
from ui.progress import TaskProgress

from .conftest import Harness


def _window(qtbot, harness: Harness, user: str) -> MainWindow:  # noqa: ANN001
    harness.login(user)
    window = MainWindow(harness.app, SyncStatus())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.choices is not None)
    return window


def _entry_with_scan(harness: Harness, tmp_path: Path):  # noqa: ANN202
    img = QImage(120, 160, QImage.Format.Format_RGB32)
    img.fill(QColor("#eeeeee"))
    scan = tmp_path / "sesizare.png"
    img.save(str(scan))
    return harness.registry.entries.register(harness.login("maria").actor, NewEntry(
        direction="in", subject="Sesizare cu poză", doc_type="PETITIE", sender=Party("Ana Pop"),
        attachments=[str(scan)]))


def test_files_open_as_verified_copies(qtbot, harness: Harness, tmp_path: Path, opened) -> None:  # noqa: ANN001
    view = _entry_with_scan(harness, tmp_path)
    window = _window(qtbot, harness, "maria")
    card = window.open_entry(view.id)
    qtbot.waitUntil(lambda: card.detail is not None)
    assert card.tabs.tabText(2) == "&Fișiere (1)" and card.files.rowCount() == 1
    card.open_file()
    qtbot.waitUntil(lambda: bool(opened.paths))
    copy = opened.paths[0]
    assert copy.name == "sesizare.png" and copy.read_bytes() == harness.registry.entries.read_attachment(
        view.attachments[0].id)
    card.verify_file()
    qtbot.waitUntil(lambda: "intact" in card.status_line.text())
    blob = harness.registry.db.blobs.path(view.attachments[0].sha256)
    blob.chmod(0o644)
    blob.write_bytes(b"altered")
    card.open_file()
    qtbot.waitUntil(lambda: "deteriorat" in card.status_line.text())
    assert len(opened.paths) == 1                        # the damaged file was not handed to a viewer


def test_assign_and_extend_are_recorded(qtbot, harness: Harness, tmp_path: Path) -> None:  # noqa: ANN001
    view = _entry_with_scan(harness, tmp_path)
    window = _window(qtbot, harness, "ion")
    card = window.open_entry(view.id)
    qtbot.waitUntil(lambda: card.detail is not None)
    card.assign()
    dialog = card.findChildren(AssignDialog)[0]
    dialog.assignee.setCurrentIndex(dialog.assignee.findData("elena"))
    dialog.instruction.setPlainText("Verificați pe teren.")
    dialog.action_button.click()
    qtbot.waitUntil(lambda: card.detail.view.assignee == "elena")
    assert card.detail.view.compartment == "URB"         # the person's compartment
    card.extend()
    extend = card.findChildren(ExtendDialog)[0]
    assert extend.days.maximum() == 15                   # petitions: at most 15 more days
    extend.reason.setText("Informații cerute de la OCPI")
    extend.action_button.click()
    qtbot.waitUntil(lambda: card.detail.view.deadline != card.detail.view.deadline_original)
    assert [h.action for h in card.detail.history] == ["register", "assign", "extend_deadline"]
    assert card.history.item(1, 1).text() == "Ion Mureșan" and "motiv: Informații" in card.history.item(2, 3).text()


def test_register_print_backup_and_verify_in_the_background(qtbot, harness: Harness, opened) -> None:  # noqa: ANN001
    window = _window(qtbot, harness, "admin")
    window.print_register()
    dialog = window.findChildren(PrintRegisterDialog)[0]
    year = date.today().year - 1
    dialog._set(date(year, 1, 1), date(year, 12, 31))
    dialog.accept()
    progress = window.findChildren(TaskProgress)
    assert progress and progress[0].task.label == "register pages"   # shown if it lasts over 0.3 s, with Cancel
    qtbot.waitUntil(lambda: bool(opened.paths), timeout=20000)
    assert opened.paths[0].name == f"registru-{year}-01-01-{year}-12-31.pdf"
    window.backup()
    qtbot.waitUntil(lambda: any(p.name.endswith("-manual.sqlite")
                                for p in (harness.registry.data_dir / "backups").glob("*")), timeout=20000)
    task = window.verify()
    results: list[object] = []
    task.succeeded.connect(results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    assert not results[0].ok                              # the bulk demo rows were never audited: reported


def test_status_bar(qtbot, harness: Harness) -> None:  # noqa: ANN001
    sync = SyncStatus()
    harness.login("maria")
    window = MainWindow(harness.app, sync)
    qtbot.addWidget(window)
    status = window.status
    assert status.user.text() == "Utilizator: Maria Ionescu (Registrator)"
    assert str(harness.registry.data_dir.name) in status.data_dir.toolTip()
    assert "neconectat la hub" in status.sync.text()
    qtbot.waitUntil(lambda: status.outbox.text().startswith("De trimis: "))
    assert date.today().strftime("%d.%m.%Y") in status.clock.text()
    sync.set(SyncState(configured=True, online=False, error="timeout"))
    assert "hub indisponibil" in status.sync.text() and status.sync.toolTip() == "timeout"
