"""People: who they are, their 1:1 chat with the bot, their language.

The repository reads the person before and writes the person after; what a turn or a roster
changes is decided by the rules in bot/process/people.py. Each method is one short
transaction on Core statements (no ORM session: a turn remembers its sender every time).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from .engine import Repository, conflict_insert
from ..process.people import Person, Remembered, from_roster, learn, with_language
from .models import Person as PersonRow

_T = PersonRow.__table__
_C = _T.c
_COLUMNS = ("tenant_id", "aad_object_id", "name", "lang", "service_url", "conversation_id", "updated_at")


def person_from_row(row) -> Person:  # noqa: ANN001 (a Core row)
    return Person(
        user_id=row.user_id, tenant_id=row.tenant_id, updated_at=row.updated_at, name=row.name or "",
        aad_object_id=row.aad_object_id, lang=row.lang, service_url=row.service_url, conversation_id=row.conversation_id,
    )


def _values(person: Person) -> dict[str, object]:
    return {"user_id": person.user_id, **{k: getattr(person, k) for k in _COLUMNS}}


class People(Repository):
    """The people the bot has met, by Teams user id."""

    async def remember(
        self, *, user_id: str, tenant_id: str, now: datetime, name: str | None = None, aad_object_id: str | None = None,
        service_url: str | None = None, conversation_id: str | None = None,
    ) -> Remembered:
        """Store what a turn told us about a person; returns the person before and after.

        Writes only when something changed. Two first turns of one new person racing in two
        processes both try the insert; the loser reads the winner's row and merges again.
        """
        told = dict(name=name, aad_object_id=aad_object_id, service_url=service_url, conversation_id=conversation_id)
        for _attempt in range(2):
            async with self.engine.begin() as conn:
                before = await read_person(conn, user_id)
                after = learn(before, user_id=user_id, tenant_id=tenant_id, now=now, **told)
                if after is before or await write_person(conn, self.dialect, before, after):
                    return Remembered(before, after)
        raise RuntimeError(f"person {user_id!r} inserted twice meanwhile")

    async def upsert_roster(self, members: Iterable[Mapping], *, tenant_id: str, service_url: str, now: datetime) -> None:
        """Remember a team roster page (Teams' member dicts) in one transaction, keeping chats and languages."""
        page = {str(m["id"]): m for m in members if m.get("id")}
        if not page:
            return
        async with self.engine.begin() as conn:
            known = {r.user_id: person_from_row(r) for r in (await conn.execute(sa.select(_T).where(_C.user_id.in_(list(page))))).all()}
            inserts, updates = [], []
            for user_id, m in page.items():
                before = known.get(user_id)
                after = from_roster(
                    before, user_id=user_id, tenant_id=tenant_id, now=now, name=str(m.get("name") or ""),
                    aad_object_id=m.get("aadObjectId") or m.get("objectId"), service_url=service_url,
                )
                (updates if before else inserts).append(after)
            if inserts:
                await conn.execute(sa.insert(_T), [_values(p) for p in inserts])
            if updates:
                await conn.execute(_UPDATE, [{f"b_{k}": v for k, v in _values(p).items()} for p in updates])

    async def get(self, user_id: str) -> Person | None:
        async with self.engine.connect() as conn:
            return await read_person(conn, user_id)

    async def get_many(self, user_ids: Iterable[str]) -> dict[str, Person]:
        ids = list(user_ids)
        if not ids:
            return {}
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_T).where(_C.user_id.in_(ids)))).all()
        return {r.user_id: person_from_row(r) for r in rows}

    async def set_language(self, user_id: str, lang: str, *, tenant_id: str, now: datetime) -> Person:
        """Store a person's language choice; someone we never met is remembered with it."""
        for _attempt in range(2):
            async with self.engine.begin() as conn:
                before = await read_person(conn, user_id)
                after = with_language(before, lang, user_id=user_id, tenant_id=tenant_id, now=now)
                if await write_person(conn, self.dialect, before, after):
                    return after
        raise RuntimeError(f"person {user_id!r} inserted twice meanwhile")


_SELECT = sa.select(_T).where(_C.user_id == sa.bindparam("b_user_id"))
# One statement for a whole roster page of known people (executemany).
_UPDATE = sa.update(_T).where(_C.user_id == sa.bindparam("b_user_id")).values(
    {k: sa.bindparam(f"b_{k}", type_=_C[k].type) for k in _COLUMNS}
)


async def read_person(conn: AsyncConnection, user_id: str) -> Person | None:
    row = (await conn.execute(_SELECT, {"b_user_id": user_id})).first()
    return person_from_row(row) if row else None


async def write_person(conn: AsyncConnection, dialect: str, before: Person | None, after: Person) -> bool:
    """Store ``after`` over ``before``; False when ``before`` was None and someone inserted the
    person meanwhile (a first turn racing in another process): read again and merge then.
    The insert does nothing rather than fail, so the transaction it is part of goes on."""
    if before is None:
        result = await conn.execute(conflict_insert(dialect, _T).values(_values(after)).on_conflict_do_nothing(index_elements=["user_id"]))
        return bool(result.rowcount)
    changed = {k: getattr(after, k) for k in _COLUMNS if getattr(after, k) != getattr(before, k)}
    if changed:  # the same choice again, within the same instant, changes nothing
        await conn.execute(sa.update(_T).where(_C.user_id == after.user_id).values(changed))
    return True
