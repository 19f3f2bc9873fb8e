"""The reminder queue: reminders are rows, and a row is claimed atomically before it is sent.

Life of a row: ``pending`` → ``claimed`` (by one worker, for a lease) → ``sent`` |
``unreachable`` | ``failed`` | ``dropped`` | ``unconfirmed`` (maybe delivered), or back to
``pending`` (retry later, postponed).
A worker that dies while holding a claim loses it when the lease runs out, and the row is
claimed again; a worker that comes back after that can no longer record anything for it,
because every state change after the claim checks that the row is still claimed by the
worker making it.

Right before its first request a claimed row is marked ``sending``. From then on it is never
claimed again: should its worker die (or be unable to record the answer until the lease ran
out), a later sweep resolves it to ``unconfirmed`` (maybe delivered, logged, counted in
``status``) instead of sending it a second time. Its own worker, once it can write again, may
still replace ``unconfirmed`` with what Teams actually answered. A send whose answer was lost
(the connection dropped after Teams may have taken it) is recorded as ``unconfirmed`` at once.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from .reminder_reads import _C, _OPEN, _T, ReminderReads  # noqa: F401  (the same table and index condition)
from ..process.reminders import QueuedReminder, ReminderPlan

FINAL_STATUSES = frozenset({"sent", "unreachable", "failed", "dropped", "unconfirmed"})
_CLAIMABLE = sa.text("status = 'pending'")
_CHUNK = 500  # rows per INSERT: well under both drivers' bound-parameter limits


class ReminderQueue(ReminderReads):
    """Reminders due to people, shared safely by any number of bot processes."""

    async def add(self, plans: Iterable[ReminderPlan]) -> int:
        """Store planned reminders; a key already stored is left as it is. Returns how many were new."""
        rows = [_row(p) for p in plans]
        added = 0
        async with self.engine.begin() as conn:
            for start in range(0, len(rows), _CHUNK):
                stmt = self.conflict_insert(_T).values(rows[start:start + _CHUNK]).on_conflict_do_nothing(index_elements=["key"]).returning(_C.id)
                added += len((await conn.execute(stmt)).all())
        return added

    async def revive(self, plans: Iterable[ReminderPlan], reason: str) -> int:
        """Put back, due at the plan's time, the rows of these keys that were dropped for ``reason``
        and never sent; returns how many. A day moved back to a date it had before plans the same
        keys again: ``add`` leaves them as they are, and this gives back what the move took away.
        A row sent, in flight or given up for another reason stays as it is, so one key is still
        sent at most once."""
        due = {p.key: p.due_at for p in plans}
        revived = 0
        async with self.engine.begin() as conn:
            keys = list(due)
            for start in range(0, len(keys), _CHUNK):
                found = sa.select(_C.id, _C.key).where(_C.key.in_(keys[start:start + _CHUNK]), _C.status == "dropped",
                                                       _C.reason == _reason(reason), _C.sent_at.is_(None))
                for row_id, key in (await conn.execute(found)).all():
                    stmt = (sa.update(_T).where(_C.id == row_id, _C.status == "dropped")
                            .values(status="pending", due_at=due[key], reason=None, claimed_by=None, lease_until=None, day_slot=None))
                    revived += (await conn.execute(stmt)).rowcount or 0
        return revived

    async def claim_due(self, now: datetime, *, worker_id: str, limit: int = 100, lease: timedelta = timedelta(minutes=5),
                        kinds: Collection[str] | None = None) -> list[QueuedReminder]:
        """Claim up to ``limit`` due reminders for ``worker_id`` (of ``kinds`` only, if given), oldest first, in one statement.

        Due means pending with ``due_at <= now``, or claimed by a worker whose lease ran out.
        PostgreSQL: the inner SELECT locks the rows it picks ``FOR UPDATE SKIP LOCKED``, so two
        workers claiming at once take disjoint rows instead of waiting for or repeating each
        other, and a row another worker claimed meanwhile no longer matches when rechecked.
        SQLite: the same UPDATE … RETURNING, which is atomic there because SQLite lets one
        connection write at a time; the statement takes the write lock before it reads, so a
        second process waits (busy_timeout) and then sees the first one's claims.
        """
        picked = (
            sa.select(_C.id)
            .where(_OPEN, _C.due_at <= now, sa.or_(_CLAIMABLE, _C.lease_until < now))
            .order_by(_C.due_at, _C.id)
            .limit(limit)
        )
        if kinds is not None:
            picked = picked.where(_C.kind.in_(list(kinds)))
        if self.dialect == "postgresql":
            picked = picked.with_for_update(skip_locked=True)
        stmt = (
            sa.update(_T)
            .where(_C.id.in_(picked))
            .values(status="claimed", claimed_by=worker_id, lease_until=now + lease)
            .returning(*_T.columns)
        )
        async with self.engine.begin() as conn:
            rows = (await conn.execute(stmt)).all()
        claimed = [QueuedReminder(**row._mapping) for row in rows]
        return sorted(claimed, key=lambda r: (r.due_at, r.id))

    async def renew(self, ids: Iterable[int], *, now: datetime, worker_id: str, lease: timedelta = timedelta(minutes=5)) -> set[int]:
        """Extend the lease on rows still claimed by ``worker_id``; returns those ids.

        Called right before sending, so a worker that stalled past its lease finds out it lost
        the rows instead of sending them a second time.
        """
        ids = list(ids)
        if not ids:
            return set()
        stmt = sa.update(_T).where(_C.id.in_(ids), *_mine(worker_id)).values(lease_until=now + lease).returning(_C.id)
        async with self.engine.begin() as conn:
            return set((await conn.execute(stmt)).scalars())

    async def reserve_day(self, reminder_id: int, day: date, *, worker_id: str) -> bool:
        """Take the person's one reminder of this kind for ``day``; False if another row has it."""
        return reminder_id in await self.reserve_days([reminder_id], day, worker_id=worker_id)

    async def reserve_days(self, reminder_ids: Iterable[int], day: date, *, worker_id: str) -> set[int]:
        """``reserve_day`` for many rows in one statement; returns the ids that got the day.

        The unique index (recipient_id, kind, day_slot) decides when two processes race; the
        NOT EXISTS only spares the common case an IntegrityError. Should the batch itself hold
        two rows of one person and kind, the statement fails as a whole and is redone row by
        row, so that the first of them wins.
        """
        ids = list(reminder_ids)
        if not ids:
            return set()
        try:
            return await self._reserve(ids, day, worker_id)
        except IntegrityError:
            if len(ids) == 1:
                return set()
        won: set[int] = set()
        for one in ids:
            try:
                won |= await self._reserve([one], day, worker_id)
            except IntegrityError:
                pass
        return won

    async def _reserve(self, ids: list[int], day: date, worker_id: str) -> set[int]:
        other = sa.alias(_T, "other")
        taken = sa.exists().where(other.c.recipient_id == _C.recipient_id, other.c.kind == _C.kind, other.c.day_slot == day, other.c.id != _C.id)
        stmt = sa.update(_T).where(_C.id.in_(ids), *_mine(worker_id), ~taken).values(day_slot=day).returning(_C.id)
        async with self.engine.begin() as conn:
            return set((await conn.execute(stmt)).scalars())

    async def complete(self, reminder_id: int, status: str, *, now: datetime, reason: str | None = None, worker_id: str) -> bool:
        """Record the outcome of a send; refused (False) unless the row is still claimed by ``worker_id``."""
        if status not in FINAL_STATUSES:
            raise ValueError(f"not a final reminder status: {status!r}")
        values: dict[str, object] = {"status": status, "reason": _reason(reason), "lease_until": None, "attempts": _C.attempts + 1}
        if status == "sent":
            values["sent_at"] = now
        return await self._update_claimed(reminder_id, worker_id, values, or_interrupted=True)

    async def retry_later(self, reminder_id: int, *, due_at: datetime, reason: str | None, worker_id: str | None = None) -> bool:
        """Put a failed send back in the queue for ``due_at``, counting the attempt."""
        values = {
            "status": "pending", "due_at": due_at, "reason": _reason(reason), "claimed_by": None, "lease_until": None,
            "attempts": _C.attempts + 1,
        }
        return await self._update_claimed(reminder_id, worker_id, values, or_interrupted=True)

    async def postpone(self, reminder_id: int, *, due_at: datetime, worker_id: str | None = None) -> bool:
        """Put a reminder back for ``due_at`` without counting an attempt (nothing was sent)."""
        values = {"status": "pending", "due_at": due_at, "claimed_by": None, "lease_until": None}
        return await self._update_claimed(reminder_id, worker_id, values)

    async def drop(self, reminder_id: int, reason: str, *, worker_id: str | None = None) -> bool:
        """Give up a reminder that no longer makes sense (answered, closed, superseded)."""
        values = {"status": "dropped", "reason": _reason(reason), "lease_until": None}
        return await self._update_claimed(reminder_id, worker_id, values)

    async def drop_pending(self, round_id: str, reason: str, *, kinds: Iterable[str] | None = None) -> int:
        """Drop every unsent reminder of a round (closed early, say), or only those of ``kinds``
        (the deadline moved); returns how many."""
        stmt = sa.update(_T).where(_C.round_id == round_id, _CLAIMABLE).values(status="dropped", reason=_reason(reason))
        if kinds is not None:
            stmt = stmt.where(_C.kind.in_(list(kinds)))
        async with self.engine.begin() as conn:
            return (await conn.execute(stmt)).rowcount or 0

    async def forget_pending(self, round_id: str, recipient_ids: Iterable[str]) -> int:
        """Delete the unsent, unclaimed rows of a round for people no longer invited to it.

        Deleted, not dropped: the keys are free again, so inviting the person back plans the
        same reminders anew. A row already claimed is left to its resolver."""
        ids = list(recipient_ids)
        if not ids:
            return 0
        stmt = sa.delete(_T).where(_C.round_id == round_id, _C.recipient_id.in_(ids), _CLAIMABLE)
        async with self.engine.begin() as conn:
            return (await conn.execute(stmt)).rowcount or 0

    async def mark_sending(self, reminder_ids: Iterable[int], *, worker_id: str) -> set[int]:
        """Write down that this worker is about to send these rows; returns those it still held."""
        ids = list(reminder_ids)
        stmt = sa.update(_T).where(_C.id.in_(ids), *_mine(worker_id)).values(status="sending").returning(_C.id)
        async with self.engine.begin() as conn:
            return set((await conn.execute(stmt)).scalars())

    async def complete_sent(self, reminder_ids: Iterable[int], *, now: datetime, worker_id: str) -> set[int]:
        """``complete(…, "sent")`` for many rows in one statement; returns the ids recorded."""
        ids = list(reminder_ids)
        stmt = (
            sa.update(_T).where(_C.id.in_(ids), _C.status.in_(("claimed", "sending", "unconfirmed")), _C.claimed_by == worker_id)
            .values(status="sent", reason=None, lease_until=None, attempts=_C.attempts + 1, sent_at=now).returning(_C.id)
        )
        async with self.engine.begin() as conn:
            return set((await conn.execute(stmt)).scalars())

    async def resolve_interrupted(self, now: datetime) -> list[QueuedReminder]:
        """Rows left ``sending`` past their lease become ``unconfirmed``; returns them as they are now
        (``claimed_by`` still names the worker that stopped).

        Their worker died or lost the database between marking and recording: Teams may have
        the message, so it is not sent again (never twice wins over maybe once).
        """
        stmt = (
            sa.update(_T).where(_C.status == "sending", _C.lease_until < now)
            .values(status="unconfirmed", reason="interrupted", lease_until=None).returning(*_T.columns)
        )
        async with self.engine.begin() as conn:
            return [QueuedReminder(**row._mapping) for row in (await conn.execute(stmt)).all()]

    async def expired_claims(self, now: datetime, *, limit: int = 100) -> list[tuple[str, str | None]]:
        """(key, worker) of claimed rows whose lease ran out: the next claim takes them over."""
        stmt = sa.select(_C.key, _C.claimed_by).where(_OPEN, _C.status == "claimed", _C.lease_until < now).order_by(_C.id).limit(limit)
        async with self.engine.connect() as conn:
            return [(key, worker) for key, worker in (await conn.execute(stmt)).all()]

    async def open_kinds(self) -> dict[str, int]:
        """How many rows of each kind are not final yet (start-up checks that every kind is known)."""
        stmt = sa.select(_C.kind, sa.func.count()).where(_C.status.in_(("pending", "claimed", "sending"))).group_by(_C.kind)
        async with self.engine.connect() as conn:
            return {kind: n for kind, n in (await conn.execute(stmt)).all()}

    async def _update_claimed(
        self, reminder_id: int, worker_id: str | None, values: dict[str, object], *, or_interrupted: bool = False
    ) -> bool:
        # Without a worker id (an admin action) any row not yet final may change. A worker may
        # also correct a row of its own that a sweep resolved as interrupted meanwhile.
        guard = _mine(worker_id) if worker_id is not None else (_OPEN,)
        if worker_id is not None and or_interrupted:
            guard = (_C.status.in_(("claimed", "sending", "unconfirmed")), _C.claimed_by == worker_id)
        stmt = sa.update(_T).where(_C.id == reminder_id, *guard).values(**values)
        async with self.engine.begin() as conn:
            return (await conn.execute(stmt)).rowcount == 1

    # -- reading ----------------------------------------------------------------------------


def _mine(worker_id: str) -> tuple[sa.ColumnElement[bool], ...]:
    return (_C.status.in_(("claimed", "sending")), _C.claimed_by == worker_id)


def _reason(reason: str | None) -> str | None:
    # The column holds 100 characters and PostgreSQL refuses NUL; a reason is a short code.
    return reason.replace("\x00", "")[:100] if reason else None


def _row(plan: ReminderPlan) -> dict[str, object]:
    if len(plan.key) > 300 or len(plan.recipient_id) > 200 or len(plan.team_id) > 200:
        raise ValueError(f"reminder key or id too long: {plan.key[:80]!r}…")
    if plan.due_at.tzinfo is None:
        raise ValueError("a reminder's due_at must be aware")
    return {
        "key": plan.key, "kind": plan.kind, "team_id": plan.team_id, "round_id": plan.round_id,
        "recipient_id": plan.recipient_id, "sequence": plan.sequence, "due_at": plan.due_at,
        "status": "pending", "attempts": 0,
    }
