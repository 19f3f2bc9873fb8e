"""Reading the reminder queue for people: what a round's reminders came to, and what is next.

The planning group's status card asks these; the sweeper's claiming and recording is in
``reminders.py``, which builds on this class.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from ..process.reminders import QueuedReminder
from .engine import Repository
from .models import REMINDER_OPEN, Nomination, Reminder

_T = Reminder.__table__
_C = _T.c
# Literal text, not bound parameters: the partial index ix_reminder_open_due is used only
# when the query's WHERE contains its own condition word for word (SQLite) or provably
# (PostgreSQL, which cannot reason about a parameter's value).
_OPEN = sa.text(REMINDER_OPEN)


class ReminderReads(Repository):
    async def get(self, reminder_id: int) -> QueuedReminder | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_T).where(_C.id == reminder_id))).first()
        return QueuedReminder(**row._mapping) if row else None

    async def counts(self, round_id: str) -> dict[str, int]:
        """How many reminders of a round are in each status."""
        stmt = sa.select(_C.status, sa.func.count()).where(_C.round_id == round_id).group_by(_C.status)
        async with self.engine.connect() as conn:
            return {status: n for status, n in (await conn.execute(stmt)).all()}

    async def unreachable(self, round_id: str) -> list[tuple[str, str | None]]:
        """(recipient, reason) for each reminder of a round that Teams refused for good."""
        stmt = (
            sa.select(_C.recipient_id, _C.reason)
            .where(_C.round_id == round_id, _C.status == "unreachable")
            .order_by(_C.recipient_id, _C.sequence)
        )
        async with self.engine.connect() as conn:
            return [(r, why) for r, why in (await conn.execute(stmt)).all()]

    async def pending_for(self, round_id: str) -> list[QueuedReminder]:
        """The reminders of a round not sent yet (pending or claimed), soonest first."""
        stmt = sa.select(_T).where(_C.round_id == round_id, _OPEN).order_by(_C.due_at, _C.id)
        async with self.engine.connect() as conn:
            return [QueuedReminder(**row._mapping) for row in (await conn.execute(stmt)).all()]

    async def sent_count(self, round_id: str, kind: str) -> int:
        """How many reminders of ``kind`` went out in a round (other kinds share the queue)."""
        stmt = sa.select(sa.func.count()).select_from(_T).where(_C.round_id == round_id, _C.kind == kind, _C.status == "sent")
        async with self.engine.connect() as conn:
            return (await conn.execute(stmt)).scalar_one()

    async def next_due(self, round_id: str, kind: str) -> datetime | None:
        """When the earliest unsent reminder of ``kind`` in a round falls due, or None.

        Rows of people who have nominated in the round are left out: they stay pending until
        the sweeper drops them at send time, but they will never go out, so the planning group
        must not be told a reminder is coming when everyone has answered.
        """
        nominated = Nomination.__table__.c
        answered = sa.exists().where(nominated.round_id == _C.round_id, nominated.user_id == _C.recipient_id)
        stmt = (
            sa.select(_C.due_at).where(_C.round_id == round_id, _C.kind == kind, _OPEN, ~answered)
            .order_by(_C.due_at).limit(1)
        )
        async with self.engine.connect() as conn:
            return (await conn.execute(stmt)).scalar_one_or_none()
