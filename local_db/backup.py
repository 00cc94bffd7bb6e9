"""Backups with SQLite's online backup API into `<data dir>/backups`, checked with integrity_check,
rotated; restore from a backup file (the current database is backed up first).

Attachment files are not copied: they are immutable and content-addressed (a blob is only ever added,
or removed by an approved disposal), so the backups folder plus `blobs/` restore the whole registry.
"""
from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from .db import DB_FILENAME, sqlite_backup
from .errors import ValidationError

KEEP = 30
_NAME = re.compile(r"^registru-\d{8}-\d{6}(-[a-z0-9-]+)?\.sqlite$")


def check_backup_file(path: Path) -> None:
    """A readable SQLite file with a Registru schema and a clean integrity_check, or ValidationError."""
    if not path.is_file():
        raise ValidationError("backup_invalid", field="file", path=str(path), detail="not a file")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            res = con.execute("PRAGMA integrity_check").fetchall()
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise ValidationError("backup_invalid", field="file", path=str(path), detail=str(exc)) from exc
    if [r[0] for r in res] != ["ok"]:
        raise ValidationError("backup_invalid", field="file", path=str(path), detail=str(res[:3]))
    if not {"entry", "audit_event", "alembic_version"} <= tables:
        raise ValidationError("backup_invalid", field="file", path=str(path), detail="no Registru tables")


def make_backup(data_dir: Path, label: str = "manual", keep: int = KEEP) -> Path:
    data_dir = Path(data_dir)
    backups = data_dir / "backups"
    label = re.sub(r"[^a-z0-9-]", "", label.lower())[:30] or "manual"
    dest = backups / f"registru-{datetime.now().strftime('%Y%m%d-%H%M%S')}-{label}.sqlite"
    n = 1
    while dest.exists():
        dest = dest.with_name(dest.stem.rsplit("~", 1)[0] + f"~{n}.sqlite")
        n += 1
    sqlite_backup(data_dir / DB_FILENAME, dest)
    check_backup_file(dest)
    rotate(backups, keep)
    return dest


def daily_backup(data_dir: Path, today: datetime | None = None, keep: int = KEEP) -> Path | None:
    """The automatic backup: one per day (the first start of the day makes it), rotated with the rest.
    Returns the new file, or None when today's already exists."""
    stamp = (today or datetime.now()).strftime("%Y%m%d")
    backups = Path(data_dir) / "backups"
    if any(backups.glob(f"registru-{stamp}-*-auto*.sqlite")):
        return None
    return make_backup(data_dir, "auto", keep)


def list_backups(data_dir: Path) -> list[Path]:
    d = Path(data_dir) / "backups"
    return sorted((p for p in d.glob("*.sqlite") if p.is_file()), key=lambda p: p.stat().st_mtime, reverse=True)


def rotate(backups: Path, keep: int) -> None:
    ours = sorted((p for p in backups.glob("registru-*.sqlite") if _NAME.match(p.name.replace("~", "-"))),
                  key=lambda p: p.name, reverse=True)
    for old in ours[keep:]:
        old.unlink(missing_ok=True)


def restore_backup(data_dir: Path, backup: Path) -> Path:
    """Replace the database with `backup` (checked first). The current database is saved as a backup
    beforehand; returns that safety copy's path. No Registry may be open on `data_dir`."""
    data_dir = Path(data_dir)
    backup = Path(backup).resolve()
    check_backup_file(backup)
    db_path = data_dir / DB_FILENAME
    safety = make_backup(data_dir, "before-restore") if db_path.exists() else None
    tmp = db_path.with_suffix(".restoring")
    shutil.copyfile(backup, tmp)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    tmp.replace(db_path)
    return safety or backup
