"""Schema migrations on open (backup first), refusing a newer schema, backups and restore."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from local_db import Registry, SYSTEM
from local_db.backup import list_backups, make_backup, restore_backup, rotate
from local_db.db import head_revision
from local_db.errors import SchemaTooNew, ValidationError

from .helpers import petition

DATA = Path(__file__).resolve().parents[1] / "data"


def test_an_empty_file_is_migrated_to_head(tmp_path: Path) -> None:
    (tmp_path / "registru.sqlite").write_bytes(b"")
    with Registry.open(tmp_path) as reg:
        assert reg.db.migration_backup is None  # nothing to back up
        assert not reg.is_initialised()
        reg.init("54975", "Comuna Florești", "Cluj", "admin", "parola-sigura-1")
        assert reg.entries.register(SYSTEM, petition()).number == 1
    con = sqlite3.connect(tmp_path / "registru.sqlite")
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_pragmas_are_set_on_every_connection(registry: Registry) -> None:
    with registry.db.engine.connect() as conn:
        got = {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in
               ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    assert got == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 15000}


def test_a_database_from_a_newer_release_is_refused(data_dir: Path) -> None:
    con = sqlite3.connect(data_dir / "registru.sqlite")
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNew) as exc:
        Registry.open(data_dir)
    assert "f00dfeed" in str(exc.value)


def test_backup_then_restore_round_trip(registry: Registry, data_dir: Path) -> None:
    a = registry.entries.register(SYSTEM, petition("Înainte de copie"))
    path = registry.backup(SYSTEM, "test")
    assert path.parent == data_dir / "backups" and path.name.endswith("-test.sqlite")
    registry.entries.register(SYSTEM, petition("După copie"))
    registry.entries.cancel(SYSTEM, a.ref, "greșit")
    registry.close()
    safety = restore_backup(data_dir, path)
    with Registry.open(data_dir) as reg:
        assert [r.subject for r in reg.entries.search()] == ["Înainte de copie"]
        assert reg.entries.get(a.ref).status == "registered"
        assert reg.verify().ok
    with Registry.open(data_dir) as reg:  # the state before the restore was kept as a backup too
        reg.close()
        restore_backup(data_dir, safety)
    with Registry.open(data_dir) as reg:
        assert reg.entries.count() == 2


def test_a_bad_backup_file_is_refused_and_nothing_changes(registry: Registry, data_dir: Path, tmp_path: Path) -> None:
    registry.entries.register(SYSTEM, petition())
    registry.close()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    for bad in (junk, other, tmp_path / "missing.sqlite"):
        with pytest.raises(ValidationError):
            restore_backup(data_dir, bad)
    with Registry.open(data_dir) as reg:
        assert reg.entries.count() == 1


def test_backups_rotate(registry: Registry, data_dir: Path) -> None:
    for _ in range(4):
        make_backup(data_dir, "auto", keep=100)
    rotate(data_dir / "backups", keep=2)
    assert len(list_backups(data_dir)) == 2


def test_a_database_from_revision_0001_is_backed_up_and_migrated(tmp_path: Path) -> None:
    shutil.copy(DATA / "registru-0001.sqlite", tmp_path / "registru.sqlite")
    with Registry.open(tmp_path) as reg:
        if head_revision() != "0001":
            assert reg.db.migration_backup is not None and reg.db.migration_backup.exists()
        assert reg.entries.count() == 13 and reg.entries.get("2/2025").compartment == "URB"
        assert reg.users.authenticate("maria", "parola-maria-1").role == "clerk"
        assert reg.verify(check_blobs=False).ok
        assert reg.entries.register(SYSTEM, petition()).ref == f"1/{reg.db.today().year}"
        assert reg.verify(check_blobs=False).ok


def test_daily_backup_is_made_once_a_day(registry: Registry, data_dir: Path) -> None:
    first = registry.daily_backup()
    assert first is not None and first.name.endswith("-auto.sqlite")
    assert registry.daily_backup() is None  # same day: nothing more
    assert [p.name for p in list_backups(data_dir)] == [first.name]
