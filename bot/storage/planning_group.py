"""Planning-group members per workplace. Who may join or leave is decided in
bot/process/planning_group.py; this only keeps the list."""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .engine import Repository
from ..process.people import Member
from .models import PlanningMember

_T = PlanningMember.__table__
_C = _T.c


class PlanningGroups(Repository):
    """The planning group of every workplace."""

    async def members(self, team_id: str) -> list[Member]:
        """The members, in the order they joined."""
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_C.user_id, _C.name).where(_C.team_id == team_id).order_by(_C.added_at))).all()
        return [Member(user_id, name) for user_id, name in rows]

    async def add(self, team_id: str, user_id: str, name: str, *, added_by: str, now: datetime) -> None:
        """Add a member; adding someone already in the group changes nothing."""
        try:
            async with self.engine.begin() as conn:
                exists = (await conn.execute(sa.select(_C.user_id).where(_C.team_id == team_id, _C.user_id == user_id))).first()
                if exists is None:
                    await conn.execute(sa.insert(_T).values(team_id=team_id, user_id=user_id, name=name, added_by=added_by, added_at=now))
        except IntegrityError:  # added by a simultaneous click: the member is there either way
            pass

    async def remove(self, team_id: str, user_id: str) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(sa.delete(_T).where(_C.team_id == team_id, _C.user_id == user_id))

    async def teams_of(self, user_id: str) -> list[str]:
        """The workplaces whose planning group the person is in."""
        async with self.engine.connect() as conn:
            return list((await conn.execute(sa.select(_C.team_id).where(_C.user_id == user_id))).scalars())
