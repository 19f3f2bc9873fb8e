"""the groups of the day's two rounds

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "grouping",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("seed", sa.String(length=100), nullable=False),
        sa.Column("wellbeing", sa.Text(), nullable=False),
        sa.Column("leadership", sa.Text(), nullable=False),
        sa.Column("fewest_possible", sa.Integer(), nullable=False),
        sa.Column("absent", sa.Text(), nullable=False),
        sa.Column("first_held", sa.Boolean(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("formed_by", sa.String(length=200), nullable=False),
        sa.Column("formed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_grouping_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id"),
    )


def downgrade() -> None:
    op.drop_table("grouping")
