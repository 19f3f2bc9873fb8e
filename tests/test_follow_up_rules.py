"""The follow-up and send-on rules (steps 12-13) with a fixed clock: dates, run-up, nudges, obsolescence."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.process.calendar import WorkingWindow, is_working_moment
from bot.process.clock import COPENHAGEN
from bot.process.development_plan import DevelopmentPlan, Initiative, Milestone, Phase
from bot.process.follow_up import (
    FOLLOW_UP_DUE_KIND, MILESTONE_NUDGE_KIND, NUDGE_CAP, SEND_ON_DUE_KIND, SEND_ON_NOW, SentOn, Status, StatusEntry,
    current_follow_up, follow_up_obsolete_reason, follow_up_recorded, may_mark_milestone, member_rows, nudge_obsolete_reason,
    organisation_initiatives, parse_nudge_key, plan_after_adoption, send_on_obsolete_reason,
)

W = WorkingWindow()
UTC = timezone.utc


def local(y: int, m: int, d: int, hh: int = 10, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=COPENHAGEN).astimezone(UTC)


def plan(adopted: datetime, *, milestones: tuple[Milestone, ...] = (), owner: str | None = "u-owner") -> DevelopmentPlan:
    initiatives = (
        Initiative("i1", "Ny mødestruktur", "fordi", milestones=milestones, owner_id=owner, owner_name="Ole"),
        Initiative("i2", "Ugebrev", "fordi", needs_organisation=True, ask="Skabelon fra HR"),
    )
    return DevelopmentPlan("d1", initiatives, version=3, edited_by="u1", edited_at=adopted, adopted_at=adopted, adopted_by="u1")


def rows_of(rows, kind):
    return [r for r in rows if r.kind == kind]


def follow_up_dates(adopted: datetime) -> list[date]:
    rows = rows_of(plan_after_adoption(plan(adopted), team_id="t1", cycle=2026, window=W, now=adopted), FOLLOW_UP_DUE_KIND)
    return [r.due_at.astimezone(COPENHAGEN).date() for r in rows]


@pytest.mark.parametrize("adopted, expected", [
    # the 31st: 3 months clamps to 30 Nov; 6 months to 28 Feb 2027, a Sunday -> Monday 1 March
    (local(2026, 8, 31), [date(2026, 11, 30), date(2027, 3, 1)]),
    # in February's shadow: 30 Nov + 3 months = 28 Feb 2027 (Sunday) -> 1 March; + 6 = 30 May 2027 (Sunday) -> 31 May
    (local(2026, 11, 30), [date(2027, 3, 1), date(2027, 5, 31)]),
    # the leap day: 29 Feb 2028 + 3 = 29 May (Monday); + 6 = 29 August (Tuesday), never 28 Aug
    (local(2028, 2, 29), [date(2028, 5, 29), date(2028, 8, 29)]),
    # before a holiday: 24 Dec 2027 is juleaftensdag (Friday) -> Monday 27 Dec; 24 Mar 2028 a Friday
    (local(2027, 9, 24), [date(2027, 12, 27), date(2028, 3, 24)]),
    # on a weekend: adopted Friday 5 Sep 2025 -> 5 Dec 2025 (Friday), 5 Mar 2026 (Thursday)
    (local(2025, 9, 5), [date(2025, 12, 5), date(2026, 3, 5)]),
])
def test_follow_up_days_from_adoption(adopted: datetime, expected: list[date]) -> None:
    assert follow_up_dates(adopted) == expected


def test_follow_ups_open_at_nine_copenhagen_across_dst() -> None:
    summer = local(2026, 10, 1)  # CEST at adoption
    rows = rows_of(plan_after_adoption(plan(summer), team_id="t1", cycle=2026, window=W, now=summer), FOLLOW_UP_DUE_KIND)
    # 1 Jan 2027 is Nytårsdag -> 4 Jan (Monday), 09:00 CET = 08:00 UTC; 1 Apr 2027 is CEST -> 07:00 UTC
    assert [r.due_at for r in rows] == [datetime(2027, 1, 4, 8, tzinfo=UTC), datetime(2027, 4, 1, 7, tzinfo=UTC)]
    assert [r.sequence for r in rows] == [3, 6]
    assert all(r.recipient_id == "t1" and r.round_id == "d1" for r in rows)


def run_up(adopted: datetime, cycle: int = 2026) -> list:
    return rows_of(plan_after_adoption(plan(adopted), team_id="t1", cycle=cycle, window=W, now=adopted), SEND_ON_DUE_KIND)


def test_run_up_of_a_plan_adopted_in_september() -> None:
    rows = run_up(local(2026, 9, 20))
    assert [r.sequence for r in rows] == [30, 14, 7, 1]
    days = [r.due_at.astimezone(COPENHAGEN).date() for r in rows]
    # 1 Dec 2026 is a Tuesday; 1 working day before is Monday 30 Nov, 7 is Friday 20 Nov
    assert days[2:] == [date(2026, 11, 20), date(2026, 11, 30)]
    assert days[0] == date(2026, 10, 20) and days[1] == date(2026, 11, 11)
    assert all(is_working_moment(r.due_at, W) for r in rows)
    assert len({r.key for r in rows}) == 4


def test_a_plan_adopted_late_in_november_starts_the_run_up_late() -> None:
    # 10:00 on 20 Nov: the 7-day reminder's moment (09:00 that day) has passed -> skipped, not bunched
    rows = run_up(local(2026, 11, 20, 10))
    assert [(r.sequence, r.due_at) for r in rows] == [(1, local(2026, 11, 30, 9))]


def test_adopted_on_the_deadline_day_sends_one_row_at_once() -> None:
    now = local(2026, 12, 1, 11)
    rows = run_up(now)
    assert [(r.sequence, r.due_at) for r in rows] == [(SEND_ON_NOW, now)]


def test_adopted_after_1_december_sends_one_row_at_the_next_opening() -> None:
    now = local(2026, 12, 4, 17)  # Friday evening
    rows = run_up(now)
    assert [(r.sequence, r.due_at) for r in rows] == [(SEND_ON_NOW, local(2026, 12, 7, 9))]


def test_1_december_on_a_weekend() -> None:
    rows = run_up(local(2029, 9, 3), cycle=2029)  # 1 Dec 2029 is a Saturday: the deadline is Friday 30 Nov
    days = [r.due_at.astimezone(COPENHAGEN).date() for r in rows]
    assert days[-1] == date(2029, 11, 29)
    assert days[-2] == date(2029, 11, 21)


def test_milestone_nudges_are_capped_and_skip_done_and_ownerless() -> None:
    adopted = local(2026, 10, 1)
    ms = (Milestone("m1", Phase.PLANNING, "Plan", date(2026, 11, 6)),  # Friday
          Milestone("m2", Phase.EXECUTION, "Gør det", date(2027, 1, 15), done_at=adopted))
    rows = rows_of(plan_after_adoption(plan(adopted, milestones=ms), team_id="t1", cycle=2026, window=W, now=adopted),
                   MILESTONE_NUDGE_KIND)
    assert len(rows) == NUDGE_CAP == 2
    assert [r.due_at for r in rows] == [local(2026, 11, 9, 9), local(2026, 11, 16, 9)]
    assert {r.recipient_id for r in rows} == {"u-owner"}
    assert parse_nudge_key(rows[0].key).milestone_id == "m1"
    assert rows_of(plan_after_adoption(plan(adopted, milestones=ms, owner=None), team_id="t1", cycle=2026, window=W, now=adopted),
                   MILESTONE_NUDGE_KIND) == []
    # adopted after the first nudge's moment: only the second is left
    late = local(2026, 11, 10)
    assert len(rows_of(plan_after_adoption(plan(late, milestones=ms), team_id="t1", cycle=2026, window=W, now=late),
                       MILESTONE_NUDGE_KIND)) == 1


def test_planning_twice_adds_the_same_keys() -> None:
    adopted = local(2026, 9, 20)
    a = plan_after_adoption(plan(adopted), team_id="t1", cycle=2026, window=W, now=adopted)
    b = plan_after_adoption(plan(adopted), team_id="t1", cycle=2026, window=W, now=adopted + timedelta(minutes=5))
    assert [r.key for r in a] == [r.key for r in b]


def test_follow_up_is_obsolete_once_every_initiative_has_a_status_since_its_day() -> None:
    adopted = local(2026, 9, 20)
    p = plan(adopted)
    since = local(2026, 12, 21, 9)
    old = StatusEntry("d1", "i1", Status.ON_TRACK, "", "u1", since - timedelta(days=1))
    new1 = StatusEntry("d1", "i1", Status.OFF_TRACK, "travlt", "u1", since + timedelta(hours=1))
    new2 = StatusEntry("d1", "i2", Status.DONE, "", "u2", since + timedelta(hours=2))
    assert follow_up_obsolete_reason(p, [old, new2], since=since) is None
    assert not follow_up_recorded(p, [old, new2], since)
    assert follow_up_obsolete_reason(p, [old, new1, new2], since=since) == "recorded"
    assert follow_up_obsolete_reason(None, [], since=since) == "no_adopted_plan"


def test_current_follow_up() -> None:
    p = plan(local(2026, 9, 20))  # 21 Dec 2026 and 22 Mar 2027 (20 Sep + 3 = 20 Dec Sunday -> 21st)
    assert current_follow_up(p, W, local(2026, 12, 18)) is None
    assert current_follow_up(p, W, local(2026, 12, 21, 9)) == 3
    assert current_follow_up(p, W, local(2027, 3, 22, 10)) == 6


def test_send_on_and_nudge_obsolescence() -> None:
    adopted = local(2026, 10, 1)
    ms = (Milestone("m1", Phase.PLANNING, "Plan", date(2026, 11, 6)),)
    p = plan(adopted, milestones=ms)
    assert send_on_obsolete_reason(p, None) is None
    assert send_on_obsolete_reason(p, SentOn("d1", adopted, "u1", 3)) == "sent_on"
    target = parse_nudge_key(f"{MILESTONE_NUDGE_KIND}:d1:i1:m1:2026-11-06:1")
    assert nudge_obsolete_reason(p, target, recipient_id="u-owner", done={}) is None
    assert nudge_obsolete_reason(p, target, recipient_id="u-owner", done={("i1", "m1"): adopted}) == "milestone_done"
    assert nudge_obsolete_reason(p, target, recipient_id="someone-else", done={}) == "owner_changed"
    moved = parse_nudge_key(f"{MILESTONE_NUDGE_KIND}:d1:i1:m1:2026-11-05:1")
    assert nudge_obsolete_reason(p, moved, recipient_id="u-owner", done={}) == "milestone_moved"
    assert nudge_obsolete_reason(p, parse_nudge_key("garbage"), recipient_id="u-owner", done={}) == "bad_key"


def test_who_may_mark_and_what_is_highlighted() -> None:
    p = plan(local(2026, 10, 1))
    assert may_mark_milestone("u-owner", ["u1"], p.initiatives[0])
    assert may_mark_milestone("u1", ["u1"], p.initiatives[1])
    assert not may_mark_milestone("u-owner", ["u1"], p.initiatives[1])
    assert [i.id for i in organisation_initiatives(p)] == ["i2"]
    rows = member_rows("follow_up_card", "d1", "t1", 3, ["a", "b", "a"], local(2026, 12, 21))
    assert [r.recipient_id for r in rows] == ["a", "b"]
