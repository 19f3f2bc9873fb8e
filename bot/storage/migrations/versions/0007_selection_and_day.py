"""the chosen themes (step 4); the day of the dialogue is migration 0008's

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _kind_columns(kind: str) -> list[sa.Column]:
    return [
        sa.Column(f"{kind}_theme_id", sa.String(length=40), nullable=False),
        sa.Column(f"{kind}_own_title", sa.String(length=200), nullable=True),
        sa.Column(f"{kind}_reason", sa.Text(), nullable=False),
        sa.Column(f"{kind}_nominations", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    # One choice per dialogue: the planning group's well-being and leadership theme and why.
    # announced_at is set once employees are told (step 5); after that the choice is fixed.
    op.create_table(
        "theme_selection",
        sa.Column("dialogue_id", sa.String(length=40), sa.ForeignKey("dialogue.id", name="fk_theme_selection_dialogue_id"),
                  primary_key=True),
        *_kind_columns("wellbeing"),
        *_kind_columns("leadership"),
        sa.Column("chosen_by", sa.String(length=200), nullable=False),
        sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("announced_at", sa.DateTime(timezone=True), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("theme_selection")
