"""Workplaces: the teams the bot was added to, and where to reach each of them."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .engine import Repository
from ..process.workplace import Workplace
from .models import Workplace as WorkplaceRow

_T = WorkplaceRow.__table__
_C = _T.c


def workplace_from(values: Mapping[str, Any]) -> Workplace:
    """The workplace of a row's mapping (``row._mapping``) or of the values just written."""
    return Workplace(
        team_id=values["id"], tenant_id=values["tenant_id"], service_url=values["service_url"], channel_id=values["channel_id"],
        name=values["name"], concept=values["concept"], created_at=values["created_at"], lang=values.get("lang"),
    )


class Workplaces(Repository):
    """Teams by their Teams team id."""

    async def upsert(
        self, *, team_id: str, tenant_id: str, service_url: str, channel_id: str, name: str, now: datetime, concept: str,
    ) -> Workplace:
        """Remember a team; a known one gets the newest address and channel, and keeps its name
        when Teams sends none. Its concept and creation time never change."""
        for attempt in range(2):
            try:
                async with self.engine.begin() as conn:
                    row = (await conn.execute(sa.select(_T).where(_C.id == team_id))).first()
                    if row is None:
                        values = dict(id=team_id, tenant_id=tenant_id, service_url=service_url, channel_id=channel_id, name=name, created_at=now, concept=concept)
                        await conn.execute(sa.insert(_T).values(values))
                        return workplace_from(values)
                    values = dict(service_url=service_url, channel_id=channel_id, name=name or row.name)
                    await conn.execute(sa.update(_T).where(_C.id == team_id).values(values))
                    return workplace_from({**row._mapping, **values})
            except IntegrityError:  # the same team installed twice at once: update the winner's row
                if attempt:
                    raise
        raise AssertionError("unreachable")

    async def set_language(self, team_id: str, lang: str) -> None:
        """The language the team's channel speaks from now on."""
        async with self.engine.begin() as conn:
            await conn.execute(sa.update(_T).where(_C.id == team_id).values(lang=lang))

    async def get(self, team_id: str) -> Workplace | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_T).where(_C.id == team_id))).first()
        return workplace_from(row._mapping) if row else None
