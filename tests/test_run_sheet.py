"""The run-sheet (Bilag 5): clock times from any start time, on the wall clock."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from bot.process.concept import Kind
from bot.process.invitation import DialogueDay
from bot.process.run_sheet import (
    CLOSE_PARTS,
    PROGRAMME,
    LeaderRole,
    example_timing,
    outline,
    plenum_time_per_group,
    run_sheet,
    run_sheet_for,
    slot_at,
)


def clock(sheet) -> list[tuple[str, str, str]]:
    return [(s.id, s.starts.strftime("%H:%M"), s.ends.strftime("%H:%M")) for s in sheet]


def test_the_guides_own_times_from_eight() -> None:
    assert clock(run_sheet(date(2026, 9, 17), time(8, 0))) == [
        ("prepare", "08:00", "08:00"),
        ("welcome", "08:00", "08:15"),
        ("wellbeing_examples", "08:15", "08:45"),
        ("wellbeing_sort", "08:45", "09:00"),
        ("wellbeing_plenum", "09:00", "09:25"),
        ("break", "09:25", "09:35"),
        ("leadership_examples", "09:35", "10:05"),
        ("leadership_sort", "10:05", "10:20"),
        ("leadership_plenum", "10:20", "10:45"),
        ("close", "10:45", "11:00"),
    ]


def test_the_program_is_three_hours_without_gaps() -> None:
    timed = [item for item in PROGRAMME if item.length]
    for before, after in zip(timed, timed[1:]):
        assert before.offset + before.length == after.offset
    assert timed[-1].offset + timed[-1].length == timedelta(hours=3)
    # The guide's shape of each round: examples 30, sort 15, plenum 25, the same for both themes.
    for kind in Kind:
        assert [i.length for i in PROGRAMME if i.kind is kind] == [timedelta(minutes=m) for m in (30, 15, 25)]


def test_a_start_that_crosses_noon() -> None:
    sheet = clock(run_sheet(date(2026, 9, 17), time(10, 30)))
    assert sheet[2] == ("wellbeing_examples", "10:45", "11:15")
    assert sheet[6] == ("leadership_examples", "12:05", "12:35")
    assert sheet[-1] == ("close", "13:15", "13:30")


def test_an_odd_start_time() -> None:
    assert clock(run_sheet(date(2026, 9, 17), time(12, 50)))[5] == ("break", "14:15", "14:25")


def test_wall_clock_times_on_the_days_summer_time_begins_and_ends() -> None:
    # 29 March 2026: clocks jump 02:00 -> 03:00; 25 October 2026: 03:00 -> 02:00.
    for day in (date(2026, 3, 29), date(2026, 10, 25)):
        assert clock(run_sheet(day, time(8, 0)))[-1] == ("close", "10:45", "11:00")
    winter = run_sheet(date(2026, 10, 25), time(8, 0))
    assert winter[1].starts.astimezone(timezone.utc) == datetime(2026, 10, 25, 7, 0, tzinfo=timezone.utc)  # 08:00 CET
    summer = run_sheet(date(2026, 10, 24), time(8, 0))
    assert summer[1].starts.astimezone(timezone.utc) == datetime(2026, 10, 24, 6, 0, tzinfo=timezone.utc)  # 08:00 CEST


def test_the_day_moves_the_sheet_with_it() -> None:
    day = DialogueDay(date(2026, 9, 17), time(9, 0), "Lokale 2")
    assert run_sheet_for(day)[-1].ends.astimezone(timezone.utc) == day.ends_at


def test_the_invitations_four_parts() -> None:
    parts = [(part, a.strftime("%H:%M"), b.strftime("%H:%M")) for part, a, b in outline(date(2026, 9, 17), time(8, 0))]
    assert parts == [("welcome", "08:00", "08:15"), ("wellbeing", "08:15", "09:25"), ("leadership", "09:35", "10:45"),
                     ("summary", "10:45", "11:00")]


def test_what_is_on_now() -> None:
    sheet = run_sheet(date(2026, 9, 17), time(8, 0))
    at = lambda hh, mm: sheet[0].starts.replace(hour=hh, minute=mm)  # noqa: E731
    assert slot_at(sheet, at(7, 59)) is None
    assert slot_at(sheet, at(8, 0)).id == "welcome"  # type: ignore[union-attr]
    assert slot_at(sheet, at(9, 25)).id == "break"  # type: ignore[union-attr]
    assert slot_at(sheet, at(10, 59)).id == "close"  # type: ignore[union-attr]
    assert slot_at(sheet, at(11, 0)) is None


def test_the_leaders_role_big_ears_small_mouth() -> None:
    roles = {item.id: item.leader for item in PROGRAMME}
    assert roles["welcome"] is LeaderRole.FRAME and roles["close"] is LeaderRole.ACKNOWLEDGE
    assert {roles[f"{k.value}_{part}"] for k in Kind for part in ("examples", "sort")} == {LeaderRole.LISTEN}
    assert roles["break"] is LeaderRole.REGROUP  # "Lav nye grupper i pausen"
    assert [i.id for i in PROGRAMME if i.may_stay_away] == ["leadership_examples", "leadership_sort"]
    assert CLOSE_PARTS == ("acknowledge", "evaluation", "next_steps")


@pytest.mark.parametrize(("size", "share", "telling"), [(3, 600, 240), (4, 450, 240), (5, 360, 240), (8, 225, 225)])
def test_each_persons_share_of_the_thirty_minutes(size: int, share: int, telling: int) -> None:
    timing = example_timing(size)
    assert (timing.per_person.total_seconds(), timing.telling_at_most.total_seconds()) == (share, telling)
    with pytest.raises(ValueError):
        example_timing(0)


def test_each_groups_share_of_the_plenum() -> None:
    assert plenum_time_per_group(5) == timedelta(minutes=5)
    assert plenum_time_per_group(15) == timedelta(seconds=100)
    with pytest.raises(ValueError):
        plenum_time_per_group(0)
