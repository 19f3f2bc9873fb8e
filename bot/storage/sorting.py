"""The planning group's sorting of the input (step 10): topics, their entries, and its answers
to the bot's proposals.

Every change is idempotent: a topic's id comes from what made it (bot/process/sorting.py
``new_topic_id``), an answer to a proposal is one row by its key, and placing an entry is an
upsert (an entry is in one topic at most), so the same press twice has one effect. No user id
is stored here: who did what is in the audit log; titles are the workplace's, not personal data.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from ..process.concept import Kind
from ..process.sorting import Item, Priority, Topic, new_topic_id, ordered_topics
from .engine import Repository
from .models import SortingDecision, SortingItem, SortingTopic

_T = SortingTopic.__table__
_I = SortingItem.__table__
_DEC = SortingDecision.__table__

ACCEPTED, MOVED, IGNORED = "accepted", "moved", "ignored"


class Sortings(Repository):
    """Topics and answers to proposals by dialogue."""

    async def topics(self, dialogue_id: str) -> list[Topic]:
        """The dialogue's topics, prioritised first (high to low), then in the order they were made."""
        async with self.engine.connect() as conn:
            return await self._topics(conn, dialogue_id)

    async def topic(self, dialogue_id: str, topic_id: str) -> Topic | None:
        return next((t for t in await self.topics(dialogue_id) if t.id == topic_id), None)

    async def decided(self, dialogue_id: str) -> dict[str, str]:
        """Proposal key -> the answer (accepted | moved | ignored)."""
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_DEC.c.proposal_key, _DEC.c.decision).where(_DEC.c.dialogue_id == dialogue_id))).all()
        return {row.proposal_key: row.decision for row in rows}

    async def accept(self, dialogue_id: str, proposal_key: str, title: str, items: Sequence[Item], *, now: datetime) -> Topic:
        """A proposal becomes a topic with its entries; the same proposal twice is one topic."""
        topic_id = new_topic_id(dialogue_id, proposal_key)
        async with self.engine.begin() as conn:
            if await self._decide(conn, dialogue_id, proposal_key, ACCEPTED, now):
                await self._new_topic(conn, dialogue_id, topic_id, title)
                await self._place(conn, dialogue_id, topic_id, items)
        topic = await self.topic(dialogue_id, topic_id)
        assert topic is not None  # made now, or by the first of two presses
        return topic

    async def move(self, dialogue_id: str, items: Sequence[Item], *, topic_id: str | None, new_title: str | None,
                   proposal_key: str | None, now: datetime) -> Topic | None:
        """Put ``items`` in the topic ``topic_id``, or in a new topic called ``new_title``; None if
        that topic does not exist (any more). Topics left empty are removed."""
        async with self.engine.begin() as conn:
            if topic_id is None:
                if not new_title:
                    return None
                topic_id = new_topic_id(dialogue_id, "|".join(sorted(i.key for i in items)) + "|" + new_title)
                await self._new_topic(conn, dialogue_id, topic_id, new_title)
            elif (await conn.execute(sa.select(_T.c.topic_id).where(_T.c.dialogue_id == dialogue_id, _T.c.topic_id == topic_id))).first() is None:
                return None
            if proposal_key is not None:
                await self._decide(conn, dialogue_id, proposal_key, MOVED, now)
            await self._place(conn, dialogue_id, topic_id, items)
            used = sa.select(_I.c.topic_id).where(_I.c.dialogue_id == dialogue_id)
            await conn.execute(sa.delete(_T).where(_T.c.dialogue_id == dialogue_id, _T.c.topic_id.not_in(used)))
        return await self.topic(dialogue_id, topic_id)

    async def ignore(self, dialogue_id: str, proposal_key: str, *, now: datetime) -> bool:
        """Do not propose these entries together again; False if the proposal was answered already."""
        async with self.engine.begin() as conn:
            return await self._decide(conn, dialogue_id, proposal_key, IGNORED, now)

    async def update_topic(self, dialogue_id: str, topic_id: str, *, title: str, priority: Priority | None) -> Topic | None:
        """Rename a topic and set its priority; None if there is no such topic."""
        where = (_T.c.dialogue_id == dialogue_id, _T.c.topic_id == topic_id)
        async with self.engine.begin() as conn:
            changed = (await conn.execute(sa.update(_T).where(*where).values(
                title=title, priority=int(priority) if priority is not None else None))).rowcount
        return await self.topic(dialogue_id, topic_id) if changed else None

    # -- inside a transaction -------------------------------------------------------------
    async def _decide(self, conn: AsyncConnection, dialogue_id: str, proposal_key: str, decision: str, now: datetime) -> bool:
        stmt = self.conflict_insert(_DEC).values(dialogue_id=dialogue_id, proposal_key=proposal_key, decision=decision, decided_at=now)
        return bool((await conn.execute(stmt.on_conflict_do_nothing(index_elements=["dialogue_id", "proposal_key"]))).rowcount)

    async def _new_topic(self, conn: AsyncConnection, dialogue_id: str, topic_id: str, title: str) -> None:
        position = sa.select(sa.func.coalesce(sa.func.max(_T.c.position), 0) + 1).where(_T.c.dialogue_id == dialogue_id).scalar_subquery()
        stmt = self.conflict_insert(_T).values(dialogue_id=dialogue_id, topic_id=topic_id, title=title, priority=None, position=position)
        await conn.execute(stmt.on_conflict_do_nothing(index_elements=["dialogue_id", "topic_id"]))

    async def _place(self, conn: AsyncConnection, dialogue_id: str, topic_id: str, items: Sequence[Item]) -> None:
        for item in items:
            values = dict(dialogue_id=dialogue_id, item_key=item.key, topic_id=topic_id, kind=item.kind.value, group_no=item.group,
                          slot=item.slot, idx=item.index, text=item.text)
            stmt = self.conflict_insert(_I).values(values)
            await conn.execute(stmt.on_conflict_do_update(index_elements=["dialogue_id", "item_key"],
                                                          set_={"topic_id": topic_id, "text": item.text}))

    async def _topics(self, conn: AsyncConnection, dialogue_id: str) -> list[Topic]:
        topic_rows = (await conn.execute(sa.select(_T).where(_T.c.dialogue_id == dialogue_id))).all()
        item_rows = (await conn.execute(sa.select(_I).where(_I.c.dialogue_id == dialogue_id))).all()
        order = {Kind.WELLBEING: 0, Kind.LEADERSHIP: 1}
        items: dict[str, list[Item]] = {}
        for row in item_rows:
            items.setdefault(row.topic_id, []).append(Item(Kind(row.kind), row.group_no, row.slot, row.idx, row.text))
        for entries in items.values():
            entries.sort(key=lambda i: (order[i.kind], i.group, i.slot != "point", i.index))
        return ordered_topics(
            Topic(dialogue_id, row.topic_id, row.title, Priority(row.priority) if row.priority is not None else None, row.position,
                  tuple(items.get(row.topic_id, ())))
            for row in topic_rows)
