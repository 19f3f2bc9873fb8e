"""The end-of-cycle survey: one person's answers per dialogue.

Stored per person only so each has one answer, and can see, export and delete it ("mine
data"); everything shown to others is the nameless summary (bot/process/cycle_survey.py).
The answers are one JSON object {question id: text}, so a concept's questions can change
without a migration.
"""
from __future__ import annotations

import json
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..process.cycle_survey import SurveyAnswers
from .engine import Repository
from .models import Dialogue, SurveyAnswer as SurveyRow, Workplace

_S = SurveyRow.__table__
_D = Dialogue.__table__
_W = Workplace.__table__
_DAY = sa.table("dialogue_day", sa.column("dialogue_id"), sa.column("date", sa.Date))  # step 5's table


def _answers(text: str) -> SurveyAnswers:
    loaded = json.loads(text)
    return SurveyAnswers.of({str(k): str(v) for k, v in loaded.items()} if isinstance(loaded, dict) else {})


def _json(answers: SurveyAnswers) -> str:
    return json.dumps(answers.as_dict(), ensure_ascii=False)


class Surveys(Repository):
    """Survey answers by (dialogue, person)."""

    async def get(self, dialogue_id: str, user_id: str) -> SurveyAnswers | None:
        query = sa.select(_S).where(_S.c.dialogue_id == dialogue_id, _S.c.user_id == user_id)
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return _answers(row.answers) if row else None

    async def answer(self, dialogue_id: str, user_id: str, answers: SurveyAnswers, *, now: datetime) -> bool:
        """Store or replace the person's answers; False when they are the same as stored (a double click)."""
        where = (_S.c.dialogue_id == dialogue_id, _S.c.user_id == user_id)
        query = sa.select(_S).where(*where)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        values = dict(answers=_json(answers), answered_at=now)
        try:
            async with self.engine.begin() as conn:
                row = (await conn.execute(query)).first()
                if row is None:
                    await conn.execute(sa.insert(_S).values(dialogue_id=dialogue_id, user_id=user_id, **values))
                    return True
                if _answers(row.answers) == answers:
                    return False
                await conn.execute(sa.update(_S).where(*where).values(**values))
                return True
        except IntegrityError:  # the same first answer raced in from another process
            return False

    async def answers(self, dialogue_id: str) -> dict[str, SurveyAnswers]:
        """Every answer of the dialogue by person (for ``summarise``, which drops the names)."""
        query = sa.select(_S).where(_S.c.dialogue_id == dialogue_id)
        async with self.engine.connect() as conn:
            return {row.user_id: _answers(row.answers) for row in (await conn.execute(query)).all()}

    async def of_person(self, user_id: str) -> list[tuple[str, str, str, SurveyAnswers, datetime]]:
        """The person's own answers in every dialogue, newest first: (dialogue, team, the team's
        concept (whose questions they answered; "" if the team is gone), answers, answered at)."""
        query = (sa.select(_S, _D.c.team_id, _W.c.concept).join(_D, _D.c.id == _S.c.dialogue_id)
                 .outerjoin(_W, _W.c.id == _D.c.team_id)
                 .where(_S.c.user_id == user_id).order_by(_S.c.answered_at.desc()))
        async with self.engine.connect() as conn:
            return [(row.dialogue_id, row.team_id, row.concept or "", _answers(row.answers), row.answered_at)
                    for row in (await conn.execute(query)).all()]

    async def delete(self, dialogue_id: str, user_id: str) -> bool:
        """Delete the person's answers; False if there were none."""
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.delete(_S).where(_S.c.dialogue_id == dialogue_id, _S.c.user_id == user_id))
        return bool(result.rowcount)

    async def forget_days_before(self, day_before: date) -> int:
        """Delete every answer of each dialogue whose day lies before ``day_before`` (retention,
        as for the invitations to the day: the survey asks about that day's cycle)."""
        past = sa.select(_DAY.c.dialogue_id).where(_DAY.c.date < day_before)
        async with self.engine.begin() as conn:
            return (await conn.execute(sa.delete(_S).where(_S.c.dialogue_id.in_(past)))).rowcount or 0
