"""the organisation: administrators, coordination committees, HR, and what was sent on to them

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Administrators granted in the bot (the ADMINISTRATORS setting names the first ones).
    op.create_table(
        "administrator",
        sa.Column("user_id", sa.String(length=200), nullable=False),
        sa.Column("granted_by", sa.String(length=200), nullable=False),
        sa.Column("granted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
    )
    # A coordination committee or HR: one per team.
    op.create_table(
        "committee",
        sa.Column("id", sa.String(length=80), nullable=False),
        sa.Column("team_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", name="uq_committee_team_id"),
    )
    op.create_table(
        "committee_link",
        sa.Column("team_id", sa.String(length=200), nullable=False),
        sa.Column("committee_id", sa.String(length=80), nullable=False),
        sa.Column("linked_by", sa.String(length=200), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id"),
    )
    op.create_index("ix_committee_link_committee_id", "committee_link", ["committee_id"], unique=False)
    # Each version of a plan sent to a committee, with JSON snapshots of what was sent.
    op.create_table(
        "committee_submission",
        sa.Column("dialogue_id", sa.String(length=40), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("committee_id", sa.String(length=80), nullable=False),
        sa.Column("team_id", sa.String(length=200), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_by", sa.String(length=200), nullable=False),
        sa.Column("plan_version", sa.Integer(), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.Column("themes", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["dialogue_id"], ["dialogue.id"], name="fk_committee_submission_dialogue_id"),
        sa.PrimaryKeyConstraint("dialogue_id", "version"),
    )
    op.create_index("ix_committee_submission_committee_id", "committee_submission", ["committee_id"], unique=False)
    op.create_index("ix_committee_submission_sent_by", "committee_submission", ["sent_by"], unique=False)
    op.create_table(
        "hr_forward",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("committee_id", sa.String(length=80), nullable=False),
        sa.Column("forwarded_by", sa.String(length=200), nullable=False),
        sa.Column("forwarded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_hr_forward_committee_id", "hr_forward", ["committee_id"], unique=False)
    op.create_index("ix_hr_forward_forwarded_by", "hr_forward", ["forwarded_by"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_hr_forward_forwarded_by", table_name="hr_forward")
    op.drop_index("ix_hr_forward_committee_id", table_name="hr_forward")
    op.drop_table("hr_forward")
    op.drop_index("ix_committee_submission_sent_by", table_name="committee_submission")
    op.drop_index("ix_committee_submission_committee_id", table_name="committee_submission")
    op.drop_table("committee_submission")
    op.drop_index("ix_committee_link_committee_id", table_name="committee_link")
    op.drop_table("committee_link")
    op.drop_table("committee")
    op.drop_table("administrator")
