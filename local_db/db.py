"""Opening the local SQLite database: pragmas, write transactions, migrations with a backup first.

* WAL journal, `synchronous=FULL` (a registration survives a power cut), `foreign_keys=ON`, busy timeout.
* Writes run in `BEGIN IMMEDIATE` transactions: the write lock is taken up front, so two processes
  allocating a number never deadlock on a read→write upgrade; they queue on the busy timeout instead.
* Alembic migrations run on open. A database that already holds data is copied first with the online
  backup API; a failed migration restores that copy and raises `MigrationFailed`. A database written by
  a newer release is refused (`SchemaTooNew`).
"""
from __future__ import annotations

import logging
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from .errors import MigrationFailed, SchemaTooNew

log = logging.getLogger(__name__)

DB_FILENAME = "registru.sqlite"
BUSY_TIMEOUT_MS = 15000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{db_path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        pool_size=5, max_overflow=10,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.execute("PRAGMA cache_size=-16000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session in a BEGIN IMMEDIATE transaction; commits on success, rolls back on error."""
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="IMMEDIATE")
        with Session(bind=conn, expire_on_commit=False, autoflush=True) as session:
            with session.begin():
                yield session


@contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    with Session(bind=engine, expire_on_commit=False) as session:
        with session.begin():
            yield session


# --- migrations -------------------------------------------------------------------------------

def alembic_config(db_path: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{db_path}")
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config(Path("x"))).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _has_data(db_path: Path) -> bool:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return False
    con = sqlite3.connect(db_path)
    try:
        return con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] > 0
    finally:
        con.close()


def sqlite_backup(src: Path, dest: Path) -> None:
    """Consistent copy with SQLite's online backup API (safe while others read or write)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    s = sqlite3.connect(src, timeout=BUSY_TIMEOUT_MS / 1000)
    d = sqlite3.connect(tmp)
    try:
        s.backup(d)
        d.execute("PRAGMA journal_mode=DELETE")
    finally:
        d.close()
        s.close()
    tmp.replace(dest)


def _file_revision(db_path: Path) -> str | None:
    """The schema revision stored in the file, read without writing to it (no WAL switch yet), so a
    pre-migration copy holds the file exactly as the older release left it."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except (sqlite3.OperationalError, TypeError):  # no alembic_version table / no row
        return None
    finally:
        con.close()


def _pre_migration_copy(src: Path, dest: Path) -> None:
    """Byte-for-byte copy under a shared lock (no writer can change the file meanwhile); a database with
    pending WAL content is copied through SQLite's backup API instead."""
    wal = Path(str(src) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        sqlite_backup(src, dest)
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    con = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        con.execute("BEGIN")
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the shared lock
        shutil.copyfile(src, tmp)
    finally:
        con.rollback()
        con.close()
    tmp.replace(dest)


def migrate(engine: Engine, db_path: Path, backup_dir: Path) -> Path | None:
    """Bring the schema to head. Returns the pre-migration backup path, if one was made."""
    script = ScriptDirectory.from_config(alembic_config(db_path))
    head = script.get_current_head()
    current = _file_revision(db_path)
    if current == head:
        return None
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        raise SchemaTooNew("schema_too_new", rev=current)
    backup: Path | None = None
    if _has_data(db_path):
        from datetime import datetime
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_dir / f"pre-migration-{current or 'none'}-to-{head}-{stamp}.sqlite"
        _pre_migration_copy(db_path, backup)
        log.info("backed up %s to %s before migrating %s -> %s", db_path, backup, current, head)
    cfg = alembic_config(db_path)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:  # restore the copy: an upgrade never loses the registry
        log.exception("migration failed")
        if backup is not None:
            engine.dispose()
            for suffix in ("-wal", "-shm"):
                Path(str(db_path) + suffix).unlink(missing_ok=True)
            shutil.copyfile(backup, db_path)
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]  # one line; the log has all
        raise MigrationFailed("migration_failed", detail=detail, backup=str(backup)) from exc
    return backup


def raw(session: "Session | sqlite3.Connection"):  # noqa: ANN201 - sqlite3.Connection
    """The DB-API connection under a session's current transaction, for the hot paths (registration,
    audit, outbox) where SQLAlchemy's per-statement overhead would dominate. Same transaction.
    A DB-API connection (from `raw_write`) is returned as it is."""
    if isinstance(session, sqlite3.Connection):
        return session
    return session.connection().connection.driver_connection


def flush(session: "Session | sqlite3.Connection") -> None:
    """Flush pending ORM changes before raw SQL reads them (nothing to do on a bare DB-API connection)."""
    if not isinstance(session, sqlite3.Connection):
        session.flush()


@contextmanager
def raw_write_transaction(engine: Engine) -> Iterator[sqlite3.Connection]:
    """A pooled DB-API connection in a BEGIN IMMEDIATE transaction, without an ORM session: the
    registration hot path. Commits on success, rolls back on error."""
    pooled = engine.raw_connection()
    conn = pooled.driver_connection
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        pooled.close()


def fetch_dicts(cur) -> list[dict]:  # noqa: ANN001
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]
