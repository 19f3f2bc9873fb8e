"""Steps 1-3 of the guide: a planning group opens a nomination round with a deadline."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from .clock import COPENHAGEN
from .concept import Limits


@dataclass(frozen=True)
class Round:
    """A nomination round at one workplace (one team)."""

    id: str
    team_id: str
    opened_by: str
    opened_at: datetime
    deadline_at: datetime
    contact_name: str
    named_mode: bool
    closed_at: datetime | None = None
    concept: str = "nyborg"

    def is_open(self, now: datetime) -> bool:
        return self.closed_at is None and now < self.deadline_at

    @property
    def deadline_date(self) -> date:
        """The last day nominations are accepted, as people read it (local date)."""
        return (self.deadline_at.astimezone(COPENHAGEN) - timedelta(seconds=1)).date()


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
