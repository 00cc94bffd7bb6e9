"""Alembic environment of the hub. Run through `hub.migrate.upgrade()` (or `registru-hub migrate`)."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from hub.models import Base

config = context.config
VERSION_TABLE = "hub_alembic_version"


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=Base.metadata, version_table=VERSION_TABLE,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as conn:
        _run(conn)
