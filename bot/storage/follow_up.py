"""The initiatives' follow-ups (step 12) and the send-on (step 13).

Every status save is a new row, so the history of an initiative is kept and the follow-up card
shows the newest. A milestone is done while its row exists (unmarking deletes it). The send-on
is one row per dialogue: the first sender wins, a second press changes nothing.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..process.follow_up import SentOn, Status, StatusEntry
from .engine import Repository
from .models import DevelopmentPlanRow, Dialogue, InitiativeStatus, MilestoneDone, SentOnRow

_S = InitiativeStatus.__table__
_M = MilestoneDone.__table__
_O = SentOnRow.__table__
_D = Dialogue.__table__
_P = DevelopmentPlanRow.__table__


def _entry(row) -> StatusEntry:  # noqa: ANN001 (a Core row)
    return StatusEntry(row.dialogue_id, row.initiative_id, Status(row.status), row.note, row.by, row.at)


class FollowUps(Repository):
    """Statuses and milestone marks by dialogue and initiative."""

    async def record(self, entry: StatusEntry) -> bool:
        """Keep a new status; False (nothing stored) when it repeats the initiative's newest one."""
        latest = (sa.select(_S).where(_S.c.dialogue_id == entry.dialogue_id, _S.c.initiative_id == entry.initiative_id)
                  .order_by(_S.c.at.desc(), _S.c.id.desc()).limit(1))
        async with self.engine.begin() as conn:
            row = (await conn.execute(latest)).first()
            if row is not None and (row.status, row.note, row.by) == (entry.status.value, entry.note, entry.by):
                return False
            await conn.execute(sa.insert(_S).values(
                dialogue_id=entry.dialogue_id, initiative_id=entry.initiative_id, status=entry.status.value,
                note=entry.note, by=entry.by, at=entry.at,
            ))
        return True

    async def statuses(self, dialogue_id: str) -> list[StatusEntry]:
        """Every status of the dialogue's initiatives, oldest first (the history)."""
        query = sa.select(_S).where(_S.c.dialogue_id == dialogue_id).order_by(_S.c.at, _S.c.id)
        async with self.engine.connect() as conn:
            return [_entry(row) for row in (await conn.execute(query)).all()]

    async def mark(self, dialogue_id: str, initiative_id: str, milestone_id: str, done: bool, *, by: str, now: datetime) -> bool:
        """Mark or unmark a milestone; False when it already was so (a double click)."""
        where = (_M.c.dialogue_id == dialogue_id, _M.c.initiative_id == initiative_id, _M.c.milestone_id == milestone_id)
        async with self.engine.begin() as conn:
            if not done:
                return bool((await conn.execute(sa.delete(_M).where(*where))).rowcount)
            if (await conn.execute(sa.select(_M.c.by).where(*where))).first() is not None:
                return False
        try:
            async with self.engine.begin() as conn:
                await conn.execute(sa.insert(_M).values(dialogue_id=dialogue_id, initiative_id=initiative_id,
                                                        milestone_id=milestone_id, done_at=now, by=by))
        except IntegrityError:  # marked at the same moment by someone else
            return False
        return True

    async def done(self, dialogue_id: str) -> dict[tuple[str, str], datetime]:
        """(initiative id, milestone id) -> when it was marked done."""
        query = sa.select(_M).where(_M.c.dialogue_id == dialogue_id)
        async with self.engine.connect() as conn:
            return {(row.initiative_id, row.milestone_id): row.done_at for row in (await conn.execute(query)).all()}

    async def adopted_dialogue(self, team_id: str) -> tuple[str, int] | None:
        """The team's newest dialogue with an adopted plan, as (dialogue id, cycle).

        Not "the current dialogue": the follow-ups run into the next cycle (adopted in October,
        followed up in January and April), and they belong to the plan's own dialogue."""
        query = (sa.select(_D.c.id, _D.c.cycle).join(_P, _P.c.dialogue_id == _D.c.id)
                 .where(_D.c.team_id == team_id, _P.c.adopted_at.is_not(None)).order_by(_D.c.cycle.desc()).limit(1))
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return (row.id, row.cycle) if row else None

    async def of_person(self, user_id: str) -> list[tuple[str, str, StatusEntry]]:
        """The notes the person wrote, newest first: (dialogue, team, entry) — for "mine data"."""
        query = (sa.select(_S, _D.c.team_id).join(_D, _D.c.id == _S.c.dialogue_id)
                 .where(_S.c.by == user_id).order_by(_S.c.at.desc()))
        async with self.engine.connect() as conn:
            return [(row.dialogue_id, row.team_id, _entry(row)) for row in (await conn.execute(query)).all()]

    async def forget_person(self, user_id: str) -> int:
        """Blank the notes the person wrote (the status stays: it is the initiative's, not theirs)."""
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.update(_S).where(_S.c.by == user_id, _S.c.note != "").values(note=""))
        return result.rowcount or 0


class SentOnStore(Repository):
    """``store.sent_on``: whether, when, by whom and which version of the plan was sent on."""

    async def get(self, dialogue_id: str) -> SentOn | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_O).where(_O.c.dialogue_id == dialogue_id))).first()
        return SentOn(row.dialogue_id, row.sent_at, row.by, row.plan_version) if row else None

    async def record(self, dialogue_id: str, *, by: str, version: int, now: datetime) -> SentOn | None:
        """Record the send-on; the stored one for the first caller, None if it was sent on already."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(sa.insert(_O).values(dialogue_id=dialogue_id, sent_at=now, by=by, plan_version=version))
        except IntegrityError:
            return None
        return SentOn(dialogue_id, now, by, version)
