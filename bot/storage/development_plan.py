"""The development plan (step 10): the current version, every earlier version, and the "seen" marks (step 11).

A save names the version it was edited from; a save from an older card is refused (``None``), so
two members of the planning group editing at once cannot overwrite each other unseen. Adoption
is a conditional update: the first adopter wins.
"""
from __future__ import annotations

import json
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from ..process.development_plan import DevelopmentPlan, Initiative, Level, Milestone, Phase
from .engine import Repository
from .models import Dialogue, DevelopmentPlanRow, PlanAcknowledgement, PlanVersion

_P = DevelopmentPlanRow.__table__
_V = PlanVersion.__table__
_A = PlanAcknowledgement.__table__
_D = Dialogue.__table__


def initiatives_json(initiatives: tuple[Initiative, ...]) -> str:
    return json.dumps([{
        "id": i.id, "title": i.title, "why": i.why, "actions": list(i.actions),
        "milestones": [{"id": m.id, "phase": m.phase.value, "label": m.label, "due": m.due.isoformat(),
                        "done_at": m.done_at.isoformat() if m.done_at else None} for m in i.milestones],
        "follow_up": i.follow_up, "owner_id": i.owner_id, "owner_name": i.owner_name,
        "communication": i.communication, "iglo": [[level.value, text] for level, text in i.iglo],
        "needs_organisation": i.needs_organisation, "ask": i.ask,
    } for i in initiatives], ensure_ascii=False)


def initiatives_from_json(text: str) -> tuple[Initiative, ...]:
    return tuple(Initiative(
        id=i["id"], title=i["title"], why=i["why"], actions=tuple(i["actions"]),
        milestones=tuple(Milestone(m["id"], Phase(m["phase"]), m["label"], date.fromisoformat(m["due"]),
                                   datetime.fromisoformat(m["done_at"]) if m["done_at"] else None)
                         for m in i["milestones"]),
        follow_up=i["follow_up"], owner_id=i["owner_id"], owner_name=i["owner_name"],
        communication=i["communication"], iglo=tuple((Level(level), text) for level, text in i["iglo"]),
        needs_organisation=i["needs_organisation"], ask=i["ask"],
    ) for i in json.loads(text))


def _plan(head, version) -> DevelopmentPlan:  # noqa: ANN001 (Core rows)
    return DevelopmentPlan(head.dialogue_id, initiatives_from_json(version.initiatives), version.version,
                           version.edited_by, version.edited_at, head.adopted_at, head.adopted_by,
                           head.adopted_version, head.announced_version)


class Plans(Repository):
    """Development plans by dialogue."""

    async def get(self, dialogue_id: str) -> DevelopmentPlan | None:
        query = (sa.select(_P, _V.c.initiatives, _V.c.version.label("v_version"), _V.c.edited_by.label("v_by"),
                           _V.c.edited_at.label("v_at"))
                 .join(_V, sa.and_(_V.c.dialogue_id == _P.c.dialogue_id, _V.c.version == _P.c.version))
                 .where(_P.c.dialogue_id == dialogue_id))
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).first()
        if row is None:
            return None
        return DevelopmentPlan(row.dialogue_id, initiatives_from_json(row.initiatives), row.version, row.edited_by,
                               row.edited_at, row.adopted_at, row.adopted_by, row.adopted_version, row.announced_version)

    async def save(self, plan: DevelopmentPlan, *, expected_version: int | None) -> DevelopmentPlan | None:
        """Store ``plan``'s initiatives as the next version; None if the plan moved on (or exists, for None).

        ``expected_version`` is the version the editor's card showed (None: there was no plan).
        Adoption and announcement are kept as stored; ``plan.edited_by``/``edited_at`` say who and when.
        """
        query = sa.select(_P).where(_P.c.dialogue_id == plan.dialogue_id)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        version = 1 if expected_version is None else expected_version + 1
        try:
            async with self.engine.begin() as conn:
                head = (await conn.execute(query)).first()
                if (head.version if head else None) != expected_version:
                    return None
                values = dict(version=version, edited_by=plan.edited_by, edited_at=plan.edited_at)
                if head is None:
                    await conn.execute(sa.insert(_P).values(dialogue_id=plan.dialogue_id, **values))
                else:
                    updated = await conn.execute(sa.update(_P).where(
                        _P.c.dialogue_id == plan.dialogue_id, _P.c.version == expected_version).values(**values))
                    if updated.rowcount != 1:  # SQLite: another writer got in between
                        return None
                await conn.execute(sa.insert(_V).values(dialogue_id=plan.dialogue_id, version=version,
                                                        initiatives=initiatives_json(plan.initiatives),
                                                        edited_by=plan.edited_by, edited_at=plan.edited_at))
        except IntegrityError:  # the same version raced in from another process
            return None
        return await self.get(plan.dialogue_id)

    async def history(self, dialogue_id: str) -> list[DevelopmentPlan]:
        """Every saved version, oldest first (adoption and announcement as the plan stands now)."""
        query = (sa.select(_P.c.dialogue_id, _P.c.adopted_at, _P.c.adopted_by, _P.c.adopted_version,
                           _P.c.announced_version, _V.c.version, _V.c.initiatives, _V.c.edited_by, _V.c.edited_at)
                 .join(_V, _V.c.dialogue_id == _P.c.dialogue_id)
                 .where(_P.c.dialogue_id == dialogue_id).order_by(_V.c.version))
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [_plan(row, row) for row in rows]

    async def adopt(self, dialogue_id: str, *, by: str, now: datetime, version: int | None = None) -> DevelopmentPlan | None:
        """Mark the plan adopted; the adopted plan for the first caller, None if adopted already (or, with
        ``version``, if the plan is no longer that version, or there is no plan)."""
        where = [_P.c.dialogue_id == dialogue_id, _P.c.adopted_at.is_(None)]
        if version is not None:
            where.append(_P.c.version == version)
        async with self.engine.begin() as conn:
            updated = await conn.execute(sa.update(_P).where(*where).values(
                adopted_at=now, adopted_by=by, adopted_version=_P.c.version))
        return await self.get(dialogue_id) if updated.rowcount == 1 else None

    async def adopted(self, since: datetime | None = None) -> list[DevelopmentPlan]:
        """Every adopted plan as it stands now (adopted at or after ``since``), oldest adoption first."""
        query = sa.select(_P.c.dialogue_id).where(_P.c.adopted_at.is_not(None)).order_by(_P.c.adopted_at)
        if since is not None:
            query = query.where(_P.c.adopted_at >= since)
        async with self.engine.connect() as conn:
            ids = list((await conn.execute(query)).scalars())
        return [plan for plan in [await self.get(i) for i in ids] if plan is not None]

    async def mark_announced(self, dialogue_id: str, version: int) -> bool:
        """Record that ``version`` was posted to the team; False if it (or a later one) already was."""
        async with self.engine.begin() as conn:
            updated = await conn.execute(sa.update(_P).where(
                _P.c.dialogue_id == dialogue_id, _P.c.adopted_at.is_not(None),
                sa.or_(_P.c.announced_version.is_(None), _P.c.announced_version < version)).values(announced_version=version))
        return updated.rowcount == 1

    async def acknowledge(self, dialogue_id: str, user_id: str, version: int, *, now: datetime) -> bool:
        """The person has seen ``version``; False if they had already seen it (or a later one)."""
        where = (_A.c.dialogue_id == dialogue_id, _A.c.user_id == user_id)
        try:
            async with self.engine.begin() as conn:
                seen = (await conn.execute(sa.select(_A.c.version).where(*where))).scalar_one_or_none()
                if seen is None:
                    await conn.execute(sa.insert(_A).values(dialogue_id=dialogue_id, user_id=user_id, version=version, at=now))
                    return True
                if seen >= version:
                    return False
                await conn.execute(sa.update(_A).where(*where, _A.c.version < version).values(version=version, at=now))
                return True
        except IntegrityError:  # the same first "seen" raced in from another process
            return False

    async def acknowledged(self, dialogue_id: str, version: int | None = None) -> int:
        """How many have seen the plan (the ``version`` or a later one); a count, never who."""
        query = sa.select(sa.func.count()).select_from(_A).where(_A.c.dialogue_id == dialogue_id)
        if version is not None:
            query = query.where(_A.c.version >= version)
        async with self.engine.connect() as conn:
            return (await conn.execute(query)).scalar_one()

    async def acknowledgements_of(self, user_id: str) -> list[tuple[str, str, int, datetime]]:
        """The person's own "seen" marks, newest first: (dialogue, team, version, at) — for "mine data"."""
        query = (sa.select(_A, _D.c.team_id).join(_D, _D.c.id == _A.c.dialogue_id)
                 .where(_A.c.user_id == user_id).order_by(_A.c.at.desc()))
        async with self.engine.connect() as conn:
            return [(row.dialogue_id, row.team_id, row.version, row.at) for row in (await conn.execute(query)).all()]

    async def forget_acknowledgements(self, user_id: str) -> int:
        async with self.engine.begin() as conn:
            return (await conn.execute(sa.delete(_A).where(_A.c.user_id == user_id))).rowcount

    async def dialogue_team(self, dialogue_id: str) -> str | None:
        """The team a dialogue belongs to (a card's dialogue id is checked against it), or None."""
        async with self.engine.connect() as conn:
            return (await conn.execute(sa.select(_D.c.team_id).where(_D.c.id == dialogue_id))).scalar_one_or_none()
