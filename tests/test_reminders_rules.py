"""The pure reminder rules: when nomination reminders are planned, and when they are obsolete."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.clock import COPENHAGEN
from bot.process.nomination import NOMINATION_KIND, nomination_obsolete_reason, plan_nomination_reminders
from bot.process.reminders import superseded
from bot.process.nomination import Round
from bot.process.plan import end_of_local_day

WINDOW = WorkingWindow()


def local(y, m, d, hh=9, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(timezone.utc)


def a_round(deadline: date, opened_at: datetime = local(2026, 9, 1, 10), *, closed_at=None) -> Round:
    return Round(
        id="r1", team_id="team-1", opened_by="u0", opened_at=opened_at, deadline_at=end_of_local_day(deadline),
        contact_name="Kim", named_mode=False, closed_at=closed_at,
    )


def when(plans) -> list[tuple[int, datetime]]:
    return [(p.sequence, p.due_at) for p in plans]


def test_five_and_one_working_days_before_at_the_window_opening():
    plans = plan_nomination_reminders(a_round(date(2026, 10, 2)), ["u1"], WINDOW)  # deadline Friday
    assert when(plans) == [(1, local(2026, 9, 25)), (2, local(2026, 10, 1))]  # Friday before, Thursday
    assert plans[0].due_at == datetime(2026, 9, 25, 7, 0, tzinfo=timezone.utc)  # 09:00 CEST
    first = plans[0]
    assert (first.kind, first.team_id, first.round_id, first.recipient_id) == (NOMINATION_KIND, "team-1", "r1", "u1")
    assert first.key == "nomination:r1:u1:1:2026-10-02"  # the deadline it was planned for


def test_deadline_on_monday_is_reminded_on_the_friday_before():
    plans = plan_nomination_reminders(a_round(date(2026, 10, 5)), ["u1"], WINDOW)
    assert when(plans) == [(1, local(2026, 9, 28)), (2, local(2026, 10, 2))]


def test_deadline_after_easter_skips_the_holidays_and_uses_winter_time():
    # Tuesday 30 March 2027: 2. påskedag, Påskedag, Langfredag and Skærtorsdag are days off.
    rnd = a_round(date(2027, 3, 30), opened_at=local(2027, 3, 1, 10))
    plans = plan_nomination_reminders(rnd, ["u1"], WINDOW)
    assert when(plans) == [(1, local(2027, 3, 18)), (2, local(2027, 3, 24))]
    assert plans[1].due_at == datetime(2027, 3, 24, 8, 0, tzinfo=timezone.utc)  # 09:00 CET


def test_round_opened_two_days_before_the_deadline_gets_only_the_last_call():
    rnd = a_round(date(2026, 10, 2), opened_at=local(2026, 9, 30, 10))
    plans = plan_nomination_reminders(rnd, ["u1", "u2"], WINDOW)
    assert when(plans) == [(2, local(2026, 10, 1))] * 2
    assert [p.key for p in plans] == ["nomination:r1:u1:2:2026-10-02", "nomination:r1:u2:2:2026-10-02"]


def test_no_reminder_on_the_day_the_round_opened_even_before_nine():
    rnd = a_round(date(2026, 10, 2), opened_at=local(2026, 10, 1, 7, 30))
    assert plan_nomination_reminders(rnd, ["u1"], WINDOW) == []


def test_never_two_on_the_same_day_and_never_more_than_two():
    assert when(plan_nomination_reminders(a_round(date(2026, 10, 2)), ["u1"], WINDOW, days_before=(1, 1))) == [(2, local(2026, 10, 1))]
    with pytest.raises(ValueError):
        plan_nomination_reminders(a_round(date(2026, 10, 2)), ["u1"], WINDOW, days_before=(10, 5, 1))


def test_keys_are_unique_and_each_person_counted_once():
    people = [f"29:user-{i}" for i in range(50)] + ["29:user-3"]
    plans = plan_nomination_reminders(a_round(date(2026, 10, 2)), people, WINDOW)
    assert len(plans) == 100
    assert len({p.key for p in plans}) == 100
    per_person: dict[str, int] = {}
    for p in plans:
        per_person[p.recipient_id] = per_person.get(p.recipient_id, 0) + 1
    assert set(per_person.values()) == {2}


def test_planning_is_deterministic():
    rnd = a_round(date(2026, 10, 2))
    assert plan_nomination_reminders(rnd, ["u1", "u2"], WINDOW) == plan_nomination_reminders(rnd, ["u1", "u2"], WINDOW)


def test_obsolete_when_answered_closed_or_past_deadline():
    rnd = a_round(date(2026, 10, 2))
    before = local(2026, 10, 1)
    assert nomination_obsolete_reason(rnd, now=before, has_nominated=False) is None
    assert nomination_obsolete_reason(rnd, now=before, has_nominated=True) == "nominated"
    assert nomination_obsolete_reason(rnd, now=rnd.deadline_at, has_nominated=False) == "past_deadline"
    closed = a_round(date(2026, 10, 2), closed_at=before - timedelta(hours=1))
    assert nomination_obsolete_reason(closed, now=before, has_nominated=False) == "round_closed"
    assert nomination_obsolete_reason(None, now=before, has_nominated=False) == "round_missing"


@dataclass
class Row:
    id: int
    recipient_id: str
    sequence: int
    kind: str = NOMINATION_KIND
    round_id: str = "r1"


def test_an_earlier_reminder_is_superseded_by_a_later_one_due_at_the_same_time():
    rows = [Row(1, "u1", 1), Row(2, "u1", 2), Row(3, "u2", 1), Row(4, "u3", 2), Row(5, "u3", 1), Row(6, "u1", 1, round_id="r2")]
    assert superseded(rows) == {1, 5}


# -- re-planned after the deadline moved, invitations --------------------------------------------
def test_replanned_reminders_carry_the_new_deadline_and_skip_the_day_of_the_extension():
    from dataclasses import replace as changed

    rnd = a_round(date(2026, 10, 2))
    extended = changed(rnd, deadline_at=end_of_local_day(date(2026, 10, 9)))  # a Friday, one week later
    plans = plan_nomination_reminders(extended, ["u1"], WINDOW, since=local(2026, 10, 2, 11))
    # 5 working days before 9 October is Friday 2 October: the day of the extension itself, so
    # only the last call remains; its key differs from the dropped one of the old deadline.
    assert when(plans) == [(2, local(2026, 10, 8))]
    assert plans[0].key == "nomination:r1:u1:2:2026-10-09"
    old = {p.key for p in plan_nomination_reminders(rnd, ["u1"], WINDOW)}
    assert not old & {p.key for p in plans}


def test_a_reminder_planned_for_an_old_deadline_is_obsolete():
    from dataclasses import replace as changed

    rnd = changed(a_round(date(2026, 10, 2)), deadline_at=end_of_local_day(date(2026, 10, 9)))
    before = local(2026, 10, 5)
    assert nomination_obsolete_reason(rnd, now=before, has_nominated=False, key="nomination:r1:u1:2:2026-10-02") == "deadline_moved"
    assert nomination_obsolete_reason(rnd, now=before, has_nominated=False, key="nomination:r1:u1:2:2026-10-09") is None
    # A key from before deadlines could move names no date: it still counts.
    assert nomination_obsolete_reason(rnd, now=before, has_nominated=False, key="nomination:r1:u1:2") is None


def test_one_invitation_per_person_and_round_due_now_and_obsolete_when_no_longer_wanted():
    from bot.process.invitees import INVITATION_KIND, invitation_obsolete_reason, plan_invitations, plan_round_started

    rnd = a_round(date(2026, 10, 2))
    now = local(2026, 9, 1, 10)
    plans = plan_invitations(rnd, ["u1", "u2", "u1"], now)
    assert [(p.key, p.kind, p.due_at) for p in plans] == [
        ("invitation:r1:u1", INVITATION_KIND, now), ("invitation:r1:u2", INVITATION_KIND, now),
    ]
    assert plan_round_started(rnd, "19:chan;messageid=7", now).key == "round-started:r1"
    assert invitation_obsolete_reason(rnd, now=now, invited=True) is None
    assert invitation_obsolete_reason(rnd, now=now, invited=False) == "not_invited"
    assert invitation_obsolete_reason(rnd, now=rnd.deadline_at, invited=True) == "round_closed"
    assert invitation_obsolete_reason(None, now=now, invited=True) == "round_missing"

