"""The audit log: appended to, read, never changed.

There is no update or delete here, and database triggers (migration 0004) refuse both, whatever
code runs. What an entry may hold (fixed action words, ids) is bot/process/audit.py.
"""
from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from .engine import Repository
from ..process.audit import AuditEntry, audit_id, check_action
from .models import AuditEntry as AuditRow

_T = AuditRow.__table__
_C = _T.c


class AuditLog(Repository):
    """Who viewed, exported, deleted or changed what, by ids."""

    async def record(self, *, actor: str, action: str, subject: str = "", now: datetime) -> None:
        """Append one entry; ``action`` must be one of AUDIT_ACTIONS, ids only, never free text."""
        values = dict(at=now, actor=audit_id(actor), action=check_action(action), subject=audit_id(subject))
        async with self.engine.begin() as conn:
            await conn.execute(sa.insert(_T).values(values))

    async def entries(self, *, actor: str | None = None) -> list[AuditEntry]:
        """The entries in the order they were written, optionally only one actor's."""
        query = sa.select(_T).order_by(_C.id)
        if actor is not None:
            query = query.where(_C.actor == actor)
        async with self.engine.connect() as conn:
            rows = (await conn.execute(query)).all()
        return [AuditEntry(r.id, r.at, r.actor, r.action, r.subject) for r in rows]
