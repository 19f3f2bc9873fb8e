"""everyday examples: private notes and ready marks

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "example_preparation",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("wellbeing_note", sa.Text(), nullable=False, server_default=""),
        sa.Column("leadership_note", sa.Text(), nullable=False, server_default=""),
        sa.Column("ready_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_example_preparation_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "user_id"),
    )
    op.create_index("ix_example_preparation_user_id", "example_preparation", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_example_preparation_user_id", table_name="example_preparation")
    op.drop_table("example_preparation")
