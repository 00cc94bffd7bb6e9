"""sync: county publications held locally, circular ↔ entry map, resumable blob transfers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

* `sync_publication`: the local copy of every county stream item (doc types, filing-plan templates,
  localities, holidays, notices, circulars) at its newest version; the per-stream count/checksum that
  ends a sync is computed over it. Cursors live in `meta` (`sync.cursor.<stream>`) and move in the same
  transaction as the rows here.
* `sync_message`: a county circular registered as a local entry (once: the message id is the key).
* `sync_blob`: uploads to / downloads from the hub in progress (offset kept so a power cut resumes).
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_publication",
        sa.Column("stream", sa.String(32), nullable=False),
        sa.Column("item_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False, server_default=""),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.Column("seen_at", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("stream", "item_id"),
    )
    op.create_table(
        "sync_message",
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("entry_uuid", sa.String(36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("registered_at", sa.String(40), nullable=False),
        sa.Column("subject", sa.String(500), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("message_id"),
    )
    op.create_table(
        "sync_blob",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("direction", sa.String(4), nullable=False),  # up | down
        sa.Column("size", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("offset", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("state", sa.String(12), nullable=False, server_default="pending"),  # pending | done | failed
        sa.Column("error", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("sha256", "direction"),
    )


def downgrade() -> None:
    op.drop_table("sync_blob")
    op.drop_table("sync_message")
    op.drop_table("sync_publication")
