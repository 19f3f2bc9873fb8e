"""Everyday examples (step 6): each invited person's private notes per chosen theme and ready mark.

One row per (dialogue, person). The notes are read back only for that person (their card, the
day's notes card, "mine data"); the planning group's view reads who is ready as a set and turns
it into counts (bot/process/everyday_example.py ``readiness``). Whether a save changes anything
is decided under the row lock, so a double click changes nothing and says so.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from .engine import Repository
from ..process.everyday_example import ExampleNotes, Preparation
from .models import Dialogue, ExamplePreparation

_T = ExamplePreparation.__table__
_C = _T.c
_D = Dialogue.__table__.c


def preparation_from_row(row) -> Preparation:  # noqa: ANN001 (a Core row)
    return Preparation(ExampleNotes(row.wellbeing_note or "", row.leadership_note or ""), row.ready_at, row.updated_at)


class Examples(Repository):
    """Preparations by (dialogue, person)."""

    async def preparation(self, dialogue_id: str, user_id: str) -> Preparation:
        """The person's notes and ready mark; an empty preparation when nothing is stored."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_T).where(_C.dialogue_id == dialogue_id, _C.user_id == user_id))).first()
        return preparation_from_row(row) if row else Preparation()

    async def notes(self, dialogue_id: str, user_id: str) -> ExampleNotes:
        """The person's notes (empty ones when none were written)."""
        return (await self.preparation(dialogue_id, user_id)).notes

    async def save_notes(self, dialogue_id: str, user_id: str, notes: ExampleNotes, *, now: datetime) -> bool:
        """Store the person's notes; False when they are what is stored already (a double click)."""
        values = {"wellbeing_note": notes.wellbeing, "leadership_note": notes.leadership}
        return await self._write(dialogue_id, user_id, values, now=now,
                                 unchanged=lambda row: (row.wellbeing_note, row.leadership_note) == (notes.wellbeing, notes.leadership))

    async def mark_ready(self, dialogue_id: str, user_id: str, ready: bool, *, now: datetime) -> bool:
        """Mark the person ready (or not ready after all); False when that is so already.

        Marking ready again keeps the first moment."""
        return await self._write(dialogue_id, user_id, {"ready_at": now if ready else None}, now=now,
                                 unchanged=lambda row: (row.ready_at is not None) == ready)

    async def ready(self, dialogue_id: str) -> set[str]:
        """Who has marked themselves ready for the dialogue."""
        async with self.engine.connect() as conn:
            query = sa.select(_C.user_id).where(_C.dialogue_id == dialogue_id, _C.ready_at.is_not(None))
            return set((await conn.execute(query)).scalars())

    async def delete(self, dialogue_id: str, user_id: str) -> bool:
        """Delete the person's notes and ready mark for the dialogue; False if there were none."""
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.delete(_T).where(_C.dialogue_id == dialogue_id, _C.user_id == user_id))
        return bool(result.rowcount)

    async def of_person(self, user_id: str) -> list[tuple[str, str, Preparation]]:
        """(dialogue id, team id, preparation) of every dialogue the person has notes or a mark in."""
        query = (
            sa.select(_T, _D.team_id).join(Dialogue.__table__, _D.id == _C.dialogue_id)
            .where(_C.user_id == user_id).order_by(_C.updated_at.desc())
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [(row.dialogue_id, row.team_id, preparation_from_row(row)) for row in rows]

    async def team_of(self, dialogue_id: str) -> str | None:
        """The workplace (team id) whose dialogue this is."""
        async with self.engine.connect() as conn:
            return (await conn.execute(sa.select(_D.team_id).where(_D.id == dialogue_id))).scalar()

    async def _write(self, dialogue_id: str, user_id: str, values: dict[str, object], *, now: datetime, unchanged) -> bool:  # noqa: ANN001
        query = sa.select(_T).where(_C.dialogue_id == dialogue_id, _C.user_id == user_id)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        async with self.engine.begin() as conn:
            row = (await conn.execute(query)).first()
            if row is not None and unchanged(row):
                return False
            changes = {**values, "updated_at": now}
            # An upsert: two first clicks racing in two processes both land, the later one last.
            await conn.execute(
                self.conflict_insert(_T).values(dialogue_id=dialogue_id, user_id=user_id, **changes)
                .on_conflict_do_update(index_elements=["dialogue_id", "user_id"], set_=changes)
            )
        return True
