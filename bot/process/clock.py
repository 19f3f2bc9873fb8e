"""Time as an injected dependency, so every rule can be tested with a fixed clock."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Protocol
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time as an aware datetime (UTC)."""


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)


@dataclass
class OffsetClock:
    """Real time moved by an offset that can be set: the running app's clock in end-to-end tests
    and benchmarks that must span weeks (``TEST_CLOCK_START``, settable at ``POST /test/clock``).
    Never used in production: the settings refuse it without LOCAL_DEVELOPMENT."""

    offset: timedelta = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(timezone.utc) + self.offset

    def set(self, when: datetime) -> None:
        if when.tzinfo is None:
            raise ValueError("OffsetClock needs an aware datetime")
        self.offset = when - datetime.now(timezone.utc)


@dataclass
class FixedClock:
    """A clock that only moves when a test moves it."""

    current: datetime = field(default_factory=lambda: datetime(2026, 9, 1, 8, 0, tzinfo=timezone.utc))

    def __post_init__(self) -> None:
        if self.current.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")

    def now(self) -> datetime:
        return self.current

    def advance(self, delta: timedelta) -> datetime:
        self.current = self.current + delta
        return self.current

    def set(self, when: datetime) -> None:
        if when.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.current = when


def local_date(moment: datetime) -> date:
    """The Copenhagen date of ``moment`` (aware): what a person in Denmark calls that day, also at 23:30 UTC."""
    if moment.tzinfo is None:
        raise ValueError("local_date needs an aware datetime")
    return moment.astimezone(COPENHAGEN).date()
