"""index entry_link.other_id (reverse links were a full scan: 5 ms per registration at 20k entries)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entry_link_other", "entry_link", ["other_id"])


def downgrade() -> None:
    op.drop_index("ix_entry_link_other", table_name="entry_link")
