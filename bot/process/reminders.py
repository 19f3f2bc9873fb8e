"""When people are reminded, as pure rules: no I/O, no clock of its own.

The reminder rules, written down:

* What. A reminder is one message to one person at one moment. Planning one means writing a
  row to the reminder queue (``bot/storage/reminders.py``); a sweeper sends rows that fell due.
  Each plan has a stable ``key`` (``nomination:<round>:<user>:<sequence>``), so planning the
  same round twice adds nothing.
* How many. At most two reminders per person per round, before the deadline. The defaults
  are 5 and 1 working days before the deadline date (``days_before=(5, 1)``); the sequence
  number is the position in ``days_before`` (1 = the early one, 2 = the last call), so a
  reminder keeps its number, key and wording whether or not the other one was skipped.
* When. At the opening of the working window (09:00 Copenhagen) on the date
  ``working_days_before(deadline_date, n)``: weekends and holidays are not counted, so a
  deadline on Tuesday 30 March 2027, just after Easter, gets its last reminder on Wednesday
  24 March, before Skærtorsdag, Langfredag and 2. påskedag.
* Never before the round was opened. The invitation card itself goes out on the opening day,
  so a reminder is planned only for a later local date than the opening; one whose time
  would already have passed (a round opened two days before the deadline) is skipped, never
  moved, because a late "5 days left" would be wrong.
* Never two on the same day. Two values of ``days_before`` that land on the same date give
  one reminder (the later sequence, which is the more urgent wording). The sweeper enforces
  the same limit at send time, across rounds and processes.
* Obsolete at send time. A nomination reminder is not sent when the round is gone or
  closed, its deadline has passed, or the person has already nominated
  (``nomination_obsolete_reason``).
* Superseded. When a bot that was down comes back with both reminders of a round due, only
  the latest sequence is sent (``superseded``); the earlier one is dropped.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from .calendar import WorkingWindow, schedule_at, working_days_before
from .rounds import Round

NOMINATION_KIND = "nomination_deadline"
MAX_REMINDERS_PER_ROUND = 2


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
class QueuedReminder:
    """A reminder as the queue holds it: the plan, plus where it is in its life.

    Life of a reminder: ``pending`` → ``claimed`` (by one worker, for a lease) → ``sent`` |
    ``unreachable`` | ``failed`` | ``dropped``, or back to ``pending``.
    """

    id: int
    key: str
    kind: str
    team_id: str
    round_id: str | None
    recipient_id: str
    sequence: int
    due_at: datetime  # aware UTC
    status: str = "pending"
    claimed_by: str | None = None
    lease_until: datetime | None = None
    attempts: int = 0
    sent_at: datetime | None = None
    reason: str | None = None
    day_slot: date | None = None  # the Copenhagen day it holds the person's one reminder of its kind for


def nomination_key(round_id: str, user_id: str, sequence: int) -> str:
    return f"nomination:{round_id}:{user_id}:{sequence}"


def plan_nomination_reminders(
    round: Round, recipients: Iterable[str], window: WorkingWindow, *, days_before: tuple[int, ...] = (5, 1)
) -> list[ReminderPlan]:
    """The deadline reminders for everyone invited to ``round`` (see the module rules).

    Raises ValueError for more than two reminders or a negative number of days.
    """
    if len(days_before) > MAX_REMINDERS_PER_ROUND:
        raise ValueError(f"at most {MAX_REMINDERS_PER_ROUND} reminders per round, got {days_before}")
    if any(n < 0 for n in days_before):
        raise ValueError(f"days before the deadline must not be negative, got {days_before}")
    opening_day = round.opened_at.astimezone(window.tz).date()
    by_day: dict[object, tuple[int, datetime]] = {}
    for sequence, n in enumerate(days_before, start=1):
        day = working_days_before(round.deadline_date, n, window)
        due_at = schedule_at(day, window)
        if due_at.astimezone(window.tz).date() <= opening_day or due_at <= round.opened_at:
            continue  # its moment had passed, or it would share the invitation's day
        if due_at >= round.deadline_at:
            continue  # n = 0 on a deadline that ends before the window opens
        local_day = due_at.astimezone(window.tz).date()
        if local_day not in by_day or by_day[local_day][0] < sequence:
            by_day[local_day] = (sequence, due_at)
    chosen = sorted(by_day.values(), key=lambda item: item[1])
    people = list(dict.fromkeys(recipients))  # once each, in the order given
    return [
        ReminderPlan(nomination_key(round.id, user, sequence), NOMINATION_KIND, round.team_id, round.id, user, sequence, due_at)
        for user in people
        for sequence, due_at in chosen
    ]


def nomination_obsolete_reason(round: Round | None, *, now: datetime, has_nominated: bool) -> str | None:
    """Why a nomination reminder must not be sent now, or None when it still should be."""
    if round is None:
        return "round_missing"
    if round.closed_at is not None:
        return "round_closed"
    if now >= round.deadline_at:
        return "past_deadline"
    if has_nominated:
        return "nominated"
    return None


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
