"""what the groups produced, and the evaluation

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_result",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("group_no", sa.Integer(), nullable=False),
        sa.Column("key_points", sa.Text(), nullable=False),  # a JSON list of up to 2 entries
        sa.Column("desired_actions", sa.Text(), nullable=False),  # a JSON list of up to 2 entries
        sa.Column("entered_by", sa.String(length=200), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_group_result_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "kind", "group_no"),
    )
    op.create_table(
        "evaluation_answer",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("good", sa.Text(), nullable=False, server_default=""),
        sa.Column("adjust", sa.Text(), nullable=False, server_default=""),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_evaluation_answer_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "user_id"),
    )
    op.create_index("ix_evaluation_answer_user_id", "evaluation_answer", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_evaluation_answer_user_id", table_name="evaluation_answer")
    op.drop_table("evaluation_answer")
    op.drop_table("group_result")
