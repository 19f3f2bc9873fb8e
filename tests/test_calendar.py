"""Calendar rules for when reminders may go out: holidays, the working window, DST, months."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.process.calendar import (
    WorkingWindow,
    add_months,
    is_working_moment,
    last_working_day_on_or_before,
    next_opening,
    schedule_at,
    working_days_before,
)
from bot.process.clock import COPENHAGEN
from bot.process.holidays import FIRST_YEAR, LAST_YEAR, HolidayCalendar, danish_holidays

WINDOW = WorkingWindow()


def local(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=COPENHAGEN)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=timezone.utc)


# --- holidays -------------------------------------------------------------------------------


def easter_sunday(year: int) -> date:
    """Easter as the holidays package dates it: the day it calls Påskedag."""
    (easter,) = [day for day, name in danish_holidays(year).items() if name == "Påskedag"]
    return easter


@pytest.mark.parametrize(
    "year, easter",
    [
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2000, date(2000, 4, 23)),
        (2011, date(2011, 4, 24)),  # among the latest possible
        (2008, date(2008, 3, 23)),  # among the earliest possible
        (1818, date(1818, 3, 22)),  # the earliest possible date
        (1943, date(1943, 4, 25)),  # the latest possible date
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


@given(st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, LAST_YEAR + 1])
def test_a_year_the_package_does_not_cover_is_refused_not_holiday_free(year: int) -> None:
    with pytest.raises(ValueError):
        danish_holidays(year)
    with pytest.raises(ValueError):
        HolidayCalendar().is_holiday(date(year, 12, 25))


def test_danish_holidays_2026() -> None:
    assert danish_holidays(2026) == {
        date(2026, 1, 1): "Nytårsdag",
        date(2026, 4, 2): "Skærtorsdag",
        date(2026, 4, 3): "Langfredag",
        date(2026, 4, 5): "Påskedag",
        date(2026, 4, 6): "2. påskedag",
        date(2026, 5, 14): "Kristi himmelfartsdag",
        date(2026, 5, 24): "Pinsedag",
        date(2026, 5, 25): "2. pinsedag",
        date(2026, 6, 5): "Grundlovsdag",
        date(2026, 12, 24): "Juleaftensdag",
        date(2026, 12, 25): "Juledag",
        date(2026, 12, 26): "2. juledag",
        date(2026, 12, 31): "Nytårsaftensdag",
    }


def test_customary_days_off_can_be_left_out() -> None:
    public_only = danish_holidays(2026, include_customary_days=False)
    assert date(2026, 6, 5) not in public_only
    assert date(2026, 12, 24) not in public_only
    assert date(2026, 12, 31) not in public_only
    assert len(public_only) == 10


def test_store_bededag_until_2023_only() -> None:
    assert danish_holidays(2023)[date(2023, 5, 5)] == "Store bededag"
    assert "Store bededag" not in danish_holidays(2024).values()
    assert "Store bededag" not in danish_holidays(2025).values()
    # The Friday that would have been Store bededag is an ordinary working day in 2025.
    assert WINDOW.is_working_day(date(2025, 5, 16))
    assert not WINDOW.is_working_day(date(2023, 5, 5))


def test_labour_day_is_not_a_customary_day_off() -> None:
    # The package lists Arbejdernes kampdag among Denmark's optional days; public employers
    # do not give it off in general, so a reminder may go out on 1 May.
    assert date(2026, 5, 1) not in danish_holidays(2026)
    assert WINDOW.is_working_day(date(2026, 5, 1))


def test_2_pinsedag_on_grundlovsdag_keeps_both_names() -> None:
    assert danish_holidays(2017)[date(2017, 6, 5)] == "2. pinsedag og Grundlovsdag"


def test_extra_holidays_are_days_off() -> None:
    calendar = HolidayCalendar(extra_holidays=frozenset({date(2026, 9, 4)}))
    assert calendar.name_of(date(2026, 9, 4)) == "Lokal fridag"
    assert calendar.name_of(date(2026, 9, 3)) is None
    assert calendar.name_of(date(2026, 12, 25)) == "Juledag"


# --- the working window ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "when, working",
    [
        (local(2026, 9, 1, 8, 59), False),
        (local(2026, 9, 1, 9, 0), True),  # start is inclusive
        (local(2026, 9, 1, 14, 59), True),
        (local(2026, 9, 1, 15, 0), False),  # end is exclusive
        (local(2026, 9, 5, 10, 0), False),  # Saturday
        (local(2026, 12, 24, 10, 0), False),  # Juleaftensdag
        (utc(2026, 9, 1, 7, 0), True),  # 09:00 CEST given in UTC
    ],
)
def test_is_working_moment(when: datetime, working: bool) -> None:
    assert is_working_moment(when, WINDOW) is working


@pytest.mark.parametrize(
    "due, opening",
    [
        pytest.param(local(2026, 9, 5, 11, 0), utc(2026, 9, 7, 7, 0), id="saturday-to-monday-0900"),
        pytest.param(local(2026, 9, 3, 16, 0), utc(2026, 9, 4, 7, 0), id="thursday-1600-to-friday-0900"),
        pytest.param(local(2026, 9, 3, 8, 0), utc(2026, 9, 3, 7, 0), id="0800-to-0900-same-day"),
        pytest.param(local(2026, 9, 3, 15, 0), utc(2026, 9, 4, 7, 0), id="1500-is-closed"),
        pytest.param(local(2026, 9, 3, 11, 17), utc(2026, 9, 3, 9, 17), id="inside-is-unchanged"),
        pytest.param(local(2026, 9, 4, 15, 0), utc(2026, 9, 7, 7, 0), id="friday-after-hours-to-monday"),
    ],
)
def test_next_opening(due: datetime, opening: datetime) -> None:
    result = next_opening(due, WINDOW)
    assert result == opening
    assert result.tzinfo is timezone.utc


@pytest.mark.parametrize(
    "due",
    [
        local(2027, 3, 24, 16, 0),  # the Wednesday before, after hours
        local(2027, 3, 25, 10, 0),  # Skærtorsdag
        local(2027, 3, 26, 10, 0),  # Langfredag
        local(2027, 3, 27, 10, 0),  # Saturday
        local(2027, 3, 28, 10, 0),  # Påskedag, also the day summer time starts
        local(2027, 3, 29, 10, 0),  # 2. påskedag
    ],
)
def test_easter_week_waits_for_tuesday_after_easter(due: datetime) -> None:
    # Tuesday 30 March 2027 09:00 is already summer time: 07:00 UTC.
    assert next_opening(due, WINDOW) == utc(2027, 3, 30, 7, 0)


def test_christmas_and_new_year_gap() -> None:
    assert next_opening(local(2026, 12, 23, 15, 0), WINDOW) == utc(2026, 12, 28, 8, 0)
    assert is_working_moment(local(2026, 12, 29, 10, 0), WINDOW)
    assert next_opening(local(2026, 12, 30, 15, 0), WINDOW) == utc(2027, 1, 4, 8, 0)


def test_christmas_eve_is_working_without_customary_days() -> None:
    window = WorkingWindow(holidays=HolidayCalendar(include_customary_days=False))
    assert next_opening(local(2026, 12, 23, 15, 0), window) == utc(2026, 12, 24, 8, 0)


# --- daylight saving time -------------------------------------------------------------------


def test_spring_forward_weekend_moves_the_opening_an_hour_earlier_in_utc() -> None:
    # Summer time starts Sunday 29 March 2026.
    friday = schedule_at(date(2026, 3, 27), WINDOW)
    assert friday == utc(2026, 3, 27, 8, 0)
    assert friday.astimezone(COPENHAGEN).utcoffset() == timedelta(hours=1)
    monday = next_opening(local(2026, 3, 27, 15, 30), WINDOW)
    assert monday == utc(2026, 3, 30, 7, 0)
    assert monday.astimezone(COPENHAGEN).utcoffset() == timedelta(hours=2)
    assert monday.astimezone(COPENHAGEN).time() == time(9, 0)


def test_fall_back_weekend_moves_the_opening_an_hour_later_in_utc() -> None:
    # Winter time starts Sunday 25 October 2026.
    friday = schedule_at(date(2026, 10, 23), WINDOW)
    assert friday == utc(2026, 10, 23, 7, 0)
    assert friday.astimezone(COPENHAGEN).utcoffset() == timedelta(hours=2)
    monday = next_opening(local(2026, 10, 23, 16, 0), WINDOW)
    assert monday == utc(2026, 10, 26, 8, 0)
    assert monday.astimezone(COPENHAGEN).utcoffset() == timedelta(hours=1)
    assert monday.astimezone(COPENHAGEN).time() == time(9, 0)


NIGHT_WINDOW = WorkingWindow.from_settings("02:30", "04:00", "mon,tue,wed,thu,fri,sat,sun")


def test_start_time_skipped_by_spring_forward_opens_when_the_clocks_jump() -> None:
    # 29 March 2026 has no 02:30: the clocks go from 02:00 CET straight to 03:00 CEST.
    opening = schedule_at(date(2026, 3, 29), NIGHT_WINDOW)
    assert opening == utc(2026, 3, 29, 1, 0)
    assert is_working_moment(opening, NIGHT_WINDOW)
    assert not is_working_moment(opening - timedelta(seconds=1), NIGHT_WINDOW)


def test_start_time_repeated_by_fall_back_opens_twice() -> None:
    # 25 October 2026 shows 02:30 twice: at 00:30 UTC (CEST) and at 01:30 UTC (CET).
    assert schedule_at(date(2026, 10, 25), NIGHT_WINDOW) == utc(2026, 10, 25, 0, 30)
    between = utc(2026, 10, 25, 1, 10)  # 02:10 CET, after the clocks went back
    assert not is_working_moment(between, NIGHT_WINDOW)
    assert next_opening(between, NIGHT_WINDOW) == utc(2026, 10, 25, 1, 30)


@given(
    st.datetimes(
        min_value=datetime(2023, 1, 1),
        max_value=datetime(2031, 1, 1),
        timezones=st.just(timezone.utc),
    )
)
def test_next_opening_is_the_earliest_working_moment(when: datetime) -> None:
    opening = next_opening(when, WINDOW)
    assert opening >= when
    assert is_working_moment(opening, WINDOW)
    if opening != when:
        assert opening.astimezone(COPENHAGEN).time() == WINDOW.start
        assert not is_working_moment(opening - timedelta(seconds=1), WINDOW)


# --- dates: months, deadlines, working days -------------------------------------------------


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2026, 8, 31), 3, date(2026, 11, 30)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2027, 11, 30), 3, date(2028, 2, 29)),  # leap year
        (date(2028, 2, 29), 6, date(2028, 8, 29)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 10, 15), 3, date(2027, 1, 15)),  # across the new year
        (date(2026, 12, 31), 0, date(2026, 12, 31)),
        (date(2027, 3, 31), -1, date(2027, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_six_months_is_not_three_months_twice() -> None:
    start = date(2026, 11, 29)
    assert add_months(start, 6) == date(2027, 5, 29)
    assert add_months(add_months(start, 3), 3) == date(2027, 5, 28)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(-48, 48))
def test_add_months_keeps_the_day_unless_the_month_is_too_short(start: date, months: int) -> None:
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    if start.day <= 28:
        assert result.day == start.day
    else:
        assert result.day <= start.day
        assert result.day == start.day or (result + timedelta(days=1)).day == 1


@pytest.mark.parametrize(
    "deadline, expected",
    [
        pytest.param(date(2029, 12, 1), date(2029, 11, 30), id="saturday-to-friday"),
        pytest.param(date(2030, 12, 1), date(2030, 11, 29), id="sunday-to-friday"),
        pytest.param(date(2026, 12, 1), date(2026, 12, 1), id="tuesday-stays"),
        pytest.param(date(2026, 12, 26), date(2026, 12, 23), id="past-christmas"),
    ],
)
def test_last_working_day_on_or_before(deadline: date, expected: date) -> None:
    assert last_working_day_on_or_before(deadline, WINDOW) == expected


@pytest.mark.parametrize(
    "deadline, n, expected",
    [
        pytest.param(date(2025, 6, 2), 0, date(2025, 6, 2), id="zero"),
        pytest.param(date(2025, 6, 2), 1, date(2025, 5, 30), id="over-the-weekend"),
        pytest.param(date(2025, 6, 2), 5, date(2025, 5, 23), id="skips-kristi-himmelfartsdag"),
        pytest.param(date(2025, 4, 22), 1, date(2025, 4, 16), id="skips-easter"),
        pytest.param(date(2026, 12, 1), 5, date(2026, 11, 24), id="plain-week"),
    ],
)
def test_working_days_before(deadline: date, n: int, expected: date) -> None:
    assert working_days_before(deadline, n, WINDOW) == expected


def test_working_days_before_rejects_negative_counts() -> None:
    with pytest.raises(ValueError):
        working_days_before(date(2026, 12, 1), -1, WINDOW)


@pytest.mark.parametrize(
    "day, opening",
    [
        pytest.param(date(2026, 11, 30), utc(2026, 11, 30, 8, 0), id="winter-monday"),
        pytest.param(date(2026, 6, 4), utc(2026, 6, 4, 7, 0), id="summer-thursday"),
        pytest.param(date(2026, 6, 5), utc(2026, 6, 8, 7, 0), id="grundlovsdag-to-monday"),
        pytest.param(date(2026, 5, 14), utc(2026, 5, 15, 7, 0), id="kristi-himmelfartsdag"),
    ],
)
def test_schedule_at(day: date, opening: datetime) -> None:
    assert schedule_at(day, WINDOW) == opening


def test_follow_up_three_months_after_31_august() -> None:
    follow_up = add_months(date(2026, 8, 31), 3)
    assert schedule_at(follow_up, WINDOW) == utc(2026, 11, 30, 8, 0)


# --- settings and misuse --------------------------------------------------------------------


def test_from_settings() -> None:
    window = WorkingWindow.from_settings(
        "8:30", "14:00", "Mandag, tue,WED ,thursday", [date(2026, 9, 1)], tz="Europe/Copenhagen"
    )
    assert window.start == time(8, 30)
    assert window.end == time(14, 0)
    assert window.weekdays == frozenset({0, 1, 2, 3})
    assert window.tz == COPENHAGEN
    assert not window.is_working_day(date(2026, 9, 1))  # the extra holiday
    assert not window.is_working_day(date(2026, 9, 4))  # a Friday
    assert window.is_working_day(date(2026, 9, 2))


def test_default_settings_match_the_defaults() -> None:
    assert WorkingWindow.from_settings("09:00", "15:00", "mon,tue,wed,thu,fri") == WINDOW


@pytest.mark.parametrize(
    "start, end, weekdays",
    [
        ("9", "15:00", "mon"),
        ("25:00", "15:00", "mon"),
        ("15:00", "09:00", "mon"),
        ("09:00", "15:00", "mon,funday"),
        ("09:00", "15:00", " , "),
    ],
)
def test_from_settings_rejects_bad_values(start: str, end: str, weekdays: str) -> None:
    with pytest.raises(ValueError):
        WorkingWindow.from_settings(start, end, weekdays)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_opening(datetime(2026, 9, 1, 10, 0), WINDOW)
    with pytest.raises(ValueError, match="aware"):
        is_working_moment(datetime(2026, 9, 1, 10, 0), WINDOW)


def test_on_the_dialogues_day_what_the_room_asks_for_goes_at_once_else_in_working_hours():
    from bot.process.calendar import due_in_the_room

    window = WorkingWindow()
    day = date(2026, 10, 27)  # a Tuesday, two days after summer time ended
    early = datetime(2026, 10, 27, 8, 5, tzinfo=COPENHAGEN)
    late = datetime(2026, 10, 27, 15, 40, tzinfo=COPENHAGEN)
    assert due_in_the_room(early, day, window) == early.astimezone(timezone.utc)
    assert due_in_the_room(late, day, window) == late.astimezone(timezone.utc)
    # The evening before, or a Saturday after the day: the next opening, like any reminder.
    assert due_in_the_room(datetime(2026, 10, 26, 20, 0, tzinfo=COPENHAGEN), day, window) == datetime(2026, 10, 27, 9, 0, tzinfo=COPENHAGEN)
    assert due_in_the_room(datetime(2026, 10, 31, 10, 0, tzinfo=COPENHAGEN), day, window) == datetime(2026, 11, 2, 9, 0, tzinfo=COPENHAGEN)
    assert due_in_the_room(datetime(2026, 10, 28, 10, 0, tzinfo=COPENHAGEN), None, window) == datetime(2026, 10, 28, 10, 0, tzinfo=COPENHAGEN)
