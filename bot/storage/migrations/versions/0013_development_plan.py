"""the development plan, its initiatives and its history

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # -- PLAN (steps 10-11): the plan, every version of it, and the employees' "seen" marks
    op.create_table(
        "development_plan",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("edited_by", sa.String(length=200), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("adopted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("adopted_by", sa.String(length=200), nullable=True),
        sa.Column("adopted_version", sa.Integer(), nullable=True),
        sa.Column("announced_version", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_development_plan_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id"),
    )
    op.create_table(
        "plan_version",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("initiatives", sa.Text(), nullable=False),  # JSON: the initiatives of this version
        sa.Column("edited_by", sa.String(length=200), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_plan_version_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "version"),
    )
    op.create_table(
        "plan_acknowledgement",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_plan_acknowledgement_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "user_id"),
    )
    op.create_index("ix_plan_acknowledgement_user_id", "plan_acknowledgement", ["user_id"], unique=False)
    # -- end of PLAN's block

    # -- SORTING (step 10): the planning group's topics, their entries and its answers to the proposals
    op.create_table(
        "sorting_topic",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("topic_id", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=True),  # 1 high, 2 medium, 3 low; NULL: not yet
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_sorting_topic_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "topic_id"),
    )
    op.create_table(
        "sorting_item",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("item_key", sa.String(length=20), nullable=False),  # round-group-point/action-place
        sa.Column("topic_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("group_no", sa.Integer(), nullable=False),
        sa.Column("slot", sa.String(length=10), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),  # the entry as it was when sorted
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_sorting_item_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "item_key"),
    )
    op.create_table(
        "sorting_decision",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("proposal_key", sa.String(length=40), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=False),  # accepted | moved | ignored
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_sorting_decision_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "proposal_key"),
    )
    # -- end of SORTING's block


def downgrade() -> None:
    # -- SORTING's block
    op.drop_table("sorting_decision")
    op.drop_table("sorting_item")
    op.drop_table("sorting_topic")
    # -- end of SORTING's block
    # -- PLAN's block
    op.drop_index("ix_plan_acknowledgement_user_id", table_name="plan_acknowledgement")
    op.drop_table("plan_acknowledgement")
    op.drop_table("plan_version")
    op.drop_table("development_plan")
