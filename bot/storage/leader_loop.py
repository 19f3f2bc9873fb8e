"""The leader's own loop: who leads each workplace, the leader's development areas and feedback
per dialogue, and the attendees' answers to step 9's question.

The development areas and the feedback are the leader's own words: readable by the leader, in
their "mine data", and shown to others only when posted. The planning group reads ``done_at``
and nothing else (``status``). The answers to step 9 are stored per person only so each has one
answer and can see and delete it; everything shown to others is the nameless summary.
"""
from __future__ import annotations

import json
from datetime import datetime

import sqlalchemy as sa

from ..process.leader_loop import FEEDBACK_PARTS, DevelopmentArea, Feedback, Leader, LeaderLoop, check_areas
from .engine import Repository
from .models import Dialogue, ImmediateAnswer, LeaderLoopRow, WorkplaceLeader

_W = WorkplaceLeader.__table__
_L = LeaderLoopRow.__table__
_I = ImmediateAnswer.__table__
_D = Dialogue.__table__


def _loop(row) -> LeaderLoop:  # noqa: ANN001
    areas = tuple(DevelopmentArea(a.get("title", ""), a.get("next_step", "")) for a in json.loads(row.development_areas or "[]"))
    given = json.loads(row.feedback or "{}")
    return LeaderLoop(row.dialogue_id, areas, Feedback(**{p: str(given.get(p, "")) for p in FEEDBACK_PARTS}), bool(row.shared),
                      row.asked_at, row.posted_at, row.done_at, row.updated_at)


class Leaders(Repository):
    """Who leads each workplace (``store.leaders``)."""

    async def get(self, team_id: str) -> Leader | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_W).where(_W.c.team_id == team_id))).first()
        return Leader(row.user_id, row.name) if row else None

    async def set(self, team_id: str, user_id: str, name: str, *, by: str, now: datetime) -> None:
        """Name (or rename) the workplace's leader; naming the same person again changes nothing but the name."""
        values = dict(user_id=user_id, name=name[:200], set_by=by, set_at=now)
        stmt = self.conflict_insert(_W).values(team_id=team_id, **values)
        async with self.engine.begin() as conn:  # an upsert: the later of two namings wins
            await conn.execute(stmt.on_conflict_do_update(index_elements=["team_id"], set_=values))

    async def teams_led_by(self, user_id: str) -> list[str]:
        async with self.engine.connect() as conn:
            return [r.team_id for r in (await conn.execute(sa.select(_W.c.team_id).where(_W.c.user_id == user_id))).all()]

    async def forget(self, user_id: str) -> int:
        """Erase the person as a named leader (their "mine data" erasure)."""
        async with self.engine.begin() as conn:
            return (await conn.execute(sa.delete(_W).where(_W.c.user_id == user_id))).rowcount or 0


class LeaderLoops(Repository):
    """The leader loop per dialogue and step 9's answers (``store.leader_loops``)."""

    async def get(self, dialogue_id: str) -> LeaderLoop | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_L).where(_L.c.dialogue_id == dialogue_id))).first()
        return _loop(row) if row else None

    async def _upsert(self, dialogue_id: str, leader_id: str, now: datetime, **values: object) -> LeaderLoop:
        changes = dict(leader_id=leader_id, updated_at=now, **values)
        stmt = self.conflict_insert(_L).values(dialogue_id=dialogue_id, **changes)
        async with self.engine.begin() as conn:
            await conn.execute(stmt.on_conflict_do_update(index_elements=["dialogue_id"], set_=changes))
            row = (await conn.execute(sa.select(_L).where(_L.c.dialogue_id == dialogue_id))).first()
        return _loop(row)

    async def save_areas(self, dialogue_id: str, areas: tuple[DevelopmentArea, ...], *, shared: bool, leader_id: str,
                         now: datetime) -> LeaderLoop:
        check_areas(areas)  # never more than three, whatever the caller
        text = json.dumps([{"title": a.title, "next_step": a.next_step} for a in areas], ensure_ascii=False)
        return await self._upsert(dialogue_id, leader_id, now, development_areas=text, shared=shared)

    async def save_feedback(self, dialogue_id: str, feedback: Feedback, *, leader_id: str, now: datetime) -> LeaderLoop:
        text = json.dumps({p: getattr(feedback, p) for p in FEEDBACK_PARTS}, ensure_ascii=False)
        return await self._upsert(dialogue_id, leader_id, now, feedback=text)

    async def _mark(self, dialogue_id: str, column: str, leader_id: str, now: datetime) -> bool:
        """Set ``column`` once; True for the first caller only."""
        await self._upsert(dialogue_id, leader_id, now)
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.update(_L).where(_L.c.dialogue_id == dialogue_id, _L.c[column].is_(None))
                                        .values(**{column: now}))
        return bool(result.rowcount)

    async def mark_asked(self, dialogue_id: str, *, leader_id: str, now: datetime) -> bool:
        return await self._mark(dialogue_id, "asked_at", leader_id, now)

    async def mark_done(self, dialogue_id: str, *, leader_id: str, now: datetime) -> bool:
        return await self._mark(dialogue_id, "done_at", leader_id, now)

    async def mark_posted(self, dialogue_id: str, *, now: datetime) -> None:
        async with self.engine.begin() as conn:
            await conn.execute(sa.update(_L).where(_L.c.dialogue_id == dialogue_id).values(posted_at=now))

    async def of_leader(self, user_id: str) -> list[tuple[str, str, LeaderLoop]]:
        """The person's own leader loops, newest first: (dialogue, team, loop)."""
        query = (sa.select(_L, _D.c.team_id).join(_D, _D.c.id == _L.c.dialogue_id)
                 .where(_L.c.leader_id == user_id).order_by(_L.c.updated_at.desc()))
        async with self.engine.connect() as conn:
            return [(row.dialogue_id, row.team_id, _loop(row)) for row in (await conn.execute(query)).all()]

    async def delete(self, dialogue_id: str, *, leader_id: str) -> bool:
        """Delete the leader's own loop of a dialogue (their "mine data"); False if there was none of theirs."""
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.delete(_L).where(_L.c.dialogue_id == dialogue_id, _L.c.leader_id == leader_id))
        return bool(result.rowcount)

    async def delete_of_leader(self, user_id: str) -> int:
        async with self.engine.begin() as conn:
            return (await conn.execute(sa.delete(_L).where(_L.c.leader_id == user_id))).rowcount or 0

    # -- step 9 --------------------------------------------------------------------------------
    async def answer(self, dialogue_id: str, user_id: str, text: str, *, now: datetime) -> bool:
        """Store or replace the person's answer; False when it is the same as stored."""
        where = (_I.c.dialogue_id == dialogue_id, _I.c.user_id == user_id)
        async with self.engine.begin() as conn:
            row = (await conn.execute(sa.select(_I.c.text).where(*where))).first()
            if row is not None and row.text == text:
                return False
            stmt = self.conflict_insert(_I).values(dialogue_id=dialogue_id, user_id=user_id, text=text, at=now)
            await conn.execute(stmt.on_conflict_do_update(index_elements=["dialogue_id", "user_id"], set_=dict(text=text, at=now)))
        return True

    async def answer_of(self, dialogue_id: str, user_id: str) -> str | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_I.c.text).where(_I.c.dialogue_id == dialogue_id, _I.c.user_id == user_id))).first()
        return row.text if row else None

    async def answers(self, dialogue_id: str) -> dict[str, str]:
        async with self.engine.connect() as conn:
            return {r.user_id: r.text for r in (await conn.execute(sa.select(_I).where(_I.c.dialogue_id == dialogue_id))).all()}

    async def answers_of_person(self, user_id: str) -> list[tuple[str, str, str, datetime]]:
        """(dialogue, team, text, at), newest first."""
        query = (sa.select(_I, _D.c.team_id).join(_D, _D.c.id == _I.c.dialogue_id)
                 .where(_I.c.user_id == user_id).order_by(_I.c.at.desc()))
        async with self.engine.connect() as conn:
            return [(r.dialogue_id, r.team_id, r.text, r.at) for r in (await conn.execute(query)).all()]

    async def delete_answer(self, dialogue_id: str, user_id: str) -> bool:
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.delete(_I).where(_I.c.dialogue_id == dialogue_id, _I.c.user_id == user_id))
        return bool(result.rowcount)
