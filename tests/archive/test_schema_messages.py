"""Migration 0003 against the models and the saved rev-0001 database; the archive's messages; the core
stays Qt-free."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from local_db import Registry, SYSTEM
from local_db.archive_views import PlanItemInput
from local_db.messages import MESSAGES, placeholders

from ..local_db.helpers import petition

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
ARCHIVE_TABLES = {"plan_item", "dossier", "dossier_entry", "archive_year", "transfer", "archive_register", "loan",
                  "disposal", "disposal_item"}


def test_models_match_the_migrations(registry: Registry) -> None:
    with registry.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), __import__("local_db.models").models.Base.metadata)
    touching = [d for d in diff if any(t in repr(d) for t in ARCHIVE_TABLES)]
    assert touching == []


def test_the_saved_0001_database_upgrades_and_files_its_old_entries(tmp_path: Path) -> None:
    shutil.copy(DATA / "registru-0001.sqlite", tmp_path / "registru.sqlite")
    with Registry.open(tmp_path) as reg:
        assert reg.verify(check_blobs=False).ok
        old = reg.entries.search(limit=1)[0]
        reg.archive.plan.add(SYSTEM, old.year, PlanItemInput("I.A.1", "Corespondență", "3"))
        d = reg.archive.dossiers.open(SYSTEM, old.year, "I.A.1")
        reg.archive.dossiers.file(SYSTEM, d.ref, old.ref)
        reg.entries.register(SYSTEM, petition())
        assert reg.verify(check_blobs=False).ok


def _codes_used() -> set[str]:
    codes: set[str] = set()
    for path in sorted((ROOT / "local_db").glob("archive*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                    "ValidationError", "StateError", "NotFound", "PermissionDenied", "tr"):
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    codes.add(node.args[0].value)
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "field" and isinstance(kw.value, ast.Constant) and kw.value.value:
                        codes.add("field." + kw.value.value)
    return codes


def test_every_archive_message_exists_in_both_languages_with_the_same_placeholders() -> None:
    import local_db.archive  # noqa: F401  (merges the archive's catalogue)
    used = _codes_used()
    assert "arch_dossier_permanent" in used and "field.indicator" in used
    missing = sorted(c for c in used if c not in MESSAGES)
    assert missing == []
    for key, (ro, en) in MESSAGES.items():
        assert ro and en, key
        assert placeholders(ro) == placeholders(en), key


def test_the_archive_core_imports_without_qt() -> None:
    code = ("import sys; sys.modules['PySide6'] = None\n"
            "import local_db.archive, local_db.archive_plan, local_db.archive_dossiers, local_db.archive_transfer,"
            " local_db.archive_loans, local_db.archive_disposal\n"
            "from local_db import Registry\nprint('ok')")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
