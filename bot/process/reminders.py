"""Reminders as the queue knows them, whatever step planned them: pure data, no clock of its own.

A reminder is one message to one person at one moment. Planning one means writing a row to
the reminder queue (``bot/storage/reminders.py``); a sweeper sends rows that fell due. Each
plan has a stable ``key``, so planning the same thing twice adds nothing. Which reminders a
step plans, and when one has become pointless, are that step's rules (the nomination step's
are in ``nomination.py``).

* Superseded. When a bot that was down comes back with two reminders of one person, kind and
  round due, only the latest sequence is sent (``superseded``); the earlier one is dropped.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol




@dataclass(frozen=True)
class ReminderPlan:
    """A reminder to be stored: who gets which message, and from when it may go out."""

    key: str
    kind: str
    team_id: str
    round_id: str | None
    recipient_id: str
    sequence: int
    due_at: datetime  # aware UTC


@dataclass(frozen=True)
class QueuedReminder(ReminderPlan):
    """A reminder as the queue holds it: the plan, plus where it is in its life.

    Life of a reminder: ``pending`` → ``claimed`` (by one worker, for a lease) → ``sent`` |
    ``unreachable`` | ``failed`` | ``dropped``, or back to ``pending``.
    """

    id: int = 0
    status: str = "pending"
    claimed_by: str | None = None
    lease_until: datetime | None = None
    attempts: int = 0
    sent_at: datetime | None = None
    reason: str | None = None
    day_slot: date | None = None  # the Copenhagen day it holds the person's one reminder of its kind for


class Sequenced(Protocol):
    id: int | None
    kind: str
    round_id: str | None
    recipient_id: str
    sequence: int


def superseded(reminders: Iterable[Sequenced]) -> set[int]:
    """Ids of reminders made pointless by a later one of the same person, kind and round.

    Only reminders handed in together are compared: the sweeper passes one claimed batch.
    """
    latest: dict[tuple[str, str | None, str], Sequenced] = {}
    out: set[int] = set()
    for r in reminders:
        group = (r.kind, r.round_id, r.recipient_id)
        held = latest.get(group)
        if held is None:
            latest[group] = r
        elif r.sequence > held.sequence:
            out.add(held.id)  # type: ignore[arg-type]
            latest[group] = r
        else:
            out.add(r.id)  # type: ignore[arg-type]
    return out
