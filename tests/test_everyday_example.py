"""Everyday examples: reminder dates (the 31st, a leap day, DST, Easter, a weekend), obsolescence,
private notes and what the planning group sees."""
from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN
from bot.process.everyday_example import (
    EVERYDAY_EXAMPLE_KIND,
    NOTE_MAX_CHARS,
    ExampleNotes,
    NotesInvalid,
    NotesRefused,
    check_may_prepare,
    example_obsolete_reason,
    parse_notes,
    plan_example_reminders,
    planned_for,
    readiness,
)
from bot.process.invitation import Answer, DialogueDay

WINDOW = WorkingWindow()


def local(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def plan(day: date, invited_at: datetime, people=("u1",), **kwargs):
    return plan_example_reminders(dialogue_id="d1", team_id="team-1", day=DialogueDay(day, time(8, 0), "Lokale 2"),
                                  invitation_sent_at=invited_at, recipients=people, window=WINDOW, **kwargs)


def when(plans) -> list[tuple[int, datetime]]:
    return [(p.sequence, p.due_at) for p in plans]


def test_seven_and_two_working_days_before_a_day_on_the_31st() -> None:
    plans = plan(date(2026, 8, 31), local(2026, 8, 3, 14))  # Monday 31 August
    assert when(plans) == [(1, local(2026, 8, 20)), (2, local(2026, 8, 27))]  # Thursdays, 09:00
    assert plans[0].due_at == datetime(2026, 8, 20, 7, 0, tzinfo=timezone.utc)  # 09:00 CEST
    first = plans[0]
    assert (first.kind, first.team_id, first.round_id, first.recipient_id) == (EVERYDAY_EXAMPLE_KIND, "team-1", "d1", "u1")
    assert first.key == "everyday_example:d1:2026-08-31:u1:1" and planned_for(first.key) == date(2026, 8, 31)


def test_a_reminder_on_the_leap_day() -> None:
    plans = plan(date(2028, 3, 2), local(2028, 2, 1, 10))  # Thursday 2 March 2028
    assert when(plans) == [(1, local(2028, 2, 22)), (2, local(2028, 2, 29))]


def test_the_first_in_summer_time_the_last_in_winter_time() -> None:
    plans = plan(date(2026, 10, 29), local(2026, 10, 1, 10))  # clocks went back on Sunday 25 October
    assert when(plans) == [(1, local(2026, 10, 20)), (2, local(2026, 10, 27))]
    assert [p.due_at.hour for p in plans] == [7, 8]  # 09:00 CEST, then 09:00 CET


def test_easter_is_skipped() -> None:
    # Wednesday 31 March 2027: 2. påskedag, Påskedag, Langfredag and Skærtorsdag are not counted.
    assert when(plan(date(2027, 3, 31), local(2027, 3, 1, 10))) == [(1, local(2027, 3, 17)), (2, local(2027, 3, 24))]


def test_a_day_on_monday_is_reminded_before_the_weekend() -> None:
    assert when(plan(date(2026, 9, 14), local(2026, 8, 24, 10))) == [(1, local(2026, 9, 3)), (2, local(2026, 9, 10))]


def test_never_before_the_invitation_nor_on_its_day() -> None:
    day = date(2026, 9, 14)
    assert when(plan(day, local(2026, 9, 7, 10))) == [(2, local(2026, 9, 10))]  # a week before: the first had passed
    assert when(plan(day, local(2026, 9, 10, 7, 30))) == []  # invited the morning of the last reminder
    assert when(plan(day, local(2026, 9, 11, 10))) == []


def test_never_on_or_after_the_day_and_at_most_one_a_day() -> None:
    day = date(2026, 9, 14)
    assert when(plan(day, local(2026, 8, 3), days_before=(0,))) == []  # the day itself: never
    assert when(plan(day, local(2026, 8, 3), days_before=(2, 2))) == [(2, local(2026, 9, 10))]
    with pytest.raises(ValueError):
        plan(day, local(2026, 8, 3), days_before=(10, 7, 2))
    with pytest.raises(ValueError):
        plan(day, local(2026, 8, 3), days_before=(-1,))


def test_a_day_set_on_a_saturday_still_counts_working_days() -> None:
    assert when(plan(date(2026, 9, 19), local(2026, 8, 3))) == [(1, local(2026, 9, 10)), (2, local(2026, 9, 17))]


def test_each_person_once_and_keys_unique() -> None:
    plans = plan(date(2026, 9, 14), local(2026, 8, 3), people=[f"u{i}" for i in range(40)] + ["u3"])
    assert len(plans) == 80 and len({p.key for p in plans}) == 80


def test_obsolete_when_ready_cannot_come_moved_or_begun() -> None:
    day = DialogueDay(date(2026, 9, 14), time(8, 0), "Lokale 2")
    before = local(2026, 9, 10)
    assert example_obsolete_reason(day, planned_for=day.date, now=before, ready=False, answer=None) is None
    assert example_obsolete_reason(day, planned_for=day.date, now=before, ready=False, answer=Answer.COMING) is None
    assert example_obsolete_reason(day, planned_for=day.date, now=before, ready=True, answer=None) == "ready"
    assert example_obsolete_reason(day, planned_for=day.date, now=before, ready=False, answer=Answer.CANNOT_COME) == "cannot_come"
    assert example_obsolete_reason(day, planned_for=date(2026, 9, 7), now=before, ready=False, answer=None) == "day_moved"
    assert example_obsolete_reason(day, planned_for=day.date, now=day.starts_at, ready=False, answer=None) == "day_started"
    assert example_obsolete_reason(None, planned_for=day.date, now=before, ready=False, answer=None) == "day_missing"


def test_a_moved_day_plans_new_keys_so_the_old_rows_do_not_block_them() -> None:
    old = {p.key for p in plan(date(2026, 9, 14), local(2026, 8, 3))}
    new = {p.key for p in plan(date(2026, 9, 21), local(2026, 8, 3))}
    assert not old & new


def test_notes_are_optional_cleaned_and_limited() -> None:
    notes = parse_notes({"wellbeing_note": " Da vi fik ny kollega … 😊 \n\n\n\nDet virkede ", "leadership_note": None})
    assert notes == ExampleNotes("Da vi fik ny kollega … 😊\n\nDet virkede", "")
    assert parse_notes({}) == ExampleNotes()
    with pytest.raises(NotesInvalid) as refused:
        parse_notes({"wellbeing_note": "x" * (NOTE_MAX_CHARS + 1), "leadership_note": 7})
    assert [(e.field, e.code) for e in refused.value.errors] == [("wellbeing_note", "too_long"), ("leadership_note", "not_text")]


def test_who_may_prepare() -> None:
    check_may_prepare(invited=True, announced=True)
    with pytest.raises(NotesRefused, match="not_invited"):
        check_may_prepare(invited=False, announced=True)
    with pytest.raises(NotesRefused, match="no_themes"):
        check_may_prepare(invited=True, announced=False)


def test_the_planning_group_sees_counts_of_the_invited_only() -> None:
    seen = readiness(["a", "b", "c", "d"], ["a", "b", "gone"], {"a": Answer.COMING, "c": Answer.CANNOT_COME, "gone": Answer.COMING})
    assert (seen.invited, seen.ready, seen.coming, seen.cannot_come) == (4, 2, 1, 1)
