"""Activities already handled, so that Teams delivering one twice has one effect.

The key is ``conversation id | activity id``; the primary key makes claiming atomic across
processes. The retention job forgets claims after a week (bot/scheduler/retention.py).
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .engine import Repository, insert_or_skip
from .models import ProcessedActivity

_T = ProcessedActivity.__table__
_C = _T.c


_CLAIM = insert_or_skip(_T, "key")


def claim_statement(dialect: str, key: str, now: datetime) -> tuple[sa.Insert, dict[str, object]]:
    """The claim as an insert that does nothing (rowcount 0) when the activity was claimed
    already, so a turn's transaction goes on rather than aborting (bot/storage/turn_work.py).
    On PostgreSQL it waits for a claim of the same key still in flight, and then does nothing.
    Built once, run with the key (``connection.execute(*claim_statement(...))``)."""
    return _CLAIM[dialect], {"key": key, "received_at": now}


class Activities(Repository):
    """Claims on incoming activities."""

    async def claim(self, key: str, now: datetime) -> bool:
        """Record that an activity is being handled; False if it already was."""
        try:
            async with self.engine.begin() as conn:
                await conn.execute(sa.insert(_T).values(key=key, received_at=now))
        except IntegrityError:
            return False
        return True

    async def release(self, key: str) -> None:
        """Forget a claim whose handling failed, so Teams' retry can try again."""
        async with self.engine.begin() as conn:
            await conn.execute(sa.delete(_T).where(_C.key == key))

    async def forget_before(self, cutoff: datetime) -> int:
        """Forget claims received before ``cutoff``; returns how many."""
        async with self.engine.begin() as conn:
            result = await conn.execute(sa.delete(_T).where(_C.received_at < cutoff))
        return result.rowcount or 0
