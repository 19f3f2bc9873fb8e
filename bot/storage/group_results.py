"""What each group produced on the day: one flip-chart per (dialogue, round, group), latest version.

Whether an entry changes anything is the rule ``record`` in bot/process/group_results.py; this
module keeps the row lock, so two members of a group saving at once cannot both claim the same
next version.
"""
from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..process.concept import Kind
from ..process.group_results import PLENUM_POSTED_KIND, GroupResult, ResultsInput, record
from .engine import Repository
from .models import Dialogue, GroupResult as GroupResultRow, Reminder

_G = GroupResultRow.__table__
_D = Dialogue.__table__
_REM = Reminder.__table__


def _result(row) -> GroupResult:  # noqa: ANN001 (a Core row)
    return GroupResult(row.dialogue_id, Kind(row.kind), row.group_no, tuple(json.loads(row.key_points)),
                       tuple(json.loads(row.desired_actions)), row.entered_by, row.entered_at, row.version)


def _json(entries: tuple[str, ...]) -> str:
    return json.dumps(list(entries), ensure_ascii=False)


class GroupResults(Repository):
    """Group results by (dialogue, round, group)."""

    async def get(self, dialogue_id: str, kind: Kind, group: int) -> GroupResult | None:
        query = sa.select(_G).where(_G.c.dialogue_id == dialogue_id, _G.c.kind == kind.value, _G.c.group_no == group)
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        return _result(row) if row else None

    async def of_dialogue(self, dialogue_id: str) -> list[GroupResult]:
        """Every group's latest results of both rounds, well-being first, in group order."""
        query = sa.select(_G).where(_G.c.dialogue_id == dialogue_id).order_by(_G.c.kind.desc(), _G.c.group_no)
        async with self.engine.connect() as conn:
            return [_result(row) for row in (await conn.execute(query)).all()]

    async def enter(self, dialogue_id: str, kind: Kind, group: int, new: ResultsInput, *, sender: str,
                    now: datetime) -> tuple[GroupResult, bool]:
        """Store ``new`` as the group's results; (the results as they stand, whether they changed).

        PostgreSQL locks the row while comparing; SQLite has one writer at a time. Two first
        entries racing both try the insert: the second fails on the key and is read back.
        """
        where = (_G.c.dialogue_id == dialogue_id, _G.c.kind == kind.value, _G.c.group_no == group)
        query = sa.select(_G).where(*where)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        try:
            async with self.engine.begin() as conn:
                row = (await conn.execute(query)).first()
                current = _result(row) if row else None
                result = record(current, new, dialogue_id=dialogue_id, kind=kind, group=group, sender=sender, now=now)
                if result is current:
                    return result, False
                values = dict(key_points=_json(result.key_points), desired_actions=_json(result.desired_actions),
                              entered_by=result.entered_by, entered_at=result.entered_at, version=result.version)
                if current is None:
                    await conn.execute(sa.insert(_G).values(dialogue_id=dialogue_id, kind=kind.value, group_no=group, **values))
                else:
                    await conn.execute(sa.update(_G).where(*where).values(**values))
                return result, True
        except IntegrityError:  # the same first entry raced in from another process
            stored = await self.get(dialogue_id, kind, group)
            assert stored is not None
            return stored, False

    async def dialogue_team(self, dialogue_id: str) -> str | None:
        """The team a dialogue belongs to (a card's dialogue id is checked against it), or None."""
        async with self.engine.connect() as conn:
            return (await conn.execute(sa.select(_D.c.team_id).where(_D.c.id == dialogue_id))).scalar_one_or_none()

    async def plenum_posts(self, dialogue_id: str) -> int:
        """How many posts of the plenum view were planned for the dialogue (the next one's number - 1)."""
        query = sa.select(sa.func.count()).select_from(_REM).where(_REM.c.round_id == dialogue_id, _REM.c.kind == PLENUM_POSTED_KIND)
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).scalar_one()
