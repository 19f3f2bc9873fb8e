"""Nominations: each invited person's one well-being and one leadership theme per round, with reasons.

Whether a submission changes anything is the rule ``is_unchanged`` in bot/process/nomination.py;
this module keeps the row lock and the race between two processes storing the same click.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from .engine import Repository, insert_or_skip
from ..process.concept import Kind
from ..process.nomination import NominationInput, ThemeChoice, is_unchanged
from ..process.tally import NominationRecord
from .models import Nomination, RoundMember

_TABLE = Nomination.__table__
_N = _TABLE.c
_M = RoundMember.__table__.c


def nomination_columns(n: NominationInput) -> dict[str, object]:
    """The nomination as the table's columns (``wellbeing_theme``, ``leadership_why_me``…)."""
    out: dict[str, object] = {}
    for kind in Kind:
        c = n.choice(kind)
        out[f"{kind.value}_theme"] = c.theme_id
        out[f"{kind.value}_own_title"] = c.own_title
        out[f"{kind.value}_why_me"] = c.why_me
        out[f"{kind.value}_core_task"] = c.core_task
    return out


def nomination_from_row(row) -> NominationInput:  # noqa: ANN001 (an ORM row or a Core row alike)
    def choice(kind: Kind) -> ThemeChoice:
        p = kind.value
        return ThemeChoice(kind, getattr(row, f"{p}_theme"), getattr(row, f"{p}_own_title"), getattr(row, f"{p}_why_me"), getattr(row, f"{p}_core_task"))

    return NominationInput(choice(Kind.WELLBEING), choice(Kind.LEADERSHIP))


# Built once: a statement built per turn cost more CPU than running it (py-spy, 3 December).
_KEY = (_N.round_id == sa.bindparam("b_round_id"), _N.user_id == sa.bindparam("b_user_id"))
_STORED = sa.select(_TABLE).where(*_KEY)
_STORED_LOCKED = _STORED.with_for_update()
_INSERT = insert_or_skip(_TABLE, "round_id", "user_id")
_UPDATE = sa.update(_TABLE).where(*_KEY).values(version=_N.version + 1)

Statement = tuple[sa.Executable, dict[str, object]]  # what ``connection.execute(*statement)`` runs


def stored_for_update(dialect: str, round_id: str, user_id: str) -> Statement:
    """The stored nomination, locked on PostgreSQL until the transaction ends (SQLite has one
    writer at a time anyway), so two clicks in two processes cannot both bump the version."""
    return (_STORED_LOCKED if dialect == "postgresql" else _STORED), {"b_round_id": round_id, "b_user_id": user_id}


def nomination_write(dialect: str, row, round_id: str, user_id: str, nomination: NominationInput, now: datetime, *,  # noqa: ANN001
                     entered_by: str | None = None, keep_own: bool = False) -> Statement | None:
    """The statement that stores ``nomination`` over ``row`` (as ``stored_for_update`` read it),
    or None when nothing would change: a double click, or (``keep_own``) a paper form over the
    person's own answer. Two first submissions racing both try the insert; the second does
    nothing (rowcount 0) instead of failing, so the transaction around it goes on."""
    values = nomination_columns(nomination)
    if row is None:
        return _INSERT[dialect], {"round_id": round_id, "user_id": user_id, "submitted_at": now, "updated_at": now, "version": 1,
                                  "entered_by": entered_by, **values}
    if keep_own and row.entered_by is None:
        return None  # checked under the row lock: the person's own answer won the race
    if is_unchanged(nomination_from_row(row), nomination) and row.entered_by == entered_by:
        return None
    return _UPDATE, {"b_round_id": round_id, "b_user_id": user_id, "updated_at": now, "entered_by": entered_by, **values}


class Nominations(Repository):
    """Nominations by (round, person)."""

    async def save(self, round_id: str, user_id: str, nomination: NominationInput, now: datetime, *, entered_by: str | None = None,
                   keep_own: bool = False) -> bool:
        """Store or replace a person's nomination; False if nothing changed (a double click).

        ``keep_own`` (a paper form): never replace what the person sent themselves; False then.

        The row lock and the race of two first submissions: ``stored_for_update``, ``nomination_write``.
        """
        async with self.engine.begin() as conn:
            row = (await conn.execute(*stored_for_update(self.dialect, round_id, user_id))).first()
            write = nomination_write(self.dialect, row, round_id, user_id, nomination, now, entered_by=entered_by, keep_own=keep_own)
            return write is not None and bool((await conn.execute(*write)).rowcount)

    async def get(self, round_id: str, user_id: str) -> NominationInput | None:
        async with self.engine.connect() as conn:
            row = (await conn.execute(sa.select(Nomination.__table__).where(_N.round_id == round_id, _N.user_id == user_id))).first()
        return nomination_from_row(row) if row else None

    async def entered_by(self, round_id: str, user_id: str) -> str | None:
        """Who typed in the person's nomination from a paper form; None if they sent it themselves (or none)."""
        async with self.engine.connect() as conn:
            return (await conn.execute(sa.select(_N.entered_by).where(_N.round_id == round_id, _N.user_id == user_id))).scalar()

    async def entries(self, round_id: str) -> dict[str, str | None]:
        """Everyone who has nominated in the round, and who entered it (None: they did themselves)."""
        async with self.engine.connect() as conn:
            rows = (await conn.execute(sa.select(_N.user_id, _N.entered_by).where(_N.round_id == round_id))).all()
        return {row.user_id: row.entered_by for row in rows}

    async def delete(self, round_id: str, user_id: str) -> bool:
        """Delete a person's own nomination; False if there was none."""
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.delete(Nomination.__table__).where(_N.round_id == round_id, _N.user_id == user_id))
        return bool(result.rowcount)

    async def records(self, round_id: str) -> list[NominationRecord]:
        """The round's nominations with the names they were invited under, for the tally."""
        member = sa.and_(_M.round_id == _N.round_id, _M.user_id == _N.user_id)
        query = (
            sa.select(Nomination.__table__, _M.name.label("member_name"))
            .select_from(Nomination.__table__.outerjoin(RoundMember.__table__, member))
            .where(_N.round_id == round_id)
        )
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [NominationRecord(n.user_id, n.member_name or "", nomination_from_row(n), n.submitted_at, n.entered_by) for n in rows]

    async def respondents(self, round_id: str) -> set[str]:
        """Who has nominated in the round."""
        async with self.engine.connect() as conn:
            return set((await conn.execute(sa.select(_N.user_id).where(_N.round_id == round_id))).scalars())
