"""Database engine and transactions, the same code on SQLite and PostgreSQL.

* SQLite: WAL, `synchronous=FULL`, foreign keys, a busy timeout; write transactions start with
  `BEGIN IMMEDIATE` so two writers queue on the lock instead of failing on a read-to-write upgrade.
* PostgreSQL (psycopg 3): READ COMMITTED; code that must serialise takes row locks
  (`SELECT ... FOR UPDATE`, which SQLite's single writer makes unnecessary).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from hub.settings import Settings


def make_engine(settings: Settings) -> Engine:
    url = settings.db_url
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                               pool_size=settings.db_pool_size, max_overflow=10)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_size=settings.db_pool_size, max_overflow=10, pool_pre_ping=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("hub_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """One per process: the engine and two kinds of transaction (read, write)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = make_engine(settings)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A transaction that will write: on SQLite it takes the write lock up front."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(hub_write=True)
            with Session(bind=conn, expire_on_commit=False) as session, session.begin():
                yield session

    def insert(self, table: Any) -> Any:
        """The dialect's INSERT (it has `on_conflict_do_nothing/update`)."""
        return (sqlite.insert if self.is_sqlite else postgresql.insert)(table)

    def dispose(self) -> None:
        self.engine.dispose()
