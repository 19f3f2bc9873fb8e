"""the dialogue record: a workplace's development dialogue per cycle, and its rounds

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""
import uuid
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Written out here rather than imported, so this migration never changes when the rule does:
# bot/process/rounds.py cycle_of as of this revision (the year of the next 1 December, read in
# Copenhagen time).
COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def _cycle_of(opened_at: datetime) -> int:
    day = opened_at.astimezone(COPENHAGEN).date()
    return day.year if day <= date(day.year, 12, 1) else day.year + 1


def _utc(value: datetime) -> datetime:
    # SQLite hands back the naive UTC it was given; PostgreSQL an aware datetime.
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def upgrade() -> None:
    op.create_table(
        "dialogue",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("team_id", sa.String(length=200), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "cycle", name="uq_dialogue_team_cycle"),
    )
    with op.batch_alter_table("nomination_round", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dialogue_id", sa.String(length=40), nullable=True))
        batch_op.create_index("ix_nomination_round_dialogue_id", ["dialogue_id"], unique=False)
        batch_op.create_foreign_key("fk_nomination_round_dialogue_id", "dialogue", ["dialogue_id"], ["id"])
    _backfill()


def _backfill() -> None:
    """Give every existing round the dialogue of its workplace and cycle, created as needed.

    A dialogue made here starts when its first round opened.
    """
    bind = op.get_bind()
    rounds = sa.table("nomination_round", sa.column("id"), sa.column("team_id"), sa.column("opened_at", sa.DateTime(timezone=True)), sa.column("dialogue_id"))
    dialogues = sa.table("dialogue", sa.column("id"), sa.column("team_id"), sa.column("cycle"), sa.column("created_at", sa.DateTime(timezone=True)))
    found = bind.execute(sa.select(rounds.c.id, rounds.c.team_id, rounds.c.opened_at).order_by(rounds.c.opened_at)).all()
    if not found:
        return
    started: dict[tuple[str, int], datetime] = {}
    members: dict[tuple[str, int], list[str]] = {}
    for round_id, team_id, opened_at in found:
        opened_at = _utc(opened_at)
        key = (team_id, _cycle_of(opened_at))
        started.setdefault(key, opened_at)
        members.setdefault(key, []).append(round_id)
    sqlite = bind.dialect.name == "sqlite"
    ids = {key: uuid.uuid4().hex for key in started}
    bind.execute(dialogues.insert(), [
        {"id": ids[key], "team_id": key[0], "cycle": key[1], "created_at": at.replace(tzinfo=None) if sqlite else at}
        for key, at in started.items()
    ])
    update = rounds.update().where(rounds.c.id == sa.bindparam("b_id")).values(dialogue_id=sa.bindparam("b_dialogue"))
    bind.execute(update, [{"b_id": round_id, "b_dialogue": ids[key]} for key, round_ids in members.items() for round_id in round_ids])


def downgrade() -> None:
    with op.batch_alter_table("nomination_round", schema=None) as batch_op:
        batch_op.drop_constraint("fk_nomination_round_dialogue_id", type_="foreignkey")
        batch_op.drop_index("ix_nomination_round_dialogue_id")
        batch_op.drop_column("dialogue_id")
    op.drop_table("dialogue")
