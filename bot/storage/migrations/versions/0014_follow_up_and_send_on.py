"""follow-ups of the initiatives, and the send-on before 1 December

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "initiative_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("initiative_id", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_initiative_status_dialogue_id"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_initiative_status_dialogue_id", "initiative_status", ["dialogue_id"], unique=False)
    op.create_index("ix_initiative_status_by", "initiative_status", ["by"], unique=False)
    op.create_table(
        "milestone_done",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("initiative_id", sa.String(length=40), nullable=False),
        sa.Column("milestone_id", sa.String(length=40), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_milestone_done_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "initiative_id", "milestone_id"),
    )
    op.create_index("ix_milestone_done_by", "milestone_done", ["by"], unique=False)
    op.create_table(
        "sent_on",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("plan_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_sent_on_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id"),
    )
    op.create_index("ix_sent_on_by", "sent_on", ["by"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_sent_on_by", table_name="sent_on")
    op.drop_table("sent_on")
    op.drop_index("ix_milestone_done_by", table_name="milestone_done")
    op.drop_table("milestone_done")
    op.drop_index("ix_initiative_status_by", table_name="initiative_status")
    op.drop_index("ix_initiative_status_dialogue_id", table_name="initiative_status")
    op.drop_table("initiative_status")
