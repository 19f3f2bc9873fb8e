"""Danish public holidays, and the days public employers customarily give off.

Which dates are holidays comes from the ``holidays`` package (``holidays.Denmark``), so a change
in the law, such as Store bededag's abolition from 2024, arrives with a package upgrade instead
of a hand edit here. This module only renames its days to the names the bot has always shown and
adds the customary days off. No clock and no network: the package computes the dates locally;
the one thing it reads is its own bundled Danish name catalogue, once per process.
``calendar.py`` builds the working window on top.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import holidays
from holidays import OPTIONAL, PUBLIC


def _denmark() -> type:
    """The package's Denmark class, without the other countries.

    ``import holidays.countries.denmark`` (and ``holidays.Denmark``) first runs the package's
    ``countries/__init__.py``, which imports all of its 250 countries: a fifth of a second of the
    bot's start-up spent on Peru and Tonga. The one module is loaded under its own name instead,
    so a later import of ``holidays.countries`` finds it and the class stays the same. (An import,
    as ``import`` would do it, of the package's own code: no file is read for data.)
    """
    name = "holidays.countries.denmark"
    if name not in sys.modules:
        source = os.path.join(os.path.dirname(holidays.__file__), "countries", "denmark.py")
        spec = importlib.util.spec_from_file_location(name, source)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name].Denmark


Denmark = _denmark()

EXTRA_HOLIDAY_NAME = "Lokal fridag"

# The package's Danish names, renamed where the bot's wording differs (users, texts and tests
# already know "2. påskedag"). A name not listed here is a holiday the law added later; it is
# kept under the package's own name rather than dropped.
_PUBLIC_NAMES = {
    "Anden påskedag": "2. påskedag",
    "Anden pinsedag": "2. pinsedag",
    "Anden juledag": "2. juledag",
}

# Not public holidays by law, but public employers (the municipality included) give them off,
# so a reminder sent then would land in an empty office. The package's optional days also hold
# Arbejdernes kampdag (1 May), which is a day off only under some collective agreements, so
# only these three are taken, by name.
_CUSTOMARY_NAMES = {
    "Grundlovsdag": "Grundlovsdag",
    "Juleaftensdag": "Juleaftensdag",
    "Nytårsaften": "Nytårsaftensdag",
}

# The package knows Danish holidays for these years and silently returns none outside them;
# a year with no holidays would schedule reminders on Christmas Day, so refuse it instead.
FIRST_YEAR = Denmark.start_year
LAST_YEAR = Denmark.end_year


def _named_days(year: int, category: str) -> dict[date, list[str]]:
    # language="da" pins the names; left out, the package would pick a language from the
    # process's locale environment.
    days = Denmark(years=year, language="da", categories=category)
    return {day: days.get_list(day) for day in sorted(days)}


@lru_cache(maxsize=64)
def _holidays(year: int, include_customary_days: bool) -> tuple[tuple[date, str], ...]:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"Danish holidays are known for {FIRST_YEAR}-{LAST_YEAR}, got {year}")
    named: dict[date, list[str]] = {}
    for day, names in _named_days(year, PUBLIC).items():
        named.setdefault(day, []).extend(_PUBLIC_NAMES.get(name, name) for name in names)
    if include_customary_days:
        for day, names in _named_days(year, OPTIONAL).items():
            kept = [_CUSTOMARY_NAMES[name] for name in names if name in _CUSTOMARY_NAMES]
            if kept:
                named.setdefault(day, []).extend(kept)
    # 2. pinsedag can fall on 5 June (as in 2017); keep both names rather than lose one.
    return tuple(sorted((day, " og ".join(names)) for day, names in named.items()))


def danish_holidays(year: int, *, include_customary_days: bool = True) -> dict[date, str]:
    """Non-working days of ``year`` mapped to their Danish names, in date order.

    Public holidays always; Grundlovsdag, Juleaftensdag and Nytårsaftensdag only when
    ``include_customary_days`` is true. Raises ValueError for a year the package does not cover.
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
