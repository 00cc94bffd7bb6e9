"""Fixtures for the desktop tests (pytest-qt, offscreen): compiled translations, the bundled fonts, a
UI template data dir made once per session (a commune, one user per role, a few thousand entries)
copied for each test, a logged-in application context, and a capture of documents the app opens."""
from __future__ import annotations

import gc
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from desktop.qt_compat import protect_none

protect_none()

from PySide6.QtCore import QObject, QUrl, Slot  # noqa: E402
from PySide6.QtGui import QDesktopServices  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.app import make_application  # noqa: E402
from desktop.context import AppContext, Session  # noqa: E402
from desktop.i18n import Language, qm_path, translations_dir  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from desktop.tasks import TaskManager  # noqa: E402
from local_db import Registry  # noqa: E402
from local_db.audit import SYSTEM  # noqa: E402

PASSWORDS = {"admin": "parola-admin-1", "maria": "parola-maria-1", "ion": "parola-ion-123",
             "elena": "parola-elena-1", "dan": "parola-dan-123"}
BULK_ROWS = 3000


def _build_translations() -> None:
    """What `python3 dev.py setup` does: compile the .ts sources when the .qm is missing or older."""
    import PySide6
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    for ts in translations_dir().glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.check_call([str(lrelease), "-silent", str(ts), "-qm", str(qm)])


@pytest.fixture(scope="session")
def qapp_cls():  # noqa: ANN201 - pytest-qt hook: the QApplication our app uses
    return QApplication


@pytest.fixture(scope="session", autouse=True)
def _application(qapp: QApplication) -> Iterator[QApplication]:
    _build_translations()
    assert qm_path("ro").exists()
    yield make_application([])
    gc.enable()  # make_application hands garbage collection to the GUI thread; give it back to other suites


@pytest.fixture(autouse=True)
def language() -> Iterator[Language]:
    lang = Language()
    lang.install("ro")
    yield lang
    lang.install("ro")


@pytest.fixture(scope="session")
def ui_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A commune with one user per role and a few thousand (bulk, unaudited) entries of past years."""
    from desktop.demo_data import fill_bulk
    d = tmp_path_factory.mktemp("ui-template")
    with Registry.open(d) as reg:
        reg.init("54975", "Comuna Florești", "Cluj", "admin", PASSWORDS["admin"], admin_full_name="Ana Pop",
                 address="str. Avram Iancu nr. 170")
        reg.users.add(SYSTEM, "maria", PASSWORDS["maria"], "clerk", "Maria Ionescu", "REG")
        reg.users.add(SYSTEM, "ion", PASSWORDS["ion"], "secretary", "Ion Mureșan", "SEC")
        reg.users.add(SYSTEM, "elena", PASSWORDS["elena"], "compartment", "Elena Rus", "URB")
        reg.users.add(SYSTEM, "dan", PASSWORDS["dan"], "archivist", "Dan Pop", "ARH")
        year = reg.db.today().year
        fill_bulk(reg, BULK_ROWS, years=[year - 2, year - 1])
    return d


@pytest.fixture
def data_dir(ui_template: Path, tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(ui_template, d)
    return d


@dataclass
class Harness:
    app: AppContext
    tasks: TaskManager
    registry: Registry

    def login(self, username: str) -> AppContext:
        """Log `username` in (as the login dialog does, without its password hashing on every test)."""
        actor = self.registry.users.authenticate(username, PASSWORDS[username])
        self.app.session = Session(actor, self.registry.institution())
        return self.app


@pytest.fixture
def harness(data_dir: Path, qtbot) -> Iterator[Harness]:  # noqa: ANN001
    tasks = TaskManager()
    registry = Registry.open(data_dir)
    settings = Settings()
    settings.open_documents = True
    yield Harness(AppContext(registry, tasks, settings), tasks, registry)
    tasks.shutdown(wait=True)
    registry.close()


class OpenedUrls(QObject):
    """Receives what the application hands to the desktop (QDesktopServices.openUrl) instead of a viewer."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)

    @property
    def paths(self) -> list[Path]:
        return [Path(u.toLocalFile()) for u in self.urls]


@pytest.fixture
def opened() -> Iterator[OpenedUrls]:
    capture = OpenedUrls()
    QDesktopServices.setUrlHandler("file", capture, "handle")
    yield capture
    QDesktopServices.unsetUrlHandler("file")


__all__ = ["PASSWORDS", "Harness", "OpenedUrls"]
