"""A turn's storage work: one connection and one short transaction for what a turn reads and writes.

A nomination turn used to open a connection for each thing it touched (the activity's claim,
the sender, the round, the invitation, the stored answer, the save, what the receipt shows),
and each cost about a millisecond of CPU in SQLAlchemy's connection and transaction machinery,
more than the rest of the turn's own work. Here they share one connection, on Core statements
(measured against one ORM session doing the same: the session cost 15-35% more CPU).

Reads run when the turn asks. Writes wait for ``finish``, which claims the activity first,
then writes and commits: an activity delivered twice has one effect (``ActivityAlreadyHandled``,
nothing written), and SQLite's single write lock is held from the claim to the commit only,
never across the handler's reads. Until ``finish`` a turn must neither answer nor use another
connection (a pool full of turns each waiting for a second connection would wait for ever).
After it the connection is back in the pool; reading again starts a new transaction, which
the next ``finish`` commits (the claim is made once). ``close`` rolls back what was not
finished, so a turn that fails before ``finish`` leaves no claim behind.

On a SQLite file the reads run on the event loop and ``finish`` on the engine's writer thread
(bot/storage/sqlite_twin.py: aiosqlite's thread hand-offs were most of a turn's CPU); the same
code writes on both, through ``OnTheSpot``.

Like the repositories, everything here returns the domain types of bot/process, and the rules
(``learn``, ``nomination_write``'s double-click rule) are the same ones they use.
"""
from __future__ import annotations

import asyncio
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from ..process.nomination import Invitee, NominationInput, Round
from ..process.people import Member, Person, Remembered, learn
from ..process.workplace import Workplace
from .activities import claim_statement
from .dialogue import round_from_row
from .models import NominationRound, PlanningMember, RoundMember, Workplace as WorkplaceRow
from .nomination import Statement, nomination_from_row, nomination_write, stored_for_update
from .people import read_person, write_person
from .sqlite_twin import OnTheSpot, complete, twin_of
from .workplace import workplace_from

_R = NominationRound.__table__
_M = RoundMember.__table__
_W = WorkplaceRow.__table__
_G = PlanningMember.__table__
_ROUND = sa.select(_R).where(_R.c.id == sa.bindparam("round_id"))
_INVITEE = sa.select(_M).where(_M.c.round_id == sa.bindparam("round_id"), _M.c.user_id == sa.bindparam("user_id"))
_WORKPLACE = sa.select(_W).where(_W.c.id == sa.bindparam("team_id"))
_PLANNING_GROUP = sa.select(_G.c.user_id, _G.c.name).where(_G.c.team_id == sa.bindparam("team_id")).order_by(_G.c.added_at)


class ActivityAlreadyHandled(Exception):
    """The activity was claimed before (Teams delivered it twice): this turn has no effect."""


class TurnWork:
    """The storage work of one turn; ``key`` is the activity's claim (None: nothing to claim)."""

    def __init__(self, engine: AsyncEngine, key: str | None, now: datetime) -> None:
        self.engine, self.key, self.now = engine, key, now
        self.claimed = False  # the claim is committed: a failure later must release it
        self._twin = twin_of(engine)  # SQLite: reads on the loop, the write on the twin's writer thread
        self._conn: AsyncConnection | OnTheSpot | None = None
        self._person: tuple[dict, Person | None, Person] | None = None  # what to learn, before, after
        self._writes: list[Statement] = []
        self._stored: dict[tuple[str, str], object] = {}  # (round, person) -> the nomination row read for saving

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def _connection(self) -> AsyncConnection | OnTheSpot:
        if self._conn is None:
            self._conn = OnTheSpot(self._twin.engine.connect()) if self._twin else await self.engine.connect()
        return self._conn

    async def _first(self, statement: sa.Executable, params: dict[str, object]):  # noqa: ANN202 (a Core row)
        return (await (await self._connection()).execute(statement, params)).first()

    # -- reads ------------------------------------------------------------------------------
    async def remember(
        self, *, user_id: str, tenant_id: str, now: datetime, name: str | None = None, aad_object_id: str | None = None,
        service_url: str | None = None, conversation_id: str | None = None,
    ) -> Remembered:
        """What ``People.remember`` does, with the write left for ``finish``."""
        told = dict(user_id=user_id, tenant_id=tenant_id, now=now, name=name, aad_object_id=aad_object_id, service_url=service_url,
                    conversation_id=conversation_id)
        before = await read_person(await self._connection(), user_id)
        after = learn(before, **told)
        if after is not before:
            self._person = (told, before, after)
        return Remembered(before, after)

    async def round(self, round_id: str) -> Round | None:
        row = await self._first(_ROUND, {"round_id": round_id})
        return round_from_row(row) if row else None

    async def invitee(self, round_id: str, user_id: str) -> Invitee | None:
        """The person's invitation to the round; None if they were not invited."""
        row = await self._first(_INVITEE, {"round_id": round_id, "user_id": user_id})
        return Invitee(row.round_id, row.user_id, row.name, row.card_activity_id, row.delivery, row.delivery_reason) if row else None

    async def workplace(self, team_id: str) -> Workplace | None:
        row = await self._first(_WORKPLACE, {"team_id": team_id})
        return workplace_from(row._mapping) if row else None

    async def planning_group(self, team_id: str) -> list[Member]:
        """The workplace's planning group, in the order they joined."""
        rows = (await (await self._connection()).execute(_PLANNING_GROUP, {"team_id": team_id})).all()
        return [Member(user_id, name) for user_id, name in rows]

    async def nomination(self, round_id: str, user_id: str) -> NominationInput | None:
        """The person's stored nomination, locked for ``save_nomination`` (PostgreSQL) until ``finish``."""
        row = (await (await self._connection()).execute(*stored_for_update(self.dialect, round_id, user_id))).first()
        self._stored[(round_id, user_id)] = row
        return nomination_from_row(row) if row else None

    # -- writes -----------------------------------------------------------------------------
    async def save_nomination(self, round_id: str, user_id: str, nomination: NominationInput, now: datetime) -> bool:
        """Store the person's own answer at ``finish`` (it replaces a paper form typed in for them);
        False when it changes nothing (a double click)."""
        if (round_id, user_id) not in self._stored:
            await self.nomination(round_id, user_id)
        write = nomination_write(self.dialect, self._stored[(round_id, user_id)], round_id, user_id, nomination, now)
        if write is not None:
            self._writes.append(write)
        return write is not None

    async def finish(self) -> None:
        """Claim the activity (once), write what the turn decided, commit; raises
        ``ActivityAlreadyHandled``, with nothing written, when the activity was claimed before."""
        try:
            if self._conn is None and self._person is None and not self._writes and (self.claimed or not self.key):
                return  # nothing to claim, and nothing read or written since the last finish
            # What to write is taken now: a turn cancelled while the writer works must not change it underneath.
            claim = not self.claimed and self.key is not None
            person, writes = self._person, list(self._writes)
            if self._twin is None:
                await self._write(await self._connection(), claim, person, writes)
            else:
                await self._release()  # the loop's reading connection, back in the pool while the writer works
                await asyncio.get_running_loop().run_in_executor(self._twin.writer, self._write_on_twin, claim, person, writes)
            self.claimed = True
        finally:
            await self.close()

    def _write_on_twin(self, claim: bool, person: tuple | None, writes: list[Statement]) -> None:
        with self._twin.engine.connect() as connection:
            complete(self._write(OnTheSpot(connection), claim, person, writes))

    async def _write(self, conn: AsyncConnection | OnTheSpot, claim: bool, person: tuple | None, writes: list[Statement]) -> None:
        if claim and not (await conn.execute(*claim_statement(self.dialect, self.key, self.now))).rowcount:
            raise ActivityAlreadyHandled(self.key)
        if person is not None:
            await self._write_person(conn, *person)
        for write in writes:
            await conn.execute(*write)
        await conn.commit()

    async def _write_person(self, conn: AsyncConnection | OnTheSpot, told: dict, before: Person | None, after: Person) -> None:
        if not await write_person(conn, self.dialect, before, after):
            # A first turn of the same person in another process inserted them meanwhile: merge into theirs.
            again = await read_person(conn, after.user_id)
            merged = learn(again, **told)
            if merged is not again:
                await write_person(conn, self.dialect, again, merged)

    async def close(self) -> None:
        """Give the connection back; whatever was not finished is rolled back and forgotten."""
        self._person, self._writes, self._stored = None, [], {}
        await self._release()

    async def _release(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            await conn.close()
