"""The hub never imports Qt, and its migrations produce exactly the models' schema."""
from __future__ import annotations

import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hub.models import Base
from tests.hub.conftest import ROOT, HubServer


def test_hub_imports_without_qt() -> None:
    code = ("import sys; sys.modules['PySide6'] = None; "
            "import hub.app, hub.cli, hub.admin; app = hub.app.create_app; print('ok')")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_migrations_match_models(hub_server: HubServer) -> None:
    with hub_server.db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "version_table": "hub_alembic_version"})
        assert compare_metadata(ctx, Base.metadata) == []
