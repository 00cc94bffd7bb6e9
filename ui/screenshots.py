"""Render every main screen offscreen into docs/screenshots/*.png, with realistic demo data:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m ui.screenshots [--out docs/screenshots]

A throw-away data dir gets a commune, four users and about three months of registrations made through
the core API with a moving clock (petitions, certificates, county circulars, replies, a cancellation),
so the views hold overdue and due-soon entries. Screens are 1366×768, the smallest screen the town
halls have. The receipt and the first register page are drawn into PNGs by the same code as the PDFs.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

from desktop.qt_compat import protect_none

protect_none()

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.app import make_application  # noqa: E402
from desktop.context import AppContext, Session  # noqa: E402
from desktop.demo_data import random_new_entry  # noqa: E402
from desktop.i18n import Language  # noqa: E402
from desktop.reports.pdf import image  # noqa: E402
from desktop.reports.receipt import write_receipt  # noqa: E402
from desktop.reports.register_book import Period, write_register  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.sync_state import SyncStatus  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
from local_db import NewEntry, Party, Registry  # noqa: E402
from local_db.audit import Actor  # noqa: E402

WIDTH, HEIGHT = 1366, 768
PASSWORD = "parola-demo-1"
DAYS = 80


class Clock:
    def __init__(self, start: datetime) -> None:
        self.current = start.astimezone()

    def __call__(self) -> datetime:
        return self.current


def build_demo(data_dir: Path, seed: int = 5) -> None:
    """A commune with about three months of registrations, resolutions and replies."""
    rng = random.Random(seed)
    start = datetime.combine(date.today() - timedelta(days=DAYS), datetime.min.time()).replace(hour=8)
    clock = Clock(start)
    reg = Registry.open(data_dir, clock=clock)
    reg.init("54975", "Comuna Florești", "Cluj", "admin", PASSWORD, admin_full_name="Ana Pop",
             address="str. Avram Iancu nr. 170, sat Florești")
    admin = Actor("admin", "admin")
    reg.users.add(admin, "maria", PASSWORD, "clerk", "Maria Ionescu", "REG")
    reg.users.add(admin, "ion", PASSWORD, "secretary", "Ion Mureșan", "SEC")
    reg.users.add(admin, "elena", PASSWORD, "compartment", "Elena Rus", "URB")
    reg.users.add(admin, "vasile", PASSWORD, "compartment", "Vasile Bălan", "CONT")
    clerk = Actor("maria", "clerk")
    staff = ["elena", "vasile", None, None]
    compartments = [c.code for c in reg.nomenclator.compartments()]
    open_refs: list[tuple[str, datetime, str]] = []
    for day in range(DAYS + 1):
        d = start + timedelta(days=day)
        if d.weekday() >= 5:
            continue
        for _ in range(rng.randint(2, 5)):
            clock.current = (d + timedelta(minutes=rng.randint(0, 7 * 60))).astimezone()
            new = random_new_entry(rng, compartments)
            if new.direction == "in" and rng.random() < 0.6:
                new.assignee = rng.choice(staff)
            view = reg.entries.register(clerk, new)
            if view.direction == "in" and view.deadline:
                open_refs.append((view.ref, clock.current, view.sender.name, view.doc_type or ""))
        # resolve some older entries, with a registered reply
        clock.current = (d + timedelta(hours=8, minutes=30)).astimezone()
        for item in list(open_refs):
            ref, when, sender, _type = item
            age = (clock.current - when).days
            if age >= 4 and rng.random() < (0.12 if day < DAYS - 25 else 0.05):
                reply = NewEntry(direction="out", subject=f"Răspuns la nr. {ref}", doc_type="RASPUNS",
                                 recipient=Party(sender, "person"), channel="post", pages=1)
                reg.entries.resolve(Actor("ion", "secretary"), ref, "answered", "Comunicat răspunsul petentului.",
                                    reply=reply)
                open_refs.remove(item)
    clock.current = datetime.now().astimezone() - timedelta(minutes=30)
    some = reg.entries.search(limit=12)
    reg.entries.cancel(clerk, some[5].ref, "Înregistrat de două ori din greșeală")
    petition = next(item[0] for item in reversed(open_refs) if item[3] == "PETITIE")
    reg.entries.extend_deadline(Actor("ion", "secretary"), petition, 15, "S-au solicitat informații de la OCPI Cluj")
    reg.close()


def settle(app: QApplication, tasks: TaskManager, until: Callable[[], bool] = lambda: True,
           timeout: float = 20) -> None:
    """Process events until background work is done and `until()` holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if tasks.running() == 0 and until():
            for _ in range(5):
                app.processEvents()
                time.sleep(0.01)
            if tasks.running() == 0 and until():
                return
        time.sleep(0.01)
    raise TimeoutError("screen did not settle")


def shoot(widget: QWidget, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="registru-shots-"))
    os.environ["REGISTRU_CONFIG_DIR"] = str(work / "config")
    try:
        run(out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(out: Path, work: Path) -> None:
    from ui.admin_users import UsersDialog
    from ui.login_dialog import LoginDialog
    from ui.main_window import MainWindow
    from ui.settings_dialog import SettingsDialog
    from ui.setup_wizard import SetupWizard

    app = make_application([])
    language = Language()
    language.install("ro")
    tasks = TaskManager()
    settings = Settings()
    settings.open_documents = False

    empty = Registry.open(work / "empty")
    wizard = SetupWizard(empty, tasks)
    wizard.commune_name.setText("Comuna Florești")
    wizard.commune_code.setText("54975")
    wizard.county.setEditText("Cluj")
    wizard.address.setText("str. Avram Iancu nr. 170, sat Florești")
    wizard.resize(620, 440)
    wizard.show()
    settle(app, tasks)
    shoot(wizard, out, "01-setup-wizard")
    wizard.close()

    data = work / "data"
    build_demo(data)
    reg = Registry.open(data)
    login = LoginDialog(reg, tasks, reg.institution().name, "maria")
    login.show()
    settle(app, tasks)
    shoot(login, out, "02-login")
    login.close()

    def session(username: str) -> Session:
        return tasks_run(app, tasks, lambda: Session(reg.users.authenticate(username, PASSWORD), reg.institution()))

    ctx = AppContext(reg, tasks, settings, session("maria"))
    window = MainWindow(ctx, SyncStatus())
    window.resize(WIDTH, HEIGHT)
    window.show()
    settle(app, tasks, lambda: window.choices is not None and window.panel.model.has_snapshot)
    window.panel.table.selectRow(2)
    settle(app, tasks)
    shoot(window, out, "03-main-window")

    form = window.new_entry()
    assert form is not None
    form.issuer_ref.setText("")
    form.pages.setValue(3)
    form.annexes.setValue(1)
    form.sender.name.setText("Gheorghe Țurcanu")
    form.sender.address.setText("sat Tăuți, str. Morii nr. 12")
    form.doc_type.setCurrentIndex(form.doc_type.findData("PETITIE"))
    form.subject.setText("Sesizare privind șanțurile înfundate pe ulița Morii")
    form.compartment.setCurrentIndex(form.compartment.findData("URB"))
    form.attachments.add_path(_sample_scan(work))
    settle(app, tasks, lambda: bool(form.deadline_label.text()))
    form.subject.setFocus()
    shoot(form, out, "04-new-entry")
    form.submit()
    settle(app, tasks, lambda: form.result_entry is not None)
    shoot(form, out, "05-registered")
    registered = form.result_entry
    form.accept()
    settle(app, tasks)

    resolved = next(r for r in reg.entries.search(limit=300) if r.status == "resolved" and r.direction == "in")
    detail = window.open_entry(resolved.id)
    assert detail is not None
    detail.resize(900, 640)
    settle(app, tasks, lambda: detail.detail is not None)
    shoot(detail, out, "06-entry-detail")
    detail.tabs.setCurrentIndex(1)
    settle(app, tasks)
    shoot(detail, out, "07-entry-history")
    detail.accept()

    open_entry = next(r for r in reg.entries.search(limit=300) if r.status == "assigned" and r.direction == "in")
    ion = AppContext(reg, tasks, settings, session("ion"))
    detail = window.open_entry(open_entry.id)
    detail.app = ion
    settle(app, tasks, lambda: detail.detail is not None)
    detail._update_buttons()
    detail.resolve()
    settle(app, tasks)
    shoot(detail.action_dialog, out, "08-resolve")
    detail.action_dialog.reject()
    detail.accept()

    window.panel.search.setText("deszapezire")
    window.panel.apply()
    settle(app, tasks, lambda: window.panel.model.has_snapshot)
    shoot(window, out, "09-search-without-diacritics")
    window.panel.reset_filters()
    window.panel.set_view("overdue")
    settle(app, tasks, lambda: window.panel.model.has_snapshot)
    shoot(window, out, "10-overdue")
    window.panel.set_view("all")

    assert registered is not None
    doc_types = {d.code: d for d in reg.nomenclator.doc_types()}
    write_receipt(out / "11-receipt.png", reg.institution(), registered, "Maria Ionescu",
                  doc_types.get(registered.doc_type or ""), render=image)
    print(f"wrote {out / '11-receipt.png'}")
    today = date.today()
    write_register(out / "12-register-page.png", reg, reg.institution(),
                   Period(today - timedelta(days=DAYS + 1), today), render=image)
    print(f"wrote {out / '12-register-page.png'}")

    dialog = SettingsDialog(settings, str(settings.documents_path(data)), window)
    dialog.show()
    settle(app, tasks)
    shoot(dialog, out, "13-settings")
    dialog.reject()

    admin_ctx = AppContext(reg, tasks, settings, session("admin"))
    users = UsersDialog(admin_ctx, window.choices, window)
    users.show()
    settle(app, tasks, lambda: bool(users.users))
    shoot(users, out, "14-users")
    users.accept()
    window.close()

    language.install("en")
    english = MainWindow(ctx, SyncStatus())
    english.resize(WIDTH, HEIGHT)
    english.show()
    settle(app, tasks, lambda: english.choices is not None and english.panel.model.has_snapshot)
    shoot(english, out, "15-main-window-english")
    english.close()
    tasks.shutdown()
    reg.close()
    empty.close()
    QCoreApplication.processEvents()


def tasks_run(app: QApplication, tasks: TaskManager, fn: Callable[[], object]):  # noqa: ANN201
    """Run `fn` on a worker (as the application would) and wait for its result."""
    box: list[object] = []
    tasks.run(lambda ctx: fn(), on_done=box.append)
    settle(app, tasks, lambda: bool(box))
    return box[0]


def _sample_scan(work: Path) -> Path:
    """A small 'scanned page' made with Qt (no external tools)."""
    from PySide6.QtGui import QColor, QImage, QPainter
    img = QImage(620, 877, QImage.Format.Format_RGB32)
    img.fill(QColor("#fbfaf6"))
    p = QPainter(img)
    for i in range(30):
        p.fillRect(60, 120 + i * 22, 500 - (i * 37) % 160, 6, QColor("#9a9a9a"))
    p.end()
    path = work / "scan-sesizare.png"
    img.save(str(path))
    return path


if __name__ == "__main__":
    main()
