"""The opened local database of one installation: engine, data dir layout, clock, blob store."""
from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy.orm import Session

from . import db
from .blobs import DEFAULT_MAX_BYTES, BlobStore

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """The PC's local time with its UTC offset (registration times are the town hall's own time)."""
    return datetime.now().astimezone()


class Database:
    def __init__(self, data_dir: Path, clock: Clock | None = None, blob_max_bytes: int = DEFAULT_MAX_BYTES,
                 run_migrations: bool = True) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.path = self.data_dir / db.DB_FILENAME
        self.backup_dir = self.data_dir / "backups"
        self.clock: Clock = clock or local_now
        self.blobs = BlobStore(self.data_dir / "blobs", blob_max_bytes)
        self.engine = db.make_engine(self.path)
        self.migration_backup: Path | None = None
        if run_migrations:
            self.migration_backup = db.migrate(self.engine, self.path, self.backup_dir)

    def now(self) -> datetime:
        now = self.clock()
        return now if now.tzinfo else now.astimezone()

    def now_iso(self) -> str:
        return self.now().isoformat(timespec="seconds")

    def today(self) -> date:
        return self.now().date()

    @contextmanager
    def write(self) -> Iterator[Session]:
        with db.write_session(self.engine) as s:
            yield s

    @contextmanager
    def raw_write(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE on a bare DB-API connection (no ORM session): for the registration hot path."""
        with db.raw_write_transaction(self.engine) as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Session]:
        with db.read_session(self.engine) as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()
