"""The leader's own loop and step 9, as pure rules with a fixed clock: when the leader is reminded
(weekends, holidays, summer and winter time, a day that moves, the cap), when a reminder has become
pointless, who gets it while no leader is named, the development areas (at most 3), the feedback,
and step 9's nameless answers."""
from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN, FixedClock
from bot.process.invitation import DialogueDay
from bot.process.immediate_follow_up import (
    IMMEDIATE_ASK_KIND, ImmediateInvalid, ImmediateRefused, check_may_answer_immediate, immediate_obsolete_reason, parse_immediate,
    plan_immediate_asks, summarise_immediate,
)
from bot.process.leader_loop import (
    LEADER, LEADER_FEEDBACK_KIND, LEADER_IMMEDIATE_KIND, LEADER_PREPARE_KIND, MAX_AREAS, DevelopmentArea, Feedback, Leader,
    LeaderInvalid, LeaderLoop, check_areas, leader_obsolete_reason, parse_areas, parse_feedback, plan_after_adoption,
    plan_leader_reminders, planned_for, post_refused, recipient_obsolete_reason, stage, working_days_after,
)

WINDOW = WorkingWindow()
DAY = DialogueDay(date(2026, 9, 17), time(8, 0), "Mødelokale 2")  # a Thursday


def local(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def plan(day: DialogueDay = DAY, planned_at: datetime | None = None, members=("u-bo",), **kwargs):
    clock = FixedClock(planned_at or local(2026, 9, 1, 10))
    return plan_leader_reminders(dialogue_id="d1", team_id="t1", day=day, planned_at=clock.now(), planning_group=members,
                                 window=WINDOW, **kwargs)


def moments(plans, recipient: str = LEADER) -> list[tuple[str, int, datetime]]:
    return [(p.kind, p.sequence, p.due_at) for p in plans if p.recipient_id == recipient]


def test_before_right_after_and_three_feedback_reminders_across_the_change_to_winter_time() -> None:
    plans = plan()
    assert moments(plans) == [
        (LEADER_PREPARE_KIND, 1, local(2026, 9, 10)),  # 5 working days before Thursday 17 September
        (LEADER_IMMEDIATE_KIND, 1, local(2026, 9, 18)),  # the first working day after
        (LEADER_FEEDBACK_KIND, 1, local(2026, 9, 24)),  # 5 working days after
        (LEADER_FEEDBACK_KIND, 2, local(2026, 10, 8)),  # 15
        (LEADER_FEEDBACK_KIND, 3, local(2026, 10, 29)),  # 30: after summer time ended on 25 October
    ]
    assert local(2026, 9, 10) == datetime(2026, 9, 10, 7, 0, tzinfo=timezone.utc)  # 09:00 CEST
    assert local(2026, 10, 29) == datetime(2026, 10, 29, 8, 0, tzinfo=timezone.utc)  # 09:00 CET
    # Each stage once more for the planning-group member, should no leader be named by then.
    assert moments(plans, "u-bo") == moments(plans) and len(plans) == 10 and len({p.key for p in plans}) == 10
    assert plans[0].key == "leader_prepare:d1:2026-09-17:leader:1" and planned_for(plans[0].key) == DAY.date
    assert all(p.round_id == "d1" and p.team_id == "t1" for p in plans)


def test_easter_and_weekends_are_not_working_days() -> None:
    wednesday_before_easter = DialogueDay(date(2026, 4, 1), time(8, 0))
    got = moments(plan(wednesday_before_easter, local(2026, 3, 2)))
    assert got[0] == (LEADER_PREPARE_KIND, 1, local(2026, 3, 25))  # still winter time: 08:00 UTC
    assert got[0][2].hour == 8
    # Skærtorsdag, langfredag, the weekend and 2. påskedag: the Tuesday after, in summer time.
    assert got[1] == (LEADER_IMMEDIATE_KIND, 1, local(2026, 4, 7)) and got[1][2].hour == 7
    friday = DialogueDay(date(2026, 10, 2), time(8, 0))
    assert moments(plan(friday))[1] == (LEADER_IMMEDIATE_KIND, 1, local(2026, 10, 5))  # Monday
    assert working_days_after(date(2026, 12, 22), 3, WINDOW) == date(2026, 12, 29)  # 24th-27th off; 28th, 29th


def test_a_late_plan_prepares_at_the_next_opening_but_never_on_the_day() -> None:
    assert moments(plan(planned_at=local(2026, 9, 16, 12)))[0] == (LEADER_PREPARE_KIND, 1, local(2026, 9, 16, 12))
    assert moments(plan(planned_at=local(2026, 9, 16, 17)))[0][0] == LEADER_IMMEDIATE_KIND  # next opening is the day itself
    assert moments(plan(planned_at=local(2026, 9, 12, 11)))[0] == (LEADER_PREPARE_KIND, 1, local(2026, 9, 14))  # Saturday: Monday


def test_the_cap_and_a_day_that_moves() -> None:
    with pytest.raises(ValueError):
        plan(feedback_days_after=(1, 2, 3, 4))
    with pytest.raises(ValueError):
        plan(prepare_days_before=0)
    assert [s for k, s, _ in moments(plan(feedback_days_after=(10, 5, 5)))] == [1, 1, 1, 2]  # sorted, once each
    moved = DialogueDay(date(2026, 9, 24), time(8, 0))
    new_keys = {p.key for p in plan(moved)}
    assert not new_keys & {p.key for p in plan()}  # new rows, the old ones blocked nothing
    now = local(2026, 9, 10)
    assert leader_obsolete_reason(LEADER_PREPARE_KIND, day=moved, planned_for=DAY.date, now=now, loop=None) == "day_moved"
    assert leader_obsolete_reason(LEADER_PREPARE_KIND, day=None, planned_for=DAY.date, now=now, loop=None) == "day_missing"
    assert leader_obsolete_reason(LEADER_PREPARE_KIND, day=moved, planned_for=moved.date, now=now, loop=None) is None


def test_obsolete_once_begun_asked_or_done() -> None:
    day, after = DAY, local(2026, 9, 24)
    assert leader_obsolete_reason(LEADER_PREPARE_KIND, day=day, planned_for=day.date, now=day.starts_at, loop=None) == "day_started"
    asked = LeaderLoop("d1", asked_at=after)
    done = LeaderLoop("d1", done_at=after)
    assert leader_obsolete_reason(LEADER_IMMEDIATE_KIND, day=day, planned_for=day.date, now=after, loop=None) is None
    assert leader_obsolete_reason(LEADER_IMMEDIATE_KIND, day=day, planned_for=day.date, now=after, loop=asked) == "asked"
    assert leader_obsolete_reason(LEADER_IMMEDIATE_KIND, day=day, planned_for=day.date, now=after, loop=done) == "done"
    assert leader_obsolete_reason(LEADER_FEEDBACK_KIND, day=day, planned_for=day.date, now=after, loop=asked) is None
    assert leader_obsolete_reason(LEADER_FEEDBACK_KIND, day=day, planned_for=day.date, now=after, loop=done) == "done"


def test_until_a_leader_is_named_the_planning_group_is_asked_to_name_one() -> None:
    lea = Leader("u-lea", "Lea Leder")
    assert recipient_obsolete_reason(LEADER, leader=None, planning_group=["u-bo"]) == "no_leader"
    assert recipient_obsolete_reason(LEADER, leader=lea, planning_group=["u-bo"]) is None
    assert recipient_obsolete_reason("u-bo", leader=None, planning_group=["u-bo"]) is None
    assert recipient_obsolete_reason("u-bo", leader=lea, planning_group=["u-bo"]) == "leader_named"
    assert recipient_obsolete_reason("u-gone", leader=None, planning_group=["u-bo"]) == "not_planning_group"
    assert plan_after_adoption(object(), team_id="t1", window=WINDOW, now=local(2026, 10, 1)) == []


def test_stage_follows_the_start_of_the_day() -> None:
    assert stage(None, local(2026, 9, 1)) == "no_day"
    assert stage(DAY, local(2026, 9, 17, 7, 59)) == "before"
    assert stage(DAY, local(2026, 9, 17, 8, 0)) == "after"


def test_at_most_three_development_areas_each_with_its_next_step() -> None:
    values = {"area_1_title": " Lytte mere ", "area_1_next_step": "Spørge før jeg svarer", "area_3_title": "Tydelighed",
              "area_2_title": "", "area_2_next_step": ""}
    assert parse_areas(values) == (DevelopmentArea("Lytte mere", "Spørge før jeg svarer"), DevelopmentArea("Tydelighed", ""))
    with pytest.raises(LeaderInvalid) as many:
        parse_areas({**values, "area_4_title": "Fjerde"})
    assert many.value.errors[0].code == "too_many" and many.value.errors[0].limit == MAX_AREAS
    with pytest.raises(LeaderInvalid) as no_title:
        parse_areas({"area_2_next_step": "Et skridt uden område"})
    assert (no_title.value.errors[0].field, no_title.value.errors[0].code) == ("area_2_title", "required")
    with pytest.raises(LeaderInvalid) as long:
        parse_areas({"area_1_title": "x" * 201})
    assert long.value.errors[0].code == "too_long"
    with pytest.raises(LeaderInvalid):
        check_areas(tuple(DevelopmentArea(f"A{i}", "") for i in range(4)))


def test_feedback_parts_and_posting_needs_some_feedback() -> None:
    feedback = parse_feedback({"feedback_thanks": "Tak for jeres bidrag", "feedback_follow_up": "Til december"})
    assert feedback == Feedback("Tak for jeres bidrag", "", "", "Til december") and not feedback.is_empty
    assert post_refused(None) == "no_feedback" and post_refused(LeaderLoop("d1")) == "no_feedback"
    assert post_refused(LeaderLoop("d1", feedback=feedback)) is None


def test_step_nine_question_answers_and_their_nameless_summary() -> None:
    now = local(2026, 9, 21)
    with pytest.raises(ImmediateRefused, match="not_attendee"):
        check_may_answer_immediate("u-x", attendees={"u-bo"}, day=DAY, now=now)
    with pytest.raises(ImmediateRefused, match="not_yet"):
        check_may_answer_immediate("u-bo", attendees={"u-bo"}, day=DAY, now=local(2026, 9, 17, 7))
    with pytest.raises(ImmediateRefused, match="closed"):
        check_may_answer_immediate("u-bo", attendees={"u-bo"}, day=DAY, now=local(2026, 10, 20))
    check_may_answer_immediate("u-bo", attendees={"u-bo"}, day=DAY, now=now)
    assert parse_immediate({"immediate_answer": "  Sige godmorgen  "}) == "Sige godmorgen"
    with pytest.raises(ImmediateInvalid):
        parse_immediate({"immediate_answer": "   "})
    rows = plan_immediate_asks("d1", team_id="t1", attendees={"u-erik", "u-bo"}, now=now)
    assert [(r.key, r.kind, r.recipient_id) for r in rows] == [
        ("immediate_ask:d1:u-bo", IMMEDIATE_ASK_KIND, "u-bo"), ("immediate_ask:d1:u-erik", IMMEDIATE_ASK_KIND, "u-erik")]
    assert immediate_obsolete_reason(day=DAY, attendee=True, answered=True, now=now) == "answered"
    assert immediate_obsolete_reason(day=DAY, attendee=False, answered=False, now=now) == "not_attendee"
    assert immediate_obsolete_reason(day=None, attendee=True, answered=False, now=now) == "no_day"
    assert immediate_obsolete_reason(day=DAY, attendee=True, answered=False, now=now) is None
    few = summarise_immediate({"u1": "b", "u2": "a"}, min_count=3)
    assert (few.respondents, few.shown, few.answers) == (2, False, ())
    many = summarise_immediate({"u1": "c", "u2": "a", "u3": "b"}, min_count=3)
    assert (many.respondents, many.shown, many.answers) == (3, True, ("a", "b", "c"))
    with pytest.raises(ValueError):
        summarise_immediate({}, min_count=0)
