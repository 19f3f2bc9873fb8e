"""Danish public holidays, and the days public employers customarily give off.

Pure date arithmetic: no clock, no I/O. ``calendar.py`` builds the working window on top.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

# Store bededag was abolished by law from 2024 (lov nr. 151 af 28/02/2023); the last one was
# 5 May 2023. Older years keep it so that historic dates still come out right.
LAST_STORE_BEDEDAG_YEAR = 2023

EXTRA_HOLIDAY_NAME = "Lokal fridag"

# Days that fall on a date fixed relative to Easter Sunday, as (offset in days, Danish name).
_EASTER_OFFSETS: tuple[tuple[int, str], ...] = (
    (-3, "Skærtorsdag"),
    (-2, "Langfredag"),
    (0, "Påskedag"),
    (1, "2. påskedag"),
    (39, "Kristi himmelfartsdag"),
    (49, "Pinsedag"),
    (50, "2. pinsedag"),
)
_STORE_BEDEDAG_OFFSET = 26  # the fourth Friday after Easter


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher computus)."""
    if year < 1583:
        raise ValueError(f"the Gregorian computus needs a year from 1583, got {year}")
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def _holidays(year: int, include_customary_days: bool) -> tuple[tuple[date, str], ...]:
    easter = easter_sunday(year)
    named: dict[date, list[str]] = {}

    def add(day: date, name: str) -> None:
        named.setdefault(day, []).append(name)

    add(date(year, 1, 1), "Nytårsdag")
    for offset, name in _EASTER_OFFSETS:
        add(easter + timedelta(days=offset), name)
    if year <= LAST_STORE_BEDEDAG_YEAR:
        add(easter + timedelta(days=_STORE_BEDEDAG_OFFSET), "Store bededag")
    add(date(year, 12, 25), "Juledag")
    add(date(year, 12, 26), "2. juledag")
    if include_customary_days:
        # Not public holidays by law, but public employers (the municipality included) give
        # them off, so a reminder sent then would land in an empty office.
        add(date(year, 6, 5), "Grundlovsdag")
        add(date(year, 12, 24), "Juleaftensdag")
        add(date(year, 12, 31), "Nytårsaftensdag")
    # 2. pinsedag can fall on 5 June (as in 2017); keep both names rather than lose one.
    return tuple(sorted((day, " og ".join(names)) for day, names in named.items()))


def danish_holidays(year: int, *, include_customary_days: bool = True) -> dict[date, str]:
    """Non-working days of ``year`` mapped to their Danish names, in date order.

    Public holidays always; Grundlovsdag, Juleaftensdag and Nytårsaftensdag only when
    ``include_customary_days`` is true.
    """
    return dict(_holidays(year, include_customary_days))


@dataclass(frozen=True)
class HolidayCalendar:
    """Which dates are days off: Danish holidays plus locally configured extra days."""

    include_customary_days: bool = True
    extra_holidays: frozenset[date] = frozenset()

    def name_of(self, day: date) -> str | None:
        """The Danish name of the holiday on ``day``, or None on an ordinary day."""
        name = dict(_holidays(day.year, self.include_customary_days)).get(day)
        if name is not None:
            return name
        return EXTRA_HOLIDAY_NAME if day in self.extra_holidays else None

    def is_holiday(self, day: date) -> bool:
        """True when ``day`` is a holiday (public, customary if enabled, or extra)."""
        return self.name_of(day) is not None
