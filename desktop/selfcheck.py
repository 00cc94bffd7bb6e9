"""`registru self-check`: is this installation able to work? One line per check, ✓ / ✗ / ! (warning).

On a throw-away database in a temporary folder: create it and run every migration; upgrade an older
schema (backup + migration); register an entry and find it by a search without diacritics; draw the main
window (offscreen when there is no display); render a receipt PDF and check the bundled DejaVu font is
embedded (Romanian letters ș ț ă î â). Then on this PC: the interface translations, the keyring
backend (a fail/plaintext one is a warning, a failure once the installation is enrolled), the data dir
(read-only: nothing is created or migrated there), the county hub if enrolled (health, clock, token),
and where the log file is. Exit status 0 when nothing failed, 3 otherwise.
"""
from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import __version__
from . import package_messages  # noqa: F401 - registers the texts
from .package_messages import tr

log = logging.getLogger(__name__)

OK, FAIL, WARN = "ok", "fail", "warn"
MARK = {OK: "✓", FAIL: "✗", WARN: "!"}
PASSWORD = "verificare-123"


@dataclass
class Check:
    step: str
    status: str
    text: str
    ms: int = 0


@dataclass
class Report:
    version: str
    checks: list[Check] = field(default_factory=list)
    log_file: str = ""
    seconds: float = 0.0

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if c.status == FAIL]

    @property
    def ok(self) -> bool:
        return not self.failed

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "ok": self.ok, "seconds": self.seconds, "log_file": self.log_file,
                "checks": [asdict(c) for c in self.checks]}


def _ms(t0: float) -> int:
    return int((time.perf_counter() - t0) * 1000)


def needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform.startswith("linux"):
        return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return False


class SelfCheck:
    def __init__(self, data_dir: Path, log_file: Path | None = None, say: Callable[[Check], None] | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.report = Report(__version__, log_file=str(log_file or ""))
        self.say = say or (lambda _c: None)
        self.tmp = Path(tempfile.mkdtemp(prefix="registru-selfcheck-"))
        self.registry: Any = None
        self.entry: Any = None
        self.enrolled = False
        self.meta: dict[str, str] = {}

    def add(self, step: str, status: str, text: str, ms: int = 0) -> None:
        c = Check(step, status, text, ms)
        self.report.checks.append(c)
        self.say(c)

    def guarded(self, step: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - a failed check is reported, the others still run
            log.exception("self-check step %s failed", step)
            self.add(step, FAIL, tr("pkg.sc.failed_step", step=tr(f"pkg.sc.step.{step}"),
                                    detail=f"{type(exc).__name__}: {exc}"[:300]))

    # --- the checks --------------------------------------------------------------------------------------

    def database(self) -> None:
        from local_db import Registry
        from local_db.db import head_revision
        t0 = time.perf_counter()
        self.registry = Registry.open(self.tmp / "data")
        rev = head_revision()
        with self.registry.db.engine.connect() as conn:
            got = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        if got != rev:
            raise RuntimeError(f"revision {got} != {rev}")
        self.add("database", OK, tr("pkg.sc.database", rev=rev, ms=_ms(t0)), _ms(t0))

    def upgrade(self) -> None:
        """A database at the first revision, with a row in it, opened by this release: backed up, migrated."""
        from alembic import command
        from local_db import Registry
        from local_db.db import alembic_config, head_revision
        t0 = time.perf_counter()
        d = self.tmp / "old"
        d.mkdir()
        db = d / "registru.sqlite"
        cfg = alembic_config(db)
        command.upgrade(cfg, "0001")
        con = sqlite3.connect(db)
        con.execute("INSERT INTO meta (key, value) VALUES ('selfcheck', '1')")
        con.commit()
        con.close()
        with Registry.open(d) as reg:
            backup = reg.db.migration_backup
            if head_revision() != "0001" and (backup is None or not backup.exists()):
                raise RuntimeError("no backup before migrating")
        self.add("upgrade", OK, tr("pkg.sc.upgrade", ms=_ms(t0)), _ms(t0))

    def register(self) -> None:
        from local_db import Filters, NewEntry, Party
        from local_db.audit import SYSTEM
        t0 = time.perf_counter()
        reg = self.registry
        reg.init("54975", "Comuna Florești", "Cluj", "admin", PASSWORD, admin_full_name="Ștefan Țurcanu")
        self.entry = reg.entries.register(SYSTEM, NewEntry(direction="in", doc_type="PETITIE",
                                                           subject="Cerere privind ședința consiliului local",
                                                           sender=Party("Ioana Mureșan")))
        found = [r.ref for r in reg.entries.search(Filters(text="sedinta consiliului"))]
        if self.entry.ref not in found:
            raise RuntimeError(f"search did not find {self.entry.ref}")
        self.add("register", OK, tr("pkg.sc.register", ref=self.entry.ref, ms=_ms(t0)), _ms(t0))

    def window(self) -> None:
        if needs_offscreen():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from .app import make_application
        from .context import AppContext, Session
        from .settings import Settings
        from .sync_state import SyncStatus
        from .tasks import TaskManager
        from PySide6.QtGui import QGuiApplication
        t0 = time.perf_counter()
        qapp = make_application(sys.argv[:1])
        from ui.main_window import MainWindow
        reg = self.registry
        tasks = TaskManager()
        try:
            app = AppContext(reg, tasks, Settings())
            app.session = Session(reg.users.authenticate("admin", PASSWORD), reg.institution())
            status = SyncStatus()
            window = MainWindow(app, status)
            window.resize(1366, 768)
            window.show()
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                qapp.processEvents()
                if tasks.running() == 0:
                    break
                time.sleep(0.01)
            qapp.processEvents()
            image = window.grab().toImage()
            if image.isNull() or image.width() < 100:
                raise RuntimeError("the window drew nothing")
            image.save(str(self.tmp / "window.png"))
            self.add("window", OK, tr("pkg.sc.window", platform=QGuiApplication.platformName(), w=image.width(),
                                      h=image.height(), ms=_ms(t0)), _ms(t0))
            window.close()
            qapp.processEvents()
        finally:
            tasks.shutdown(wait=True)

    def pdf(self) -> None:
        from .reports.receipt import write_receipt
        from .fonts import FAMILY, register_fonts
        t0 = time.perf_counter()
        register_fonts()
        reg = self.registry
        path = self.tmp / "dovada.pdf"
        write_receipt(path, reg.institution(), reg.entries.get(self.entry.ref), "Ștefan Țurcanu")
        data = path.read_bytes()
        if not data.startswith(b"%PDF") or len(data) < 1000:
            raise RuntimeError("not a PDF")
        if b"DejaVu" not in data:
            raise RuntimeError("the DejaVu font is not embedded: Romanian letters would not show")
        pages = max(1, data.count(b"/Type /Page") - data.count(b"/Type /Pages"))
        self.add("pdf", OK, tr("pkg.sc.pdf", pages=pages, font=FAMILY, ms=_ms(t0)), _ms(t0))

    def translations(self) -> None:
        from .i18n import translations_dir
        from PySide6.QtCore import QTranslator
        found = []
        for qm in sorted(translations_dir().glob("*.qm")):
            t = QTranslator()
            if not t.load(str(qm)):
                raise RuntimeError(f"{qm.name} does not load")
            found.append(qm.stem)
        if "registru_ro" not in found:
            raise RuntimeError(f"registru_ro.qm missing in {translations_dir()}")
        self.add("translations", OK, tr("pkg.sc.translations", langs=", ".join(found)))

    def data(self) -> None:
        from local_db.db import head_revision
        db = self.data_dir / "registru.sqlite"
        if not db.is_file():
            self.add("data", OK, tr("pkg.sc.data_dir", path=self.data_dir, state=tr("pkg.sc.data_empty")))
            return
        try:
            con = sqlite3.connect(db)  # only read (query_only); as the last connection it tidies -wal/-shm away
            con.execute("PRAGMA query_only = ON")
            try:
                inst = con.execute("SELECT name FROM institution LIMIT 1").fetchone()
                entries = con.execute("SELECT count(*) FROM entry").fetchone()[0] if inst else 0
                rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
                meta = dict(con.execute("SELECT key, value FROM meta WHERE key LIKE 'sync.%' OR key = 'node_id'"))
            finally:
                con.close()
        except sqlite3.Error as exc:
            self.add("data", FAIL, tr("pkg.sc.data_error", path=self.data_dir, detail=exc))
            return
        state = tr("pkg.sc.data_initialised", name=inst[0], entries=entries) if inst else tr("pkg.sc.data_empty")
        if rev and rev[0] != head_revision():
            state += f"; schema {rev[0]} → {head_revision()}"
        self.add("data", OK, tr("pkg.sc.data_dir", path=self.data_dir, state=state))
        self.meta = meta
        self.enrolled = meta.get("sync.state") == "enrolled" and bool(meta.get("sync.hub_url"))

    def keyring(self) -> None:
        from sync.secrets import backend_name, is_secure
        try:
            name = backend_name()
            secure = is_secure()
        except Exception as exc:  # noqa: BLE001 - e.g. Secret Service chosen but no D-Bus session
            chosen = os.environ.get("PYTHON_KEYRING_BACKEND") or "keyring"
            name, secure = f"{chosen}: {exc}"[:200], False
        if secure:
            self.add("keyring", OK, tr("pkg.sc.keyring_ok", backend=name))
        else:
            self.add("keyring", FAIL if self.enrolled else WARN, tr("pkg.sc.keyring_weak", backend=name))

    def hub(self) -> None:
        if not self.enrolled:
            self.add("hub", OK, tr("pkg.sc.hub_none"))
            return
        from sync.secrets import TokenStore
        from sync.transport import HubError, Offline, Transport, Unauthorized
        url, ca, node = self.meta["sync.hub_url"], self.meta.get("sync.ca_bundle") or None, self.meta.get("node_id", "")
        token = TokenStore().load(node)
        try:
            with Transport(url, token=token, ca_bundle=ca, retries=1, connect_timeout=5, read_timeout=15) as t:
                health = t.get_json("/health")
                t0 = time.time()
                now = t.get_json("/time")
                t1 = time.time()
                skew = abs(now["epoch_ms"] / 1000 - (t0 + t1) / 2)
                if not token:
                    raise Unauthorized(401, "no_token", "no token in the keyring")
                t.get_json("/replica/summary")
        except Unauthorized:
            self.add("hub", FAIL, tr("pkg.sc.hub_token", url=url))
            return
        except (Offline, HubError) as exc:
            self.add("hub", FAIL, tr("pkg.sc.hub_down", url=url, detail=str(getattr(exc, "message", "") or exc)[:160]))
            return
        if skew > 180:
            self.add("hub", FAIL, tr("pkg.sc.hub_skew", url=url, skew=round(skew)))
            return
        self.add("hub", OK, tr("pkg.sc.hub_ok", url=url, version=health.get("version", "?"), skew=round(skew, 1)))

    # --- run ---------------------------------------------------------------------------------------------

    def run(self) -> Report:
        started = time.perf_counter()
        try:
            self.guarded("database", self.database)
            if self.registry is not None:
                self.guarded("upgrade", self.upgrade)
                self.guarded("register", self.register)
                if self.entry is not None:
                    self.guarded("window", self.window)
                    self.guarded("pdf", self.pdf)
            self.guarded("translations", self.translations)
            self.guarded("data", self.data)
            self.guarded("keyring", self.keyring)
            self.guarded("hub", self.hub)
        finally:
            if self.registry is not None:
                self.registry.close()
            shutil.rmtree(self.tmp, ignore_errors=True)
        self.report.seconds = round(time.perf_counter() - started, 2)
        return self.report


def header() -> str:
    frozen = getattr(sys, "frozen", False)
    try:
        from PySide6 import __version__ as qt
    except ImportError:  # pragma: no cover - the CLI-only install
        qt = "-"
    return tr("pkg.sc.python", exe=sys.executable, kind=tr("pkg.sc.frozen" if frozen else "pkg.sc.source"),
              py=platform.python_version(), qt=qt)


def main(data_dir: Path, log_file: Path, as_json: bool = False) -> int:
    try:
        sys.stdout.reconfigure(errors="replace")  # a Windows console in an old code page still gets a report
    except (AttributeError, ValueError):
        pass
    if not as_json:
        print(tr("pkg.sc.title", version=__version__))
        print("  " + header())

    def say(c: Check) -> None:
        if not as_json:
            print(f"{MARK[c.status]} {c.text}", flush=True)

    report = SelfCheck(data_dir, log_file, say).run()
    for c in report.checks:
        log.info("self-check %s %s: %s", c.step, c.status, c.text)
    if as_json:
        json.dump(report.as_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"  {tr('pkg.sc.log', path=log_file)}")
        print(tr("pkg.sc.ok", seconds=report.seconds) if report.ok else tr("pkg.sc.failed", count=len(report.failed)))
    return 0 if report.ok else 3
