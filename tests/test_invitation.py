"""The day and the invitation: reading the day, warnings, who may set it, answers, moving it."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN
from bot.process.day_move import day_change
from bot.process.invitation import (
    Answer,
    AnswerRefused,
    DayInvalid,
    DayRefused,
    DialogueDay,
    answer_counts,
    check_may_answer,
    check_may_set_day,
    parse_day,
)

WINDOW = WorkingWindow()
NOW = datetime(2026, 8, 3, 10, 0, tzinfo=timezone.utc)  # Monday 3 August 2026, 12:00 in Copenhagen


def values(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {"day_date": "2026-09-17", "day_start": "08:00", "day_place": "Mødelokale 2, Rådhuset"}
    base.update(overrides)
    return base


def codes(exc: pytest.ExceptionInfo) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


def test_a_day_in_september_with_a_room() -> None:
    parsed = parse_day(values(), now=NOW, window=WINDOW)
    day = parsed.day
    assert (day.date, day.start, day.place, day.online_link, parsed.warnings) == (
        date(2026, 9, 17), time(8, 0), "Mødelokale 2, Rådhuset", None, ())
    assert day.starts_at == datetime(2026, 9, 17, 6, 0, tzinfo=timezone.utc)  # 08:00 CEST
    assert day.ends_at == datetime(2026, 9, 17, 9, 0, tzinfo=timezone.utc) and day.end == time(11, 0)  # about 3 hours


def test_online_with_a_teams_link_or_both() -> None:
    link = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%3a%22x%22%7d"
    online = parse_day(values(day_place="", day_link=link), now=NOW, window=WINDOW).day
    assert (online.place, online.online_link) == (None, link)
    both = parse_day(values(day_link=link), now=NOW, window=WINDOW).day
    assert both.place and both.online_link == link


@pytest.mark.parametrize("link", ["http://example.org/x", "javascript:alert(1)", "teams.microsoft.com/l/x", "https://",
                                  "https://exa mple.org", "https://[", "ftp://x.org"])
def test_only_https_links(link: str) -> None:
    with pytest.raises(DayInvalid) as refused:
        parse_day(values(day_link=link), now=NOW, window=WINDOW)
    assert codes(refused) == [("day_link", "not_a_link")]


def test_every_problem_at_once() -> None:
    with pytest.raises(DayInvalid) as refused:
        parse_day({"day_date": "17-09-2026", "day_start": "25:00", "day_place": "x" * 201}, now=NOW, window=WINDOW)
    assert codes(refused) == [("day_date", "not_a_date"), ("day_start", "not_a_time"), ("day_place", "too_long")]
    with pytest.raises(DayInvalid) as refused:
        parse_day({"day_date": None, "day_start": 800}, now=NOW, window=WINDOW)
    assert codes(refused) == [("day_date", "required"), ("day_start", "not_a_time"), ("day_place", "required")]


def test_the_day_must_start_in_the_future_and_not_absurdly_far() -> None:
    earlier_today = values(day_date="2026-08-03", day_start="11:59")  # Copenhagen is at 12:00
    with pytest.raises(DayInvalid) as refused:
        parse_day(earlier_today, now=NOW, window=WINDOW)
    assert codes(refused) == [("day_date", "in_past")]
    later_today = parse_day(values(day_date="2026-08-03", day_start="12:01"), now=NOW, window=WINDOW)
    assert later_today.day.starts_at > NOW
    with pytest.raises(DayInvalid) as refused:
        parse_day(values(day_date="2062-09-17"), now=NOW, window=WINDOW)
    assert codes(refused) == [("day_date", "too_far")]


@pytest.mark.parametrize(("day", "warnings"), [
    ("2026-08-03", ()),  # the season opens in August (a Monday)
    ("2026-10-30", ()),  # and closes with October (a Friday)
    ("2026-11-02", ("outside_season",)),  # a warning, never a refusal: a local choice
    ("2027-06-01", ("outside_season",)),
    ("2026-09-19", ("not_a_working_day",)),  # a Saturday
    ("2026-12-24", ("outside_season", "not_a_working_day")),  # juleaftensdag
])
def test_warnings_not_refusals(day: str, warnings: tuple[str, ...]) -> None:
    assert parse_day(values(day_date=day, day_start="13:00"), now=NOW, window=WINDOW).warnings == warnings


def test_a_start_time_with_seconds_or_an_afternoon_start() -> None:
    day = parse_day(values(day_start="12:30:15"), now=NOW, window=WINDOW).day
    assert day.start == time(12, 30) and day.end == time(15, 30)


def test_the_three_hours_are_wall_clock_on_the_night_summer_time_ends() -> None:
    night = DialogueDay(date(2026, 10, 25), time(1, 0), "Natvagten")  # clocks go 03:00 -> 02:00
    assert night.end == time(4, 0)
    assert night.ends_at - night.starts_at == timedelta(hours=4)  # four real hours: the wall clock decides


def test_only_the_planning_group_sets_and_moves_the_day_until_it_starts() -> None:
    day = parse_day(values(), now=NOW, window=WINDOW).day
    check_may_set_day("tr", planning_group={"tr"}, current=None, now=NOW)
    check_may_set_day("tr", planning_group={"tr"}, current=day, now=day.starts_at - timedelta(seconds=1))
    with pytest.raises(DayRefused, match="not_planning_group"):
        check_may_set_day("employee", planning_group={"tr"}, current=day, now=NOW)
    with pytest.raises(DayRefused, match="day_started"):
        check_may_set_day("tr", planning_group={"tr"}, current=day, now=day.starts_at)


def test_answers_until_the_day_starts_and_the_counts() -> None:
    day = parse_day(values(), now=NOW, window=WINDOW).day
    check_may_answer(invited=True, day=day, now=day.starts_at - timedelta(minutes=1))
    for kwargs, code in (({"invited": False, "day": day}, "not_invited"), ({"invited": True, "day": None}, "no_day"),
                         ({"invited": True, "day": day}, "day_started")):
        with pytest.raises(AnswerRefused, match=code):
            check_may_answer(**kwargs, now=day.starts_at)  # type: ignore[arg-type]
    counts = answer_counts(["a", "b", "c", "d"], {"a": Answer.COMING, "b": Answer.CANNOT_COME, "left-out": Answer.COMING})
    assert (counts.invited, counts.coming, counts.cannot_come, counts.not_answered) == (4, 1, 1, 2)


def test_moving_the_date_clears_answers_and_tells_everyone_invited() -> None:
    old = DialogueDay(date(2026, 9, 17), time(8, 0), "Lokale 2")
    answers = {"a": Answer.COMING, "b": Answer.CANNOT_COME}
    for new in (DialogueDay(date(2026, 9, 24), time(8, 0), "Lokale 2"), DialogueDay(date(2026, 9, 17), time(9, 0), "Lokale 2")):
        change = day_change(old, new, ["a", "b", "c", "a"], answers)
        assert change.tell == ("a", "b", "c") and change.clear_answers and change.replan_reminders


def test_a_new_room_is_told_to_those_who_may_come_and_keeps_answers() -> None:
    old = DialogueDay(date(2026, 9, 17), time(8, 0), "Lokale 2")
    change = day_change(old, DialogueDay(date(2026, 9, 17), time(8, 0), "Lokale 3", "https://teams.microsoft.com/l/x"),
                        ["a", "b", "c"], {"a": Answer.COMING, "b": Answer.CANNOT_COME})
    assert change.changed == {"place", "online_link"}
    assert change.tell == ("a", "c") and not change.clear_answers and not change.replan_reminders
    same = day_change(old, old, ["a"], {})
    assert same.is_empty and same.tell == ()


def test_starts_at_is_copenhagen_time_in_winter_too() -> None:
    winter = DialogueDay(date(2026, 11, 3), time(8, 0), "Lokale 2")
    assert winter.starts_at == datetime(2026, 11, 3, 8, 0, tzinfo=COPENHAGEN).astimezone(timezone.utc)
    assert winter.starts_at.hour == 7
