"""HR's overview across workplaces (step 14): the aggregation rules of bot/process/hr_overview.py."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from bot.process.calendar import WorkingWindow
from bot.process.follow_up import Status, StatusEntry
from bot.process.hr_overview import (NOT_REPORTED, FollowUpInputs, follow_up_inputs, hr_overview, latest_per_workplace,
                                     suppress, top_three)
from bot.process.organisation import Submission, SubmittedInitiative, SubmittedTheme
from bot.process.overview import DEFAULT_MIN_GROUP_SIZE, OTHER

NOW = datetime(2026, 12, 2, 9, tzinfo=timezone.utc)
CATALOGUE = {"wellbeing": ("w1", "w2", "w3", "w4"), "leadership": ("l1", "l2", "l3")}
OWN = {"wellbeing": "w-own", "leadership": "l-own"}


def sub(team: str, w: str, l: str, *, committee: str = "c-a", version: int = 1, asks: int = 0, at: datetime = NOW,
        initiatives: int = 2) -> Submission:
    items = tuple(SubmittedInitiative(id=f"i{n}", title=f"{team} {n}", needs_organisation=n < asks, ask=f"ask {team} {n}" if n < asks else "")
                  for n in range(max(initiatives, asks)))
    return Submission(committee_id=committee, team_id=team, dialogue_id=f"d-{team}", version=version, sent_at=at,
                      sent_by="u", plan_version=1, initiatives=items,
                      themes=(SubmittedTheme("wellbeing", w), SubmittedTheme("leadership", l)))


def overview(subs, *, follow_ups=None, min_group_size=DEFAULT_MIN_GROUP_SIZE, now=NOW):
    return hr_overview(subs, catalogue=CATALOGUE, own_ids=OWN, follow_ups=follow_ups or {}, now=now, min_group_size=min_group_size)


def counts(result) -> dict[str, int | None]:
    return {row.theme_id: row.workplaces for row in result.themes}


def test_counts_chosen_themes_per_kind_each_workplace_once():
    subs = [sub(f"t{n}", "w1" if n < 6 else "w2", "l1") for n in range(12)]
    result = overview(subs)
    assert result.workplaces == 12
    assert counts(result)["w1"] == 6 and counts(result)["w2"] == 6 and counts(result)["l1"] == 12
    assert counts(result)["w3"] == 0 and counts(result)["l2"] == 0


def test_a_workplace_that_resends_counts_once_with_its_latest_version():
    subs = [sub(f"t{n}", "w1", "l1") for n in range(5)]
    subs += [sub("t0", "w2", "l2", version=2, at=NOW + timedelta(hours=1))]
    result = overview(subs, min_group_size=1)
    assert result.workplaces == 5
    assert counts(result)["w1"] == 4 and counts(result)["w2"] == 1 and counts(result)["l2"] == 1


def test_a_moved_workplace_appears_under_the_committee_of_its_latest_send():
    first = sub("moved", "w1", "l1", committee="c-a", version=1, asks=1)
    again = sub("moved", "w1", "l1", committee="c-b", version=2, asks=1, at=NOW + timedelta(days=1))
    latest = latest_per_workplace([again, first])
    assert latest["moved"].committee_id == "c-b"
    result = overview([first, again], min_group_size=1)
    assert {g.committee_id for g in result.asks} == {"c-b"}
    assert result.workplaces == 1


def test_small_counts_are_hidden_and_cannot_be_worked_out_from_the_total():
    subs = [sub(f"a{n}", "w1", "l1") for n in range(10)] + [sub("b", "w2", "l1")]
    result = overview(subs)
    c = counts(result)
    assert c["w2"] is None  # 1 workplace: hidden
    assert c["w1"] is None  # 11 - w1 would give w2 back: hidden too
    assert c["l1"] == 11 and c["w3"] == 0


def test_suppress_hides_until_two_cells_hold_the_minimum():
    assert suppress({"a": 20, "b": 9, "c": 2}, 5, ("a", "b", "c")) == {"a": 20, "b": None, "c": None}
    assert suppress({"a": 20, "b": 9, "c": 0}, 5) == {"a": 20, "b": 9, "c": 0}
    assert suppress({"a": 1, "b": 1}, 5) == {"a": None, "b": None}


def test_nothing_is_ranked_before_enough_workplaces_sent_on():
    result = overview([sub(f"t{n}", "w1", "l1") for n in range(DEFAULT_MIN_GROUP_SIZE - 1)])
    assert result.workplaces is None and result.top == ()


def test_top_three_ties_share_a_place_and_all_tied_at_third_are_shown_in_catalogue_order():
    c = {("wellbeing", "w1"): 9, ("wellbeing", "w2"): 5, ("wellbeing", "w3"): 5,
         ("leadership", "l1"): 9, ("leadership", "l2"): 5, ("leadership", "l3"): 1}
    order = [("wellbeing", t) for t in CATALOGUE["wellbeing"]] + [("leadership", t) for t in CATALOGUE["leadership"]]
    assert top_three(c, order) == [(1, ("wellbeing", "w1")), (1, ("leadership", "l1")), (3, ("wellbeing", "w2")),
                                   (3, ("wellbeing", "w3")), (3, ("leadership", "l2"))]


def test_top_three_without_ties_and_with_a_tie_for_first():
    order = [("wellbeing", "w1"), ("wellbeing", "w2"), ("leadership", "l1"), ("leadership", "l2")]
    assert [p for p, _ in top_three({order[0]: 4, order[1]: 3, order[2]: 2, order[3]: 1}, order)] == [1, 2, 3]
    four = top_three({k: 7 for k in order}, order)
    assert [p for p, _ in four] == [1, 1, 1, 1] and [k for _, k in four] == order


def test_own_proposals_are_counted_but_never_placed():
    subs = [sub(f"t{n}", "w-own", "l1") for n in range(8)] + [sub(f"u{n}", "w2", "l2") for n in range(5)]
    result = overview(subs)
    assert counts(result)["w-own"] == 8
    assert all(t.theme_id != "w-own" for t in result.top)
    assert [t.theme_id for t in result.top] == ["l1", "w2", "l2"]


def test_asks_grouped_by_theme_and_committee_small_committees_merged_or_withheld():
    subs = [sub(f"a{n}", "w1", "l1", committee="c-a", asks=1) for n in range(5)]
    subs += [sub(f"b{n}", "w1", "l1", committee="c-b", asks=1) for n in range(3)]
    subs += [sub(f"c{n}", "w1", "l1", committee="c-c", asks=1) for n in range(2)]
    subs += [sub("d", "w2", "l1", committee="c-d", asks=2)]
    result = overview(subs)
    w1 = {g.committee_id: g for g in result.asks if g.theme_id == "w1"}
    assert set(w1) == {"c-a", OTHER}
    assert w1["c-a"].workplaces == 5 and len(w1["c-a"].asks) == 5
    assert w1[OTHER].workplaces == 5  # 3 + 2 merged
    l1 = {g.committee_id for g in result.asks if g.theme_id == "l1"}
    assert l1 == {"c-a", OTHER}  # c-d's one workplace merged with b and c
    assert result.asks_withheld  # w2: one workplace only
    assert all(g.theme_id != "w2" for g in result.asks)


def test_progress_counts_the_status_recorded_at_each_follow_up():
    window = WorkingWindow()
    adopted = datetime(2026, 3, 2, 10, tzinfo=timezone.utc)
    subs = [sub(f"t{n}", "w1", "l1") for n in range(5)]
    ups = {}
    for n, s in enumerate(subs):
        base = follow_up_inputs(adopted, (), window)
        three, six = base.moments[3], base.moments[6]
        entries = [StatusEntry(s.dialogue_id, "i0", Status.ON_TRACK, "", "u", three + timedelta(days=1)),
                   StatusEntry(s.dialogue_id, "i0", Status.DONE, "", "u", six + timedelta(days=1))]
        if n < 2:  # recorded before the 3-month follow-up: does not count for it
            entries.append(StatusEntry(s.dialogue_id, "i1", Status.OFF_TRACK, "", "u", three - timedelta(days=1)))
        ups[s.dialogue_id] = FollowUpInputs(base.moments, tuple(entries))
    result = overview(subs, follow_ups=ups, min_group_size=2)
    three, six = result.progress
    assert three.months == 3 and three.workplaces == 5
    assert three.statuses["on_track"] == 5 and three.statuses[NOT_REPORTED] == 5 and three.statuses["off_track"] == 0
    assert six.statuses["done"] == 5 and six.statuses[NOT_REPORTED] == 5


def test_progress_of_too_few_workplaces_is_hidden_and_future_follow_ups_not_counted():
    window = WorkingWindow()
    s = sub("t", "w1", "l1")
    inputs = follow_up_inputs(datetime(2026, 10, 1, tzinfo=timezone.utc), (), window)
    result = overview([s], follow_ups={s.dialogue_id: inputs}, now=inputs.moments[3] + timedelta(hours=1))
    three, six = result.progress
    assert three.workplaces is None and set(three.statuses.values()) == {None}
    assert six.workplaces == 0


def test_minimum_group_size_must_be_positive():
    with pytest.raises(ValueError):
        overview([], min_group_size=0)
