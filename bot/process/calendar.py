"""When reminders may go out: the working window and the calendar arithmetic around it.

The calendar rules, written down:

* Working window. A message may go out only on a working weekday (default Monday-Friday)
  that is not a holiday, between the start (default 09:00, inclusive) and the end (default
  15:00, exclusive) in local Copenhagen time. Anything due outside the window waits for the
  next opening: Thursday 16:00 becomes Friday 09:00, Saturday becomes Monday 09:00, 08:00
  becomes 09:00 the same day.
* Holidays. The Danish public holidays (``holidays.py``): Nytårsdag, Skærtorsdag, Langfredag,
  Påskedag, 2. påskedag, Kristi himmelfartsdag, Pinsedag, 2. pinsedag, Juledag, 2. juledag,
  dated by the ``holidays`` package (``holidays.Denmark``), which follows changes in the law:
  Store bededag counts up to and including 2023 only; it was abolished from 2024. Grundlovsdag,
  Juleaftensdag and Nytårsaftensdag count as days off by default because public employers give
  them off (``include_customary_days``). A workplace
  can add its own days off (``extra_holidays``).
* Daylight saving time. The window is wall-clock time, so its UTC position moves twice a
  year (last Sunday of March and of October): 09:00 in Copenhagen is 07:00 UTC in summer
  (CEST, UTC+2) and 08:00 UTC in winter (CET, UTC+1). Every result is an aware UTC datetime;
  converting wall time to UTC happens in exactly one place (``_first_instant_at``). A start
  time that falls in the spring-forward gap opens when the clocks jump; one that occurs twice
  in the autumn opens at its first occurrence.
* Month arithmetic and the 31st. "After 3 months" is the same day number three months later,
  clamped to the last day of a shorter month: 31 August + 3 months = 30 November, 30 November
  + 3 months = 28 February (29 in a leap year), 31 January + 1 month = 28/29 February, and the
  leap day 29 February 2028 + 6 months = 29 August 2028. Follow-ups after 3 and after 6 months
  are both counted from the original date (``add_months(d, 6)``), never by adding 3 months
  twice, because clamping is not reversible (29 Nov + 3 = 28 Feb, but 28 Feb + 3 = 28 May).
* Weekend and holiday deadlines. A deadline such as "before 1 December" is met on the last
  working day on or before it: 1 December 2029 is a Saturday, so the send-off reminder goes
  on Friday 30 November. "n working days before" counts only working days, skipping weekends
  and holidays.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from bot.process.clock import COPENHAGEN
from bot.process.holidays import HolidayCalendar

MONDAY_TO_FRIDAY: frozenset[int] = frozenset(range(5))

# A year covers every holiday pattern; a window with no working day in it is misconfigured.
_SEARCH_LIMIT_DAYS = 400

_WEEKDAY_ALIASES = (
    ("mon", "monday", "man", "mandag"),
    ("tue", "tuesday", "tir", "tirsdag"),
    ("wed", "wednesday", "ons", "onsdag"),
    ("thu", "thursday", "tor", "torsdag"),
    ("fri", "friday", "fre", "fredag"),
    ("sat", "saturday", "lør", "lørdag"),
    ("sun", "sunday", "søn", "søndag"),
)
_WEEKDAY_NAMES = {name: number for number, names in enumerate(_WEEKDAY_ALIASES) for name in names}

_CLOCK_TIME = re.compile(r"(\d{1,2}):(\d{2})")


@dataclass(frozen=True)
class WorkingWindow:
    """The hours in which the bot may message people: working days, start to end, local time."""

    start: time = time(9, 0)
    end: time = time(15, 0)
    weekdays: frozenset[int] = MONDAY_TO_FRIDAY  # date.weekday() numbers, Monday = 0
    tz: ZoneInfo = COPENHAGEN
    holidays: HolidayCalendar = field(default_factory=HolidayCalendar)

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(f"working window start {self.start} must be before end {self.end}")
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise ValueError(f"working weekdays must be a non-empty subset of 0-6, got {self.weekdays}")

    @classmethod
    def from_settings(
        cls,
        start: str,
        end: str,
        weekdays: str,
        extra_holidays: list[date] | tuple[date, ...] = (),
        *,
        tz: str | ZoneInfo = COPENHAGEN,
        include_customary_days: bool = True,
    ) -> WorkingWindow:
        """Build a window from settings strings such as "09:00", "15:00", "mon,tue,wed,thu,fri".

        Weekdays may be English or Danish, short or long ("mon", "mandag"), case-insensitive.
        Raises ValueError naming the value that could not be read.
        """
        return cls(
            start=_parse_clock_time(start),
            end=_parse_clock_time(end),
            weekdays=_parse_weekdays(weekdays),
            tz=ZoneInfo(tz) if isinstance(tz, str) else tz,
            holidays=HolidayCalendar(
                include_customary_days=include_customary_days,
                extra_holidays=frozenset(extra_holidays),
            ),
        )

    def is_working_day(self, day: date) -> bool:
        """True when ``day`` is a working weekday and not a holiday."""
        return day.weekday() in self.weekdays and not self.holidays.is_holiday(day)


def _parse_clock_time(text: str) -> time:
    match = _CLOCK_TIME.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"expected a clock time like '09:00', got {text!r}")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValueError(f"not a valid clock time: {text!r}")
    return time(hour, minute)


def _parse_weekdays(text: str) -> frozenset[int]:
    days = set()
    for token in text.split(","):
        name = token.strip().lower()
        if not name:
            continue
        if name not in _WEEKDAY_NAMES:
            raise ValueError(f"unknown weekday {token.strip()!r} in {text!r}")
        days.add(_WEEKDAY_NAMES[name])
    if not days:
        raise ValueError(f"no working weekdays in {text!r}")
    return frozenset(days)


def _require_aware(when: datetime) -> None:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got naive {when!r}")


def _first_instant_at(day: date, wall: time, tz: ZoneInfo) -> datetime:
    """The first UTC instant at which the local clock on ``day`` shows ``wall`` or later."""
    naive = datetime.combine(day, wall)
    first = naive.replace(tzinfo=tz, fold=0).astimezone(timezone.utc)
    if first.astimezone(tz).replace(tzinfo=None) == naive:
        return first  # an ordinary time, or the first of two in the autumn fold
    # ``wall`` is skipped by a spring-forward gap: the answer is the moment the clocks jump.
    # fold=1 resolves with the offset after the jump, which lands before the gap; search
    # between the two resolutions for the first instant whose wall time has passed ``wall``.
    low = naive.replace(tzinfo=tz, fold=1).astimezone(timezone.utc)
    high = first
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(tz).replace(tzinfo=None) >= naive:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0)


def _next_working_day_on_or_after(day: date, window: WorkingWindow) -> date:
    for offset in range(_SEARCH_LIMIT_DAYS):
        candidate = day + timedelta(days=offset)
        if window.is_working_day(candidate):
            return candidate
    raise ValueError(f"no working day within {_SEARCH_LIMIT_DAYS} days of {day}")


def is_working_moment(when: datetime, window: WorkingWindow) -> bool:
    """True when ``when`` (aware) lies inside the working window: start inclusive, end exclusive."""
    _require_aware(when)
    local = when.astimezone(window.tz)
    return window.is_working_day(local.date()) and window.start <= local.time() < window.end


def due_in_the_room(now: datetime, day: date | None, window: WorkingWindow) -> datetime:
    """When a message someone asked for on the dialogue's day goes out: at once on the day itself,
    whatever the hour (a dialogue may start at 08:00 or end after the window; those it is for are
    in the room), otherwise at the next moment inside the working window, like everything else."""
    _require_aware(now)
    if day is not None and now.astimezone(window.tz).date() == day:
        return now.astimezone(timezone.utc)
    return next_opening(now, window)


def next_opening(when: datetime, window: WorkingWindow) -> datetime:
    """The earliest moment at or after ``when`` inside the working window, as aware UTC."""
    _require_aware(when)
    when_utc = when.astimezone(timezone.utc)
    if is_working_moment(when_utc, window):
        return when_utc
    today = when_utc.astimezone(window.tz).date()
    if window.is_working_day(today):
        opening = _first_instant_at(today, window.start, window.tz)
        if opening <= when_utc:
            # In the autumn fold a start time between 02:00 and 03:00 comes round twice.
            naive_start = datetime.combine(today, window.start)
            opening = naive_start.replace(tzinfo=window.tz, fold=1).astimezone(timezone.utc)
        if opening > when_utc:  # before the start today; otherwise the window has closed
            return opening
    day = _next_working_day_on_or_after(today + timedelta(days=1), window)
    return _first_instant_at(day, window.start, window.tz)


def schedule_at(day: date, window: WorkingWindow) -> datetime:
    """The opening of the window on ``day``, or the next opening after it, as aware UTC."""
    return _first_instant_at(_next_working_day_on_or_after(day, window), window.start, window.tz)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` (may be negative), clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month_zero = divmod(index, 12)
    first_of_next = date(year + (month_zero == 11), (month_zero + 1) % 12 + 1, 1)
    last_day = (first_of_next - timedelta(days=1)).day
    return date(year, month_zero + 1, min(day.day, last_day))


def working_days_before(day: date, n: int, window: WorkingWindow) -> date:
    """The date ``n`` working days before ``day``, skipping weekends and holidays.

    ``n == 0`` returns ``day`` itself. ``day`` need not be a working day.
    """
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    current = day
    for _ in range(n):
        current -= timedelta(days=1)
        limit = current - timedelta(days=_SEARCH_LIMIT_DAYS)
        while not window.is_working_day(current):
            if current <= limit:
                raise ValueError(f"no working day within {_SEARCH_LIMIT_DAYS} days before {day}")
            current -= timedelta(days=1)
    return current


def last_working_day_on_or_before(day: date, window: WorkingWindow) -> date:
    """``day`` if it is a working day, otherwise the nearest working day before it."""
    for offset in range(_SEARCH_LIMIT_DAYS):
        candidate = day - timedelta(days=offset)
        if window.is_working_day(candidate):
            return candidate
    raise ValueError(f"no working day within {_SEARCH_LIMIT_DAYS} days before {day}")
