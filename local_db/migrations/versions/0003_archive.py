"""archive: filing plan, dossiers and filing, year closing, transfers, archive register, loans, disposal

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=32), nullable=False),
        sa.Column("compartment", sa.String(length=120), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("retention_kind", sa.String(length=10), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("doc_types", sa.String(length=400), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("retention_kind IN ('years','permanent','cs')", name="ck_plan_item_retention"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("year", "indicator", name="uq_plan_item_year_indicator"),
    )
    op.create_table(
        "transfer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("compartment", sa.String(length=120), nullable=False),
        sa.Column("transfer_date", sa.String(length=10), nullable=False),
        sa.Column("handed_by", sa.String(length=200), nullable=False),
        sa.Column("received_by", sa.String(length=200), nullable=False),
        sa.Column("dossiers", sa.Integer(), nullable=False),
        sa.Column("dossiers_permanent", sa.Integer(), nullable=False),
        sa.Column("sheets", sa.Integer(), nullable=False),
        sa.Column("inventory", sa.Text(), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("number"),
    )
    op.create_table(
        "disposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("president", sa.String(length=200), nullable=False),
        sa.Column("secretary", sa.String(length=200), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        sa.Column("minutes_number", sa.String(length=60), nullable=False),
        sa.Column("minutes_date", sa.String(length=10), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("proposed_at", sa.String(length=40), nullable=False),
        sa.Column("proposed_by", sa.String(length=40), nullable=False),
        sa.Column("act_number", sa.String(length=60), nullable=False),
        sa.Column("act_date", sa.String(length=10), nullable=True),
        sa.Column("approved_at", sa.String(length=40), nullable=True),
        sa.Column("approved_by", sa.String(length=40), nullable=False),
        sa.Column("executed_at", sa.String(length=40), nullable=True),
        sa.Column("executed_by", sa.String(length=40), nullable=False),
        sa.Column("files_removed", sa.Integer(), nullable=False),
        sa.Column("files_kept", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('proposed','approved','executed','withdrawn')", name="ck_disposal_status"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("number"),
    )
    op.create_table(
        "dossier",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("plan_item_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=32), nullable=False),
        sa.Column("volume", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("compartment", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("retention_kind", sa.String(length=10), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=True),
        sa.Column("room", sa.String(length=60), nullable=False),
        sa.Column("shelf", sa.String(length=60), nullable=False),
        sa.Column("box", sa.String(length=60), nullable=False),
        sa.Column("sheets", sa.Integer(), nullable=False),
        sa.Column("sheets_counted", sa.Integer(), nullable=True),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("date_from", sa.String(length=10), nullable=True),
        sa.Column("date_to", sa.String(length=10), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.String(length=40), nullable=False),
        sa.Column("opened_by", sa.String(length=40), nullable=False),
        sa.Column("closed_at", sa.String(length=40), nullable=True),
        sa.Column("closed_by", sa.String(length=40), nullable=False),
        sa.Column("reopened_at", sa.String(length=40), nullable=True),
        sa.Column("reopened_by", sa.String(length=40), nullable=False),
        sa.Column("reopen_reason", sa.Text(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=True),
        sa.Column("archived_at", sa.String(length=10), nullable=True),
        sa.Column("disposal_id", sa.Integer(), nullable=True),
        sa.Column("disposed_at", sa.String(length=10), nullable=True),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('open','closed','archived','lent','disposed')", name="ck_dossier_status"),
        sa.CheckConstraint("retention_kind IN ('years','permanent','cs')", name="ck_dossier_retention"),
        sa.CheckConstraint("volume >= 1", name="ck_dossier_volume"),
        sa.ForeignKeyConstraint(["plan_item_id"], ["plan_item.id"]),
        sa.ForeignKeyConstraint(["transfer_id"], ["transfer.id"]),
        sa.ForeignKeyConstraint(["disposal_id"], ["disposal.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
        sa.UniqueConstraint("year", "indicator", "volume", name="uq_dossier_year_indicator_volume"),
    )
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.create_index("ix_dossier_status", ["status"], unique=False)
        batch_op.create_index("ix_dossier_year_compartment", ["year", "compartment"], unique=False)
        batch_op.create_index("ix_dossier_plan_item", ["plan_item_id"], unique=False)
    op.create_table(
        "dossier_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("filed_at", sa.String(length=40), nullable=False),
        sa.Column("filed_by", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"]),
        sa.ForeignKeyConstraint(["entry_id"], ["entry.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id"),
    )
    with op.batch_alter_table("dossier_entry", schema=None) as batch_op:
        batch_op.create_index("ix_dossier_entry_dossier", ["dossier_id"], unique=False)
    op.create_table(
        "archive_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("closed_at", sa.String(length=40), nullable=False),
        sa.Column("closed_by", sa.String(length=40), nullable=False),
        sa.Column("report", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "archive_register",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("compartment", sa.String(length=120), nullable=False),
        sa.Column("date_from", sa.String(length=10), nullable=True),
        sa.Column("date_to", sa.String(length=10), nullable=True),
        sa.Column("inventory", sa.String(length=300), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("units_permanent", sa.Integer(), nullable=False),
        sa.Column("destination", sa.String(length=60), nullable=False),
        sa.Column("document", sa.String(length=300), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=True),
        sa.Column("disposal_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.CheckConstraint("kind IN ('in','out')", name="ck_archive_register_kind"),
        sa.ForeignKeyConstraint(["transfer_id"], ["transfer.id"]),
        sa.ForeignKeyConstraint(["disposal_id"], ["disposal.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    op.create_table(
        "loan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("borrower", sa.String(length=200), nullable=False),
        sa.Column("borrower_compartment", sa.String(length=120), nullable=False),
        sa.Column("purpose", sa.String(length=500), nullable=False),
        sa.Column("approved_by", sa.String(length=200), nullable=False),
        sa.Column("lent_at", sa.String(length=10), nullable=False),
        sa.Column("due", sa.String(length=10), nullable=False),
        sa.Column("returned_at", sa.String(length=10), nullable=True),
        sa.Column("renewals", sa.Integer(), nullable=False),
        sa.Column("prior_status", sa.String(length=10), nullable=False),
        sa.Column("lent_by", sa.String(length=40), nullable=False),
        sa.Column("returned_by", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("updated_at", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.create_index("ix_loan_dossier", ["dossier_id"], unique=False)
        batch_op.create_index("ix_loan_open_due", ["returned_at", "due"], unique=False)
    op.create_table(
        "disposal_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("disposal_id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("excluded", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["disposal_id"], ["disposal.id"]),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("disposal_id", "dossier_id", name="uq_disposal_item"),
    )
    with op.batch_alter_table("disposal_item", schema=None) as batch_op:
        batch_op.create_index("ix_disposal_item_dossier", ["dossier_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("disposal_item", schema=None) as batch_op:
        batch_op.drop_index("ix_disposal_item_dossier")
    op.drop_table("disposal_item")
    with op.batch_alter_table("loan", schema=None) as batch_op:
        batch_op.drop_index("ix_loan_open_due")
        batch_op.drop_index("ix_loan_dossier")
    op.drop_table("loan")
    op.drop_table("archive_register")
    op.drop_table("archive_year")
    with op.batch_alter_table("dossier_entry", schema=None) as batch_op:
        batch_op.drop_index("ix_dossier_entry_dossier")
    op.drop_table("dossier_entry")
    with op.batch_alter_table("dossier", schema=None) as batch_op:
        batch_op.drop_index("ix_dossier_plan_item")
        batch_op.drop_index("ix_dossier_year_compartment")
        batch_op.drop_index("ix_dossier_status")
    op.drop_table("dossier")
    op.drop_table("disposal")
    op.drop_table("transfer")
    op.drop_table("plan_item")
