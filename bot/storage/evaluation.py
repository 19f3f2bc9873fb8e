"""The short evaluation at the close of the day: one answer per attendee and dialogue.

Stored per person only so each has one answer, and can see, export and delete it ("mine
data"); everything shown to others is the nameless summary (bot/process/evaluation.py).
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..process.evaluation import EvaluationAnswer
from .engine import Repository
from .models import Dialogue, EvaluationAnswer as EvaluationRow

_E = EvaluationRow.__table__
_D = Dialogue.__table__


class Evaluations(Repository):
    """Evaluation answers by (dialogue, person)."""

    async def get(self, dialogue_id: str, user_id: str) -> EvaluationAnswer | None:
        query = sa.select(_E).where(_E.c.dialogue_id == dialogue_id, _E.c.user_id == user_id)
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return EvaluationAnswer(row.good, row.adjust) if row else None

    async def answer(self, dialogue_id: str, user_id: str, answer: EvaluationAnswer, *, now: datetime) -> bool:
        """Store or replace the person's answer; False when it is the same as stored (a double click)."""
        where = (_E.c.dialogue_id == dialogue_id, _E.c.user_id == user_id)
        query = sa.select(_E).where(*where)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        values = dict(good=answer.good, adjust=answer.adjust, answered_at=now)
        try:
            async with self.engine.begin() as conn:
                row = (await conn.execute(query)).first()
                if row is None:
                    await conn.execute(sa.insert(_E).values(dialogue_id=dialogue_id, user_id=user_id, **values))
                    return True
                if (row.good, row.adjust) == (answer.good, answer.adjust):
                    return False
                await conn.execute(sa.update(_E).where(*where).values(**values))
                return True
        except IntegrityError:  # the same first answer raced in from another process
            return False

    async def answers(self, dialogue_id: str) -> dict[str, EvaluationAnswer]:
        """Every answer of the dialogue by person (for ``summarise``, which drops the names)."""
        query = sa.select(_E).where(_E.c.dialogue_id == dialogue_id)
        async with self.engine.connect() as conn:
            return {row.user_id: EvaluationAnswer(row.good, row.adjust) for row in (await conn.execute(query)).all()}

    async def of_person(self, user_id: str) -> list[tuple[str, str, EvaluationAnswer, datetime]]:
        """The person's own answers in every dialogue, newest first: (dialogue, team, answer, answered at)."""
        query = (sa.select(_E, _D.c.team_id).join(_D, _D.c.id == _E.c.dialogue_id)
                 .where(_E.c.user_id == user_id).order_by(_E.c.answered_at.desc()))
        async with self.engine.connect() as conn:
            return [(row.dialogue_id, row.team_id, EvaluationAnswer(row.good, row.adjust), row.answered_at)
                    for row in (await conn.execute(query)).all()]

    async def delete(self, dialogue_id: str, user_id: str) -> bool:
        """Delete the person's answer; False if there was none."""
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.delete(_E).where(_E.c.dialogue_id == dialogue_id, _E.c.user_id == user_id))
        return bool(result.rowcount)
