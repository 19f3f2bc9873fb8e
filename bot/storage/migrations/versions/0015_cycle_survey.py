"""the end-of-cycle survey

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One person's answers to the end-of-cycle survey: {question id: text} as JSON.
    op.create_table(
        "survey_answer",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_survey_answer_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "user_id"),
    )
    op.create_index("ix_survey_answer_user_id", "survey_answer", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_survey_answer_user_id", table_name="survey_answer")
    op.drop_table("survey_answer")
