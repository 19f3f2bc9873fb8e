"""nominations as workplaces run them: the team's language, the contact person as a member, paper forms

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The language the team's channel speaks, chosen at set-up (NULL: the DEFAULT_LANGUAGE setting).
    with op.batch_alter_table("workplace") as batch:
        batch.add_column(sa.Column("lang", sa.String(length=5), nullable=True))
    # The contact person is a member of the team; contact_name stays as the name people read.
    with op.batch_alter_table("nomination_round") as batch:
        batch.add_column(sa.Column("contact_user_id", sa.String(length=200), nullable=True))
    # Who entered a paper form (Bilag 2) on the employee's behalf; NULL when they answered themselves.
    with op.batch_alter_table("nomination") as batch:
        batch.add_column(sa.Column("entered_by", sa.String(length=200), nullable=True))
    # Teams' per-tenant budget, shared by every bot instance on one database (issue 15).
    op.create_table(
        "tenant_budget",
        sa.Column("tenant_id", sa.String(length=100), primary_key=True),
        sa.Column("next_at", sa.Float(precision=53), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("tenant_budget")
    with op.batch_alter_table("nomination") as batch:
        batch.drop_column("entered_by")
    with op.batch_alter_table("nomination_round") as batch:
        batch.drop_column("contact_user_id")
    with op.batch_alter_table("workplace") as batch:
        batch.drop_column("lang")
