"""The development dialogue of each workplace and cycle, its nomination rounds and who was invited.

A round belongs to the dialogue of its workplace and cycle (bot/process/plan.py: cycle_of),
created with the cycle's first round. At most one round per workplace is open: the unique
``open_slot`` column holds the team id while a round is open, so the database refuses a second
open round even when two clicks race in two processes. Whether the open round has ended is
the process's rule (``Round.is_open``); this module only closes what that rule says is over.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from .engine import Repository
from ..process.nomination import Invitee
from ..process.people import Member
from ..process.dialogue import Dialogue
from ..process.nomination import Round, RoundAlreadyOpen
from ..process.concept import Kind
from ..process.plan import cycle_of
from ..process.selection import kinds_from, kinds_value
from .models import Dialogue as DialogueRow, Nomination as NominationRow, NominationRound, RoundMember

_D = DialogueRow.__table__
_R = NominationRound.__table__
_M = RoundMember.__table__


def round_from_row(row) -> Round:  # noqa: ANN001 (an ORM row or a Core row alike)
    return Round(
        id=row.id, team_id=row.team_id, opened_by=row.opened_by, opened_at=row.opened_at, deadline_at=row.deadline_at,
        contact_name=row.contact_name, named_mode=row.named_mode, closed_at=row.closed_at, concept=row.concept,
        dialogue_id=row.dialogue_id, contact_user_id=row.contact_user_id,
    )


def dialogue_from_row(row, latest) -> Dialogue:  # noqa: ANN001 (Core rows: the dialogue, its latest round or None)
    return Dialogue(row.id, row.team_id, row.cycle, round_from_row(latest) if latest else None, kinds_from(row.kinds))


def _invitee(row) -> Invitee:  # noqa: ANN001
    return Invitee(row.round_id, row.user_id, row.name, row.card_activity_id, row.delivery, row.delivery_reason)


class Dialogues(Repository):
    """Dialogues, their rounds and the people invited to each round."""

    # -- the dialogue record ----------------------------------------------------------------
    async def dialogue_for(self, team_id: str, cycle: int) -> Dialogue | None:
        """The workplace's dialogue of ``cycle`` with its latest round; None if no round was opened in it."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_D).where(_D.c.team_id == team_id, _D.c.cycle == cycle))).first()
            if row is None:
                return None
            latest = (await conn.execute(
                sa.select(_R).where(_R.c.dialogue_id == row.id).order_by(_R.c.opened_at.desc()).limit(1)
            )).first()
        return dialogue_from_row(row, latest)

    async def current_dialogue(self, team_id: str, now: datetime) -> Dialogue | None:
        """The workplace's dialogue of the cycle ``now`` falls in (plan.cycle_of); None if none was begun."""
        return await self.dialogue_for(team_id, cycle_of(now))

    async def ensure_dialogue(self, team_id: str, now: datetime) -> Dialogue:
        """The dialogue of ``now``'s cycle, begun now if the workplace has none (a workplace that
        chooses its themes without a nomination round, as DTU does, begins it with the choice)."""
        async with self.engine.begin() as conn:
            await self._dialogue_id(conn, team_id, cycle_of(now), now)
        dialogue = await self.dialogue_for(team_id, cycle_of(now))
        assert dialogue is not None
        return dialogue

    async def set_kinds(self, dialogue_id: str, kinds: tuple[Kind, ...]) -> None:
        """Record which dialogue kinds the day runs (the planning group's choice with the themes)."""
        async with self.engine.begin() as conn:
            await conn.execute(sa.update(_D).where(_D.c.id == dialogue_id).values(kinds=kinds_value(kinds)))

    async def kinds(self, dialogue_id: str) -> tuple[Kind, ...]:
        """The kinds of theme the dialogue's day runs (both for an id we never issued: Nyborg's day)."""
        async with self.engine.connect() as conn:
            stored = (await conn.execute(sa.select(_D.c.kinds).where(_D.c.id == dialogue_id))).scalar_one_or_none()
        return kinds_from(stored)

    async def _dialogue_id(self, conn: AsyncConnection, team_id: str, cycle: int, now: datetime) -> str:
        # Insert-or-ignore first: it is a write, so on SQLite the transaction holds the write
        # lock from here on and what it reads next cannot go stale; on PostgreSQL it waits for
        # a concurrent insert of the same dialogue and then finds that one.
        await conn.execute(
            self.conflict_insert(_D).values(id=uuid.uuid4().hex, team_id=team_id, cycle=cycle, created_at=now)
            .on_conflict_do_nothing(index_elements=["team_id", "cycle"])
        )
        return (await conn.execute(sa.select(_D.c.id).where(_D.c.team_id == team_id, _D.c.cycle == cycle))).scalar_one()

    # -- rounds -----------------------------------------------------------------------------
    async def open_round(
        self, *, team_id: str, opened_by: str, opened_at: datetime, deadline_at: datetime, contact_name: str, named_mode: bool, concept: str,
        contact_user_id: str | None = None,
    ) -> Round:
        """Open a round in the dialogue of its cycle; refuses (RoundAlreadyOpen) while one is open.

        The team's open round, if any, is closed first when ``Round.is_open`` says it has
        ended; all in one transaction, so the new round and its dialogue appear together.
        """
        try:
            async with self.engine.begin() as conn:
                dialogue_id = await self._dialogue_id(conn, team_id, cycle_of(opened_at), opened_at)
                current = (await conn.execute(sa.select(_R).where(_R.c.open_slot == team_id))).first()
                if current is not None:
                    if round_from_row(current).is_open(opened_at):
                        raise RoundAlreadyOpen(team_id)
                    await conn.execute(
                        sa.update(_R).where(_R.c.id == current.id, _R.c.open_slot == team_id)
                        .values(open_slot=None, closed_at=current.deadline_at)
                    )
                values = dict(
                    id=uuid.uuid4().hex, team_id=team_id, open_slot=team_id, opened_by=opened_by, opened_at=opened_at,
                    deadline_at=deadline_at, contact_name=contact_name, named_mode=named_mode, concept=concept, dialogue_id=dialogue_id,
                    contact_user_id=contact_user_id,
                )
                await conn.execute(sa.insert(_R).values(values))
        except IntegrityError:  # another process opened one first
            raise RoundAlreadyOpen(team_id) from None
        return Round(
            id=values["id"], team_id=team_id, opened_by=opened_by, opened_at=opened_at, deadline_at=deadline_at,
            contact_name=contact_name, named_mode=named_mode, concept=concept, dialogue_id=dialogue_id, contact_user_id=contact_user_id,
        )

    async def get_round(self, round_id: str) -> Round | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_R).where(_R.c.id == round_id))).first()
        return round_from_row(row) if row else None

    async def latest_round(self, team_id: str) -> Round | None:
        """The workplace's most recently opened round, open or not."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_R).where(_R.c.team_id == team_id).order_by(_R.c.opened_at.desc()).limit(1))).first()
        return round_from_row(row) if row else None

    async def rounds_for_member(self, user_id: str) -> list[Round]:
        """Rounds the person was invited to, newest first (for ``mine temaer``)."""
        query = (
            sa.select(_R).join(_M, _M.c.round_id == _R.c.id).where(_M.c.user_id == user_id).order_by(_R.c.opened_at.desc())
        )
        async with self.engine.connect() as conn:
            return [round_from_row(r) for r in (await conn.execute(query)).all()]

    # -- invitees ---------------------------------------------------------------------------
    async def add_invitees(self, round_id: str, members: Iterable[Member]) -> None:
        """Invite people to a round; someone already invited (or named twice) is invited once."""
        async with self.engine.begin() as conn:
            existing = set((await conn.execute(sa.select(_M.c.user_id).where(_M.c.round_id == round_id))).scalars())
            rows = []
            for m in members:
                if m.user_id not in existing:
                    existing.add(m.user_id)
                    rows.append({"round_id": round_id, "user_id": m.user_id, "name": m.name, "delivery": "pending"})
            if rows:
                await conn.execute(sa.insert(_M), rows)

    async def remove_invitees(self, round_id: str, user_ids: Iterable[str]) -> set[str]:
        """Leave people out of a round; someone who has answered stays (checked in the same
        statement, so an answer arriving meanwhile is never orphaned). Returns who was removed."""
        ids = list(dict.fromkeys(user_ids))
        if not ids:
            return set()
        _N = NominationRow.__table__
        answered = sa.select(_N.c.user_id).where(_N.c.round_id == round_id, _N.c.user_id == _M.c.user_id)
        stmt = sa.delete(_M).where(_M.c.round_id == round_id, _M.c.user_id.in_(ids), ~sa.exists(answered)).returning(_M.c.user_id)
        async with self.engine.begin() as conn:
            return set((await conn.execute(stmt)).scalars())

    async def record_card_delivery(self, round_id: str, user_id: str, *, delivery: str, activity_id: str | None = None, reason: str | None = None) -> None:
        """How the invitation card fared: sent (with its activity id), unreachable, failed or
        maybe_delivered, which never overwrites a sent (its worker may record the answer late)."""
        values: dict[str, object] = {"delivery": delivery, "delivery_reason": reason}
        if activity_id:
            values["card_activity_id"] = activity_id
        stmt = sa.update(_M).where(_M.c.round_id == round_id, _M.c.user_id == user_id)
        if delivery == "maybe_delivered":
            stmt = stmt.where(_M.c.delivery != "sent")
        async with self.engine.begin() as conn:
            await conn.execute(stmt.values(**values))

    async def invitees(self, round_id: str) -> list[Invitee]:
        """Everyone invited to the round, by name."""
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_M).where(_M.c.round_id == round_id).order_by(_M.c.name))).all()
        return [_invitee(r) for r in rows]

    async def invitee(self, round_id: str, user_id: str) -> Invitee | None:
        """The person's invitation to the round; None if they were not invited."""
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(_M).where(_M.c.round_id == round_id, _M.c.user_id == user_id))).first()
        return _invitee(row) if row else None

    # -- moving or closing the deadline (bot/process/deadline.py) -----------------------------
    async def extend_deadline(self, round_id: str, *, deadline_at: datetime, now: datetime) -> Round | None:
        """Move an open round's deadline later; None when it was closed or moved meanwhile.

        The guard is in the UPDATE itself, so two planning-group members extending at once, or an
        extension racing the deadline, leave one consistent answer."""
        stmt = (
            sa.update(_R)
            .where(_R.c.id == round_id, _R.c.closed_at.is_(None), _R.c.deadline_at > now, _R.c.deadline_at < deadline_at)
            .values(deadline_at=deadline_at)
            .returning(*_R.columns)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(stmt)).first()
        return round_from_row(row) if row else None

    async def close_round(self, round_id: str, *, now: datetime) -> Round | None:
        """Close an open round now (before its deadline); None when it was no longer open.

        Frees the team's open slot, so a new round can be started afterwards."""
        stmt = (
            sa.update(_R)
            .where(_R.c.id == round_id, _R.c.closed_at.is_(None), _R.c.deadline_at > now)
            .values(closed_at=now, open_slot=None)
            .returning(*_R.columns)
        )
        async with self.engine.begin() as conn:
            row = (await conn.execute(stmt)).first()
        return round_from_row(row) if row else None
