"""invitations to the day and the answers to them

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dialogue_day",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start", sa.Time(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("online_link", sa.String(length=2000), nullable=True),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_dialogue_day_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id"),
    )
    op.create_table(
        "day_invitation",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("delivery", sa.String(length=20), nullable=False),
        sa.Column("delivery_reason", sa.String(length=100), nullable=True),
        sa.Column("card_activity_id", sa.String(length=200), nullable=True),
        sa.Column("answer", sa.String(length=20), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_day_invitation_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "user_id"),
    )
    op.create_index("ix_day_invitation_user_id", "day_invitation", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_day_invitation_user_id", table_name="day_invitation")
    op.drop_table("day_invitation")
    op.drop_table("dialogue_day")
