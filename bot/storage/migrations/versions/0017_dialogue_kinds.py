"""which dialogue a workplace runs: both kinds of theme, or one of a concept's dialogue kinds

Revision ID: 0017
Revises: 0016
Create Date: 2027-01-10
"""
from alembic import op
import sqlalchemy as sa

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NULL: both kinds, as every dialogue before this revision ran; otherwise the one kind
    # ("wellbeing" or "leadership") a DTU unit chose to run (bot/process/selection.py).
    with op.batch_alter_table("dialogue") as batch:
        batch.add_column(sa.Column("kinds", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("dialogue") as batch:
        batch.drop_column("kinds")
