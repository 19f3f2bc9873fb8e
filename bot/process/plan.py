"""Step 1 of the guide (Plan for Udviklingsdialog): the planning group sets the nomination
deadline, and with it the cycle the workplace's dialogue belongs to.

Every round belongs to the workplace's development dialogue of one cycle. The guide runs the
dialogues August-October and has the development plans sent on before 1 December, so a cycle
is named by the year of the 1 December it works towards (``cycle_of``). That boundary is a
local choice: the guide names the deadline, not when a new cycle begins.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from .clock import COPENHAGEN
from .concept import Limits


# The guide's send-on deadline: development plans reach the coordination committee before it.
SEND_ON_MONTH, SEND_ON_DAY = 12, 1


def cycle_of(opened_at: datetime) -> int:
    """The cycle a round opened at ``opened_at`` belongs to: the year of the next 1 December.

    Read in Copenhagen time: a round opened on or before 1 December belongs to that year's
    cycle, one opened after it (in December) to the next year's. A local choice; see the
    module docstring.
    """
    if opened_at.tzinfo is None:
        raise ValueError("cycle_of needs an aware datetime")
    day = opened_at.astimezone(COPENHAGEN).date()
    return day.year if day <= date(day.year, SEND_ON_MONTH, SEND_ON_DAY) else day.year + 1


class DeadlineRejected(ValueError):
    def __init__(self, code: str, *, limit: int | None = None) -> None:
        super().__init__(code)
        self.code = code  # not_a_date | in_past | too_far
        self.limit = limit


def end_of_local_day(day: date) -> datetime:
    """A deadline 'on 3 October' means nominations count until midnight in Copenhagen."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=COPENHAGEN).astimezone(timezone.utc)


def default_deadline_date(now: datetime, limits: Limits) -> date:
    return now.astimezone(COPENHAGEN).date() + timedelta(days=limits.default_deadline_days)


def parse_deadline(value: object, *, now: datetime, limits: Limits) -> datetime:
    """Accept an ISO date from Input.Date (``2026-10-03``); today or later, within the limit."""
    if isinstance(value, str) and value.strip():
        try:
            day = date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise DeadlineRejected("not_a_date") from None
    elif value in (None, ""):
        day = default_deadline_date(now, limits)
    else:
        raise DeadlineRejected("not_a_date")
    today = now.astimezone(COPENHAGEN).date()
    if day < today:
        raise DeadlineRejected("in_past")
    if (day - today).days > limits.max_deadline_days:
        raise DeadlineRejected("too_far", limit=limits.max_deadline_days)
    return end_of_local_day(day)
