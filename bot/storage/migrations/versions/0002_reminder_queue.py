"""reminder queue: day slot and the index of claimable rows

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-20
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Written out here rather than imported, so this migration never changes when the model does.
REMINDER_OPEN = "status IN ('pending', 'claimed')"


def upgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.add_column(sa.Column('day_slot', sa.Date(), nullable=True))
        batch_op.create_index(
            'ix_reminder_open_due', ['due_at', 'id'], unique=False,
            sqlite_where=sa.text(REMINDER_OPEN), postgresql_where=sa.text(REMINDER_OPEN),
        )
        batch_op.create_index('uq_reminder_day_slot', ['recipient_id', 'kind', 'day_slot'], unique=True)


def downgrade() -> None:
    with op.batch_alter_table('reminder', schema=None) as batch_op:
        batch_op.drop_index('uq_reminder_day_slot')
        batch_op.drop_index('ix_reminder_open_due')
        batch_op.drop_column('day_slot')
