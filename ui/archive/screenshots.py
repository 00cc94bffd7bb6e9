"""Render the archive screens offscreen into docs/screenshots/archive-*.png, with demo data:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m ui.archive.screenshots [--out docs/screenshots]

`build_archive_demo` fills a data dir through the core API with a moving clock: a filing plan copied
over six years, dossiers with entries, closed years, a transfer to the archive, loans (one overdue) and a
disposal proposal waiting for the National Archives' confirmation. The tests use it too.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop.qt_compat import protect_none

protect_none()

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from local_db import NewEntry, Party, Registry  # noqa: E402
from local_db.archive_views import PlanItemInput  # noqa: E402
from local_db.audit import Actor  # noqa: E402

WIDTH, HEIGHT = 1366, 768
ARCHIVIST = Actor("dan", "archivist", full_name="Dan Pop")
CLERK = Actor("maria", "clerk", full_name="Maria Ionescu")
PLAN = [
    ("I.A.1", "REG", "Registrul general de intrări-ieșiri", "P", []),
    ("I.A.2", "REG", "Petiții, sesizări, reclamații și răspunsurile la ele", "5", ["PETITIE"]),
    ("I.A.3", "REG", "Corespondență cu instituțiile prefectului și consiliului județean", "3",
     ["CORESP-PREFECT", "CORESP-CJ", "CORESP-INST", "CIRCULARA"]),
    ("I.A.4", "SEC", "Cereri de informații de interes public și răspunsuri", "CS 3", ["INFO-544"]),
    ("I.B.1", "PRIM", "Dispozițiile primarului", "P", []),
    ("II.A.1", "URB", "Certificate de urbanism și documentațiile lor", "10", ["URB-CU"]),
    ("II.A.2", "URB", "Autorizații de construire / desființare", "P", ["URB-AC"]),
    ("III.A.1", "CONT", "Declarații fiscale și cereri privind impozitele locale", "10", ["TAXE-DECL", "TAXE-CERERE"]),
    ("IV.A.1", "AGR", "Declarații pentru registrul agricol", "10", ["REG-AGRICOL"]),
    ("V.A.1", "SOC", "Dosare de ajutor social", "10", ["AJUTOR-SOCIAL"]),
]
KINDS = [("PETITIE", "REG", "Sesizare privind {x}", "in"), ("URB-CU", "URB", "Cerere certificat de urbanism, {x}", "in"),
         ("TAXE-DECL", "CONT", "Declarație impunere clădire, {x}", "in"),
         ("CORESP-INST", "REG", "Adresă către ANAF privind {x}", "out"),
         ("REG-AGRICOL", "AGR", "Declarație registru agricol, {x}", "in"),
         ("INFO-544", "SEC", "Cerere informații publice privind {x}", "in")]
TOPICS = ["drumul comunal DC 12", "ulița Morii", "sat Luna", "iluminatul public", "podul peste Someș",
          "parcela 1432/2", "strada Bisericii nr. 4", "canalizarea din centru", "terenul de sport"]
PEOPLE = ["Ion Popescu", "Maria Rus", "Vasile Mureșan", "Ana Pop", "Gheorghe Țurcanu", "Elena Știr"]


class Clock:
    def __init__(self, start: datetime) -> None:
        self.current = start.astimezone()

    def __call__(self) -> datetime:
        return self.current

    def set(self, d: date, hour: int = 10) -> None:
        self.current = datetime(d.year, d.month, d.day, hour).astimezone()


def build_archive_demo(data_dir: Path, seed: int = 7, password: str = "parola-demo-1") -> None:
    """A commune whose archive has been kept for six years (see the module's doc)."""
    rng = random.Random(seed)
    today = date.today()
    first = today.year - 6
    clock = Clock(datetime(first, 1, 5, 9))
    with Registry.open(data_dir, clock=clock) as reg:
        if not reg.is_initialised():
            reg.init("54975", "Comuna Florești", "Cluj", "admin", password, admin_full_name="Ana Pop")
            from local_db.audit import SYSTEM
            reg.users.add(SYSTEM, "maria", password, "clerk", "Maria Ionescu", "REG")
            reg.users.add(SYSTEM, "dan", password, "archivist", "Dan Pop", "ARH")
        arch = reg.archive
        for ind, comp, title, ret, types in PLAN:
            arch.plan.add(ARCHIVIST, first, PlanItemInput(ind, title, ret, comp, doc_types=types))
        for year in range(first, today.year + 1):
            clock.set(date(year, 1, 5))
            if year > first:
                arch.plan.copy(ARCHIVIST, year - 1, year)
            opened: dict[str, str] = {}
            last_day = today if year == today.year else date(year, 12, 20)
            n = 14 if year < today.year else 9
            for i in range(n):
                day = date(year, 1, 8) + timedelta(days=int((last_day - date(year, 1, 8)).days * (i + 1) / (n + 1)))
                clock.set(day, 9 + i % 7)
                code, comp, subject, direction = KINDS[i % len(KINDS)]
                text = subject.format(x=rng.choice(TOPICS))
                party = Party(rng.choice(PEOPLE)) if direction == "in" else Party("ANAF Cluj", "institution")
                e = reg.entries.register(CLERK, NewEntry(direction, text, code, party if direction == "in" else Party(),
                                                         recipient=party if direction == "out" else Party(),
                                                         compartment=comp, pages=rng.randint(1, 9)))
                if direction == "in" and (year < today.year or i % 3):
                    reg.entries.resolve(CLERK, e.ref, "answered", "Răspuns transmis")
                suggestion = arch.dossiers.suggest(e.ref, limit=1)
                if not suggestion or (year == today.year and i == n - 1):
                    continue  # one entry of this year stays unfiled (the closing report shows it)
                item = suggestion[0].plan_item
                if item.indicator not in opened:
                    opened[item.indicator] = arch.dossiers.open(CLERK, year, item.uuid).uuid
                arch.dossiers.file(CLERK, opened[item.indicator], e.ref)
            if year < today.year - 1:
                clock.set(date(year + 1, 1, 12))
                arch.dossiers.close_year(ARCHIVIST, year, accept_unresolved=True)
        # transfers of the older years, REG and URB compartments, into the archive room
        for year in range(first, today.year - 2):
            clock.set(date(year + 2, 3, 2))
            for comp, shelf in (("REG", "Raft 1"), ("URB", "Raft 2"), ("CONT", "Raft 3")):
                if arch.transfers.candidates(year, comp):
                    arch.transfers.record(ARCHIVIST, year, comp, "Maria Ionescu", "Dan Pop", room="Depozit arhivă",
                                          shelf=shelf, box=f"Cutia {year - first + 1}")
        clock.set(today - timedelta(days=45))
        archived = [d for d in arch.search() if d.status == "archived"]
        if archived:
            arch.loans.lend(ARCHIVIST, archived[0].uuid, "Elena Rus", "Secretar general Ion Mureșan",
                            compartment="URB", purpose="verificare autorizație")
        clock.set(today - timedelta(days=5))
        if len(archived) > 1:
            arch.loans.lend(ARCHIVIST, archived[-1].uuid, "Vasile Mureșan", "Primar", compartment="CONT")
        eligible = arch.disposal.eligible()
        if eligible:
            clock.set(today - timedelta(days=2))
            arch.disposal.propose(ARCHIVIST, [e.dossier.uuid for e in eligible[:3]], "Ion Primarul", "Dan Pop",
                                  ["Maria Ionescu", "Ana Pop"], minutes_number="4",
                                  minutes_date=(today - timedelta(days=2)).isoformat())


def grab(widget: QWidget, path: Path) -> Path:
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - a developer's tool
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", default="docs/screenshots")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import make_application
    from desktop.context import AppContext, Session
    from desktop.i18n import Language
    from desktop.settings import Settings
    from desktop.tasks import TaskManager

    from .archive_area import ArchiveArea
    qt = make_application([])
    Language().install("ro")
    tmp = Path(tempfile.mkdtemp(prefix="registru-archive-demo-"))
    try:
        build_archive_demo(tmp / "data")
        reg = Registry.open(tmp / "data")
        tasks = TaskManager()
        settings = Settings(tmp / "settings.json")
        settings.open_documents = False
        app = AppContext(reg, tasks, settings, Session(reg.users.authenticate("dan", "parola-demo-1"),
                                                       reg.institution()))
        area = ArchiveArea(app)
        shots = render_all(area, qt, Path(args.out))
        tasks.shutdown()
        reg.close()
        for s in shots:
            print(s)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def settle(qt: QApplication, tasks, min_s: float = 0.4, max_s: float = 10.0) -> None:  # noqa: ANN001
    """Let timers fire and workers finish: at least `min_s`, then until no task has run for a while."""
    import time
    start = time.monotonic()
    quiet = 0
    while time.monotonic() - start < max_s:
        qt.processEvents()
        time.sleep(0.02)
        quiet = quiet + 1 if tasks.running() == 0 else 0
        if quiet >= 8 and time.monotonic() - start >= min_s:
            qt.processEvents()
            return


def render_all(area, qt: QApplication, out: Path) -> list[Path]:  # noqa: ANN001
    """One PNG per screen of the area (it must have its data loaded by then)."""
    names = ("plan", "dossiers", "transfer", "loans", "disposal")
    paths = []
    area.resize(WIDTH, HEIGHT)
    area.show()
    for i, name in enumerate(names):
        area.show_page(i)
        settle(qt, area.app.tasks)
        if name == "dossiers":
            area.dossiers.table.setCurrentCell(0, 0)
            settle(qt, area.app.tasks)
        paths.append(grab(area, out / f"archive-{name}.png"))
    return paths


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
