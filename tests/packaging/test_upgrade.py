"""Upgrades: a database written by an older release (tests/data/registru-0001.sqlite) is backed up and
migrated; a migration that fails restores the file byte for byte and says so in one line.

The failures are real SQLite failures, not mocks: (1) a test-only copy of the Alembic script directory with
one more revision that does real DDL and then violates a NOT NULL constraint; (2) an old database in which
someone created by hand a table that a later migration needs to create."""
from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import local_db.db as dbmod
from local_db import Registry
from local_db.db import head_revision
from local_db.errors import MigrationFailed

from .conftest import ROOT

OLD = ROOT / "tests" / "data" / "registru-0001.sqlite"


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def old_install(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    shutil.copy(OLD, d / "registru.sqlite")
    return d


def revision(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_an_old_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    d = old_install(tmp_path)
    original = sha(d / "registru.sqlite")
    assert revision(d / "registru.sqlite") == "0001" != head_revision()
    with Registry.open(d) as reg:
        backup = reg.db.migration_backup
        assert backup is not None and backup.parent == d / "backups"
        assert backup.name.startswith(f"pre-migration-0001-to-{head_revision()}-")
        assert sha(backup) == original            # the backup is the old file exactly as it was
        assert reg.entries.count() == 13 and reg.verify(check_blobs=False).ok
    assert revision(d / "registru.sqlite") == head_revision()
    with Registry.open(d) as reg:                 # a second open has nothing to do and makes no backup
        assert reg.db.migration_backup is None


FAILING_REVISION = '''"""test only: real DDL, then a statement SQLite refuses
Revision ID: 9999
Revises: {head}
"""
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO institution (id) VALUES (NULL)")   # NOT NULL constraint failed


def downgrade() -> None:
    op.drop_table("half_done")
'''


def test_a_failing_migration_restores_the_original_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_fails.py").write_text(FAILING_REVISION.format(head=head_revision()), "utf-8")
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", scripts)
    d = old_install(tmp_path)
    original = sha(d / "registru.sqlite")
    with pytest.raises(MigrationFailed) as exc:
        Registry.open(d)
    msg = str(exc.value)
    assert "actualizarea bazei de date a eșuat" in msg and "a fost restaurată" in msg and "NOT NULL" in msg
    assert "\n" not in msg
    assert exc.value.message("en").startswith("upgrading the database failed")
    assert sha(d / "registru.sqlite") == original  # byte for byte: 0002…0004 and the half-done one are gone
    assert not Path(str(d / "registru.sqlite") + "-wal").exists()
    backups = list((d / "backups").glob("pre-migration-0001-to-9999-*.sqlite"))
    assert len(backups) == 1 and str(backups[0]) in msg
    monkeypatch.undo()                             # the real release still upgrades the restored file
    with Registry.open(d) as reg:
        assert reg.entries.count() == 13


def _block_a_later_migration(d: Path) -> None:
    con = sqlite3.connect(d / "registru.sqlite")
    con.execute("CREATE TABLE dossier (note TEXT)")  # migration 0003 creates its own table of this name
    con.commit()
    con.close()


def test_an_old_database_a_migration_cannot_handle_is_restored(tmp_path: Path) -> None:
    d = old_install(tmp_path)
    _block_a_later_migration(d)
    original = sha(d / "registru.sqlite")
    with pytest.raises(MigrationFailed, match="table dossier already exists"):
        Registry.open(d)
    assert sha(d / "registru.sqlite") == original
    assert revision(d / "registru.sqlite") == "0001"


@pytest.mark.parametrize("lang", [None, "en"])
def test_the_cli_says_it_in_one_line(tmp_path: Path, lang: str | None) -> None:
    d = old_install(tmp_path)
    _block_a_later_migration(d)
    original = sha(d / "registru.sqlite")
    env = {k: v for k, v in os.environ.items() if k != "REGISTRU_LANG"}
    proc = subprocess.run([sys.executable, "-m", "desktop", "info", "--data-dir", str(d),
                           *(["--lang", lang] if lang else [])],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    if lang:
        assert lines[0].startswith("registru: upgrading the database failed") and "was restored" in lines[0]
    else:
        assert lines[0].startswith("registru: actualizarea bazei de date a eșuat") and "restaurată" in lines[0]
    assert sha(d / "registru.sqlite") == original
