"""Where a nomination round stands, as the planning group's status card shows it: pure figures.

The planning group runs the round from this (PROCESS.md, step 3: employees hand their themes
to the contact person; step 4: the planning group gathers them), so each figure answers a
question they have: how long is left, who has answered (and on paper), whose form never
arrived, when the next reminder goes, and what comes after the deadline.

The counting rules, written down:

* Days are local dates. Time left counts Copenhagen dates from today through the deadline day
  (the last day answers are accepted), today included: a round whose deadline is today has 1
  day left, a round past its deadline 0. Counting dates and not 24-hour periods keeps a
  status asked at 00:30, or across a change to or from summer time, on the right day.
* Working days are the working calendar's (``calendar.WorkingWindow``): weekends, Danish
  holidays and the customary days off are not counted. Today counts if it is a working day,
  however late it is: employees may answer until midnight.
* Answers count only the invited: someone removed from the list after answering is not part
  of "n of N". An answer counts as on paper when the contact person entered it for them.
* A card not yet sent, or being retried, is waiting; one Teams refused for good (blocked, app
  removed, chat gone) or that failed is undelivered: hand that person the paper form. One Teams
  may have taken without its answer reaching the bot is maybe delivered: never sent again, so
  counted apart (ask the person whether it arrived).
* The next reminder is the earliest unsent nomination reminder to someone who has not
  answered; once the round is closed there is none (the sweeper drops them).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from .calendar import WorkingWindow
from .dialogue import STEPS, Dialogue, Step, current_step
from .nomination import Invitee, Round
from .plan import cycle_of
from .tally import NominationRecord


@dataclass(frozen=True)
class TimeLeft:
    """Days left until a deadline, today and the deadline day included (see the module rules)."""

    days: int  # calendar days; 0 once the deadline has passed
    working_days: int  # of those, the working days

    @property
    def has_ended(self) -> bool:
        return self.days == 0

    @property
    def is_last_day(self) -> bool:
        return self.days == 1


def last_day(deadline_at: datetime, tz: ZoneInfo) -> date:
    """The local date of the last day answers count: a deadline at midnight ends the day before."""
    return (deadline_at.astimezone(tz) - timedelta(microseconds=1)).date()


def time_left(deadline_at: datetime, window: WorkingWindow, now: datetime) -> TimeLeft:
    """Calendar and working days from today through the deadline day, both counted in ``window.tz``."""
    if now.tzinfo is None or deadline_at.tzinfo is None:
        raise ValueError("time_left needs aware datetimes")
    if now >= deadline_at:
        return TimeLeft(0, 0)
    today = now.astimezone(window.tz).date()
    days = (last_day(deadline_at, window.tz) - today).days + 1
    working = sum(1 for offset in range(days) if window.is_working_day(today + timedelta(days=offset)))
    return TimeLeft(days, working)


@dataclass(frozen=True)
class Answers:
    answered: int
    on_paper: int  # of ``answered``, entered by the contact person from a paper form
    invited: int


def count_answers(records: Iterable[NominationRecord], invited: Iterable[str]) -> Answers:
    """Answers of the invited, and how many of them came on paper."""
    people = set(invited)
    counted = [r for r in records if r.user_id in people]
    return Answers(len(counted), sum(1 for r in counted if r.entered_by), len(people))


@dataclass(frozen=True)
class Deliveries:
    """How the nomination card reached the invited (``Invitee.delivery``)."""

    delivered: int
    waiting: int
    undelivered: int
    maybe: int = 0  # maybe delivered: no answer came back from Teams (never sent again)


UNDELIVERED = frozenset({"unreachable", "failed"})
# Teams may have the card, but its answer never reached the bot (bot/scheduler/resolver.py).
MAYBE_DELIVERED = "maybe_delivered"


def count_deliveries(invitees: Iterable[Invitee]) -> Deliveries:
    delivered = waiting = undelivered = maybe = 0
    for invitee in invitees:
        if invitee.delivery == "sent":
            delivered += 1
        elif invitee.delivery in UNDELIVERED:
            undelivered += 1
        elif invitee.delivery == MAYBE_DELIVERED:
            maybe += 1
        else:  # pending, or any state of a send still under way
            waiting += 1
    return Deliveries(delivered, waiting, undelivered, maybe)


def next_step(current: Step) -> Step | None:
    """The step that follows ``current`` in the guide's order: the first that needs it."""
    return next((s for s in STEPS if current.id in s.needs), None)


@dataclass(frozen=True)
class RoundStatus:
    """Everything the status card shows, worked out; names and reasons are the caller's."""

    step: Step
    next_step: Step | None
    deadline: date  # the last day answers count
    time_left: TimeLeft
    closed_early_on: date | None  # the round was closed before its deadline, on this local date
    answers: Answers
    deliveries: Deliveries
    reminders_sent: int
    next_reminder: date | None  # local date
    contact_name: str
    unreachable: tuple[tuple[str, str], ...] = ()  # (name, reason code)


def round_status(round_: Round, *, window: WorkingWindow, now: datetime, records: Iterable[NominationRecord],
                 invitees: Iterable[Invitee], reminders_sent: int, next_reminder_at: datetime | None,
                 unreachable: Iterable[tuple[str, str]] = ()) -> RoundStatus:
    """The status of ``round_`` at ``now`` from what storage holds about it."""
    invitees = list(invitees)
    dialogue = Dialogue(round_.dialogue_id or round_.id, round_.team_id, cycle_of(round_.opened_at), round_)
    step = current_step(dialogue, now)
    is_open = round_.is_open(now)
    closed_early = round_.closed_at is not None and round_.closed_at < round_.deadline_at
    return RoundStatus(
        step=step,
        next_step=next_step(step),
        deadline=last_day(round_.deadline_at, window.tz),
        time_left=time_left(round_.deadline_at, window, now) if is_open else TimeLeft(0, 0),
        closed_early_on=round_.closed_at.astimezone(window.tz).date() if closed_early else None,  # type: ignore[union-attr]
        answers=count_answers(records, (i.user_id for i in invitees)),
        deliveries=count_deliveries(invitees),
        reminders_sent=reminders_sent,
        next_reminder=next_reminder_at.astimezone(window.tz).date() if is_open and next_reminder_at else None,
        contact_name=round_.contact_name,
        unreachable=tuple(unreachable),
    )
