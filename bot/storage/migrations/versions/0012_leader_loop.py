"""the leader's own loop: who leads, preparation, feedback and development areas

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workplace_leader",
        sa.Column("team_id", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("set_by", sa.String(length=200), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id"),
    )
    op.create_index("ix_workplace_leader_user_id", "workplace_leader", ["user_id"], unique=False)
    op.create_table(
        "leader_loop",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("leader_id", sa.String(length=200), nullable=False),
        sa.Column("development_areas", sa.Text(), nullable=False, server_default="[]"),  # JSON: [{title, next_step}], at most 3
        sa.Column("feedback", sa.Text(), nullable=False, server_default="{}"),  # JSON: {thanks, noticed, help, follow_up}
        sa.Column("shared", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_leader_loop_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id"),
    )
    op.create_index("ix_leader_loop_leader_id", "leader_loop", ["leader_id"], unique=False)
    op.create_table(
        "immediate_answer",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_immediate_answer_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "user_id"),
    )
    op.create_index("ix_immediate_answer_user_id", "immediate_answer", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_immediate_answer_user_id", table_name="immediate_answer")
    op.drop_table("immediate_answer")
    op.drop_index("ix_leader_loop_leader_id", table_name="leader_loop")
    op.drop_table("leader_loop")
    op.drop_index("ix_workplace_leader_user_id", table_name="workplace_leader")
    op.drop_table("workplace_leader")
