"""Retention: what a finished round keeps once its personal data is deleted.

When is decided by the job (bot/scheduler/retention.py); how themes are counted is the rule
``count_themes`` (bot/process/tally.py). This module deletes and keeps, in one transaction.
"""
from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .engine import Repository
from ..process.tally import count_themes
from .models import Nomination, NominationRound, Reminder, RoundMember, ThemeCount
from .models import Dialogue, DialogueDayRow, EvaluationAnswer, ExamplePreparation, ImmediateAnswer, LeaderLoopRow, PlanAcknowledgement
from ..process.everyday_example import EVERYDAY_EXAMPLE_KIND, notes_expired
from .nomination import nomination_from_row

_N = Nomination.__table__
_R = NominationRound.__table__
_M = RoundMember.__table__
_REM = Reminder.__table__
_DAY = DialogueDayRow.__table__
_EVAL = EvaluationAnswer.__table__
_IMMEDIATE = ImmediateAnswer.__table__
_ACK = PlanAcknowledgement.__table__
_LOOP = LeaderLoopRow.__table__


class Retention(Repository):
    """Anonymising rounds whose retention time has run out."""

    async def rounds_to_anonymise(self, *, deadline_before: datetime) -> list[str]:
        """Rounds whose deadline passed before the cut-off and that still hold personal data."""
        query = (
            sa.select(_R.c.id).where(_R.c.deadline_at < deadline_before, _R.c.anonymised_at.is_(None)).order_by(_R.c.deadline_at)
        )
        async with self.engine.connect() as conn:
            return list((await conn.execute(query)).scalars())

    async def anonymise_round(self, round_id: str, *, now: datetime) -> int:
        """Keep the round's counts per theme; delete its nominations, reminders and invitations.

        One transaction, so a crash leaves the round either untouched or fully anonymised.
        Returns how many nominations were deleted.
        """
        query = sa.select(_R).where(_R.c.id == round_id)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        try:
            async with self.engine.begin() as conn:
                row = (await conn.execute(query)).first()
                if row is None or row.anonymised_at is not None:
                    return 0
                nominations = [nomination_from_row(n) for n in (await conn.execute(sa.select(_N).where(_N.c.round_id == round_id))).all()]
                counts = count_themes(nominations)
                if counts:
                    await conn.execute(sa.insert(ThemeCount.__table__), [
                        {"round_id": round_id, "kind": kind, "theme_id": theme_id, "team_id": row.team_id, "count": count}
                        for (kind, theme_id), count in counts.items()
                    ])
                invited = (await conn.execute(sa.select(sa.func.count()).select_from(_M).where(_M.c.round_id == round_id))).scalar_one()
                await conn.execute(sa.update(_R).where(_R.c.id == round_id).values(
                    invited_count=max(invited, len(nominations)), respondent_count=len(nominations),
                    contact_name="", opened_by="", anonymised_at=now,
                ))
                await conn.execute(sa.delete(_N).where(_N.c.round_id == round_id))
                await conn.execute(sa.delete(_REM).where(_REM.c.round_id == round_id))
                await conn.execute(sa.delete(_M).where(_M.c.round_id == round_id))
        except IntegrityError:  # another process anonymised it first (SQLite has no row lock)
            return 0
        return len(nominations)

    async def delete_expired_example_notes(self, *, now: datetime) -> int:
        """Delete the everyday-example notes and ready marks (and the example reminders) of every
        dialogue whose day is long past (``notes_expired``: step 6's rule). Returns how many
        people's notes went."""
        prep, dialogue = ExamplePreparation.__table__.c, Dialogue.__table__.c
        day = sa.table("dialogue_day", sa.column("dialogue_id"), sa.column("date", sa.Date))  # step 5's table
        query = (
            sa.select(dialogue.id, dialogue.cycle, day.c.date).select_from(
                Dialogue.__table__.outerjoin(day, day.c.dialogue_id == dialogue.id))
            .where(dialogue.id.in_(sa.select(prep.dialogue_id).distinct()))
        )
        async with self.engine.begin() as conn:
            expired = [row.id for row in (await conn.execute(query)).all() if notes_expired(row.date, row.cycle, now=now)]
            if not expired:
                return 0
            deleted = (await conn.execute(sa.delete(ExamplePreparation.__table__).where(prep.dialogue_id.in_(expired)))).rowcount
            await conn.execute(sa.delete(_REM).where(_REM.c.round_id.in_(expired), _REM.c.kind == EVERYDAY_EXAMPLE_KIND))
        return deleted or 0

    async def forget_answers_after_day(self, day_before: date) -> int:
        """Delete what each person answered about a dialogue whose day lies before ``day_before``:
        the evaluation, the immediate follow-up's "already now", who marked the plan seen, and the
        leader's own words in the leader loop (development areas and feedback).

        The same rule as the invitations to that day (storage/invitation.py): counts shown to the
        planning group go with them; what groups and the planning group wrote together (results,
        topics, the plan) is not one person's and stays with the workplace's dialogue.
        """
        past = sa.select(_DAY.c.dialogue_id).where(_DAY.c.date < day_before)
        deleted = 0
        async with self.engine.begin() as conn:
            for table in (_EVAL, _IMMEDIATE, _ACK):
                deleted += (await conn.execute(sa.delete(table).where(table.c.dialogue_id.in_(past)))).rowcount or 0
            # The leader's development areas and feedback are one person's words and go; the row
            # stays with its dates (asked, posted, done), which say only that the loop happened:
            # all the planning group ever saw of it, and what keeps old reminders from waking.
            emptied = (sa.update(_LOOP).where(_LOOP.c.dialogue_id.in_(past),
                                              sa.or_(_LOOP.c.development_areas != "[]", _LOOP.c.feedback != "{}", _LOOP.c.shared))
                       .values(development_areas="[]", feedback="{}", shared=False))
            deleted += (await conn.execute(emptied)).rowcount or 0
        return deleted
