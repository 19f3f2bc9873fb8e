"""The day of each dialogue and who is invited to it, with their answers (steps 1 and 5).

The day is one row per dialogue, replaced when the planning group moves it. Each invited
person is one row per dialogue: inviting is insert-or-ignore, so announcing twice (two clicks,
two processes) invites nobody twice; an answer is written only when it differs, so the same
click twice is one answer.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import sqlalchemy as sa

from ..process.invitation import Answer, DialogueDay, Invited
from ..process.people import Member
from .engine import Repository
from .models import DayInvitation, Dialogue as DialogueRow, DialogueDayRow

_DAY = DialogueDayRow.__table__
_INV = DayInvitation.__table__
_D = DialogueRow.__table__


def _invited(row) -> Invited:  # noqa: ANN001
    return Invited(
        dialogue_id=row.dialogue_id, user_id=row.user_id, name=row.name, delivery=row.delivery,
        card_activity_id=row.card_activity_id, answer=Answer(row.answer) if row.answer else None, answered_at=row.answered_at,
    )


class Invitations(Repository):
    """The day and the invitations to it."""

    async def team_and_cycle(self, dialogue_id: str) -> tuple[str, int] | None:
        """The workplace and cycle of a dialogue id (a card names the id; the team is checked)."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_D.c.team_id, _D.c.cycle).where(_D.c.id == dialogue_id))).first()
        return (row.team_id, row.cycle) if row else None

    # -- the day ----------------------------------------------------------------------------
    async def get_day(self, dialogue_id: str) -> DialogueDay | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_DAY).where(_DAY.c.dialogue_id == dialogue_id))).first()
        if row is None:
            return None
        return DialogueDay(row.date, row.start, row.place, row.online_link)

    async def set_day(self, dialogue_id: str, day: DialogueDay, *, by: str, now: datetime) -> None:
        """Set or move the day (an upsert: the last writer wins, as the planning group intends)."""
        values = dict(dialogue_id=dialogue_id, date=day.date, start=day.start, place=day.place,
                      online_link=day.online_link, set_by=by, set_at=now, changes=0)
        stmt = self.conflict_insert(_DAY).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["dialogue_id"],
            set_={**{k: stmt.excluded[k] for k in ("date", "start", "place", "online_link", "set_by", "set_at")},
                  "changes": _DAY.c.changes + 1},
        )
        async with self.engine.begin() as conn:
            await conn.execute(stmt)

    async def changes(self, dialogue_id: str) -> int:
        """How often the day was moved after it was first set (0: never, or no day)."""
        async with self.engine.connect() as conn:
            found = (await conn.execute(sa.select(_DAY.c.changes).where(_DAY.c.dialogue_id == dialogue_id))).scalar()
        return found or 0

    # -- who is invited ---------------------------------------------------------------------
    async def invite(self, dialogue_id: str, people: Iterable[Member]) -> int:
        """Invite people (insert-or-ignore); returns how many were newly invited."""
        rows = list({m.user_id: {"dialogue_id": dialogue_id, "user_id": m.user_id, "name": m.name or "", "delivery": "pending"}
                     for m in people}.values())
        if not rows:
            return 0
        stmt = self.conflict_insert(_INV).on_conflict_do_nothing(index_elements=["dialogue_id", "user_id"]).returning(_INV.c.user_id)
        added = 0
        async with self.engine.begin() as conn:
            for row in rows:  # one by one: RETURNING over an executemany is not portable
                added += len((await conn.execute(stmt.values(row))).all())
        return added

    async def invited(self, dialogue_id: str) -> list[Invited]:
        """Everyone invited to the day, by name."""
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_INV).where(_INV.c.dialogue_id == dialogue_id).order_by(_INV.c.name, _INV.c.user_id))).all()
        return [_invited(r) for r in rows]

    async def invitation(self, dialogue_id: str, user_id: str) -> Invited | None:
        """The person's invitation; None if they were not invited."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_INV).where(_INV.c.dialogue_id == dialogue_id, _INV.c.user_id == user_id))).first()
        return _invited(row) if row else None

    async def dialogues_of(self, user_id: str) -> list[str]:
        """The dialogues the person is invited to, newest first."""
        query = (sa.select(_INV.c.dialogue_id).join(_D, _D.c.id == _INV.c.dialogue_id)
                 .where(_INV.c.user_id == user_id).order_by(_D.c.created_at.desc(), _D.c.cycle.desc()))
        async with self.engine.connect() as conn:
            return list((await conn.execute(query)).scalars())

    async def record_delivery(self, dialogue_id: str, user_id: str, delivery: str, card_activity_id: str | None = None,
                              reason: str | None = None) -> None:
        """How the invitation card fared: sent (with its activity id), unreachable, failed or
        maybe_delivered, which never overwrites a sent (its worker may record the answer late)."""
        values: dict[str, object] = {"delivery": delivery, "delivery_reason": reason}
        if card_activity_id:
            values["card_activity_id"] = card_activity_id
        stmt = sa.update(_INV).where(_INV.c.dialogue_id == dialogue_id, _INV.c.user_id == user_id)
        if delivery == "maybe_delivered":
            stmt = stmt.where(_INV.c.delivery != "sent")
        async with self.engine.begin() as conn:
            await conn.execute(stmt.values(**values))

    # -- answers ----------------------------------------------------------------------------
    async def answers(self, dialogue_id: str) -> dict[str, Answer]:
        query = sa.select(_INV.c.user_id, _INV.c.answer).where(_INV.c.dialogue_id == dialogue_id, _INV.c.answer.is_not(None))
        async with self.engine.connect() as conn:
            return {user: Answer(answer) for user, answer in (await conn.execute(query)).all()}

    async def answer(self, dialogue_id: str, user_id: str, answer: Answer, *, now: datetime) -> bool:
        """Record an invited person's answer; False if they were not invited or it is unchanged.

        The comparison is in the UPDATE, so two identical clicks racing change it once."""
        value = Answer(answer).value
        stmt = (sa.update(_INV)
                .where(_INV.c.dialogue_id == dialogue_id, _INV.c.user_id == user_id,
                       sa.or_(_INV.c.answer.is_(None), _INV.c.answer != value))
                .values(answer=value, answered_at=now))
        async with self.engine.begin() as conn:
            return (await conn.execute(stmt)).rowcount > 0

    async def clear_answers(self, dialogue_id: str) -> None:
        """Forget every answer (the day moved to another date or time)."""
        async with self.engine.begin() as conn:
            await conn.execute(sa.update(_INV).where(_INV.c.dialogue_id == dialogue_id).values(answer=None, answered_at=None))

    # -- personal data ----------------------------------------------------------------------
    async def delete_person(self, user_id: str) -> int:
        """Delete the person's invitations and answers (``mine data`` / retention)."""
        async with self.engine.begin() as conn:
            return (await conn.execute(sa.delete(_INV).where(_INV.c.user_id == user_id))).rowcount

    async def of_person(self, user_id: str) -> list[tuple[str, str, Invited, DialogueDay | None]]:
        """The person's invitations with their team and day, newest first (``mine data``)."""
        query = (sa.select(_INV, _D.c.team_id, _DAY.c.date.label("day_date"), _DAY.c.start.label("day_start"),
                           _DAY.c.place.label("day_place"), _DAY.c.online_link.label("day_link"))
                 .join(_D, _D.c.id == _INV.c.dialogue_id).outerjoin(_DAY, _DAY.c.dialogue_id == _INV.c.dialogue_id)
                 .where(_INV.c.user_id == user_id).order_by(_D.c.created_at.desc()))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [(r.dialogue_id, r.team_id, _invited(r),
                 DialogueDay(r.day_date, r.day_start, r.day_place, r.day_link) if r.day_date is not None else None) for r in rows]

    async def forget_days_before(self, day_before: date) -> int:
        """Delete who was invited, and their answers, for every dialogue whose day lies before
        ``day_before`` (retention); the day itself carries nobody's data and stays."""
        past = sa.select(_DAY.c.dialogue_id).where(_DAY.c.date < day_before)
        async with self.engine.begin() as conn:
            return (await conn.execute(sa.delete(_INV).where(_INV.c.dialogue_id.in_(past)))).rowcount or 0
