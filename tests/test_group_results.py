"""Group results: the flip-chart's 2 key points and 2 desired actions, who may enter them, the plenum view."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from bot.process.concept import Kind
from bot.process.group_results import (
    ENTRY_MAX_CHARS,
    ResultsInput,
    ResultsInvalid,
    ResultsRefused,
    check_may_enter,
    parse_results,
    plenum_view,
    record,
)
from bot.process.grouping import form_groups
from bot.process.invitation import DialogueDay

W, L = Kind.WELLBEING, Kind.LEADERSHIP
DAY = DialogueDay(date(2026, 9, 17), time(8, 0), "Lokale 2")
GROUPING = form_groups([f"u{i}" for i in range(14)], seed=1)
AT_NINE = datetime(2026, 9, 17, 7, 0, tzinfo=timezone.utc)  # 09:00 CEST


def values(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {"key_point_1": "Vi hjælper hinanden", "key_point_2": "Nye kolleger mangler en plan",
                               "desired_action_1": "Fast makker til nye kolleger", "desired_action_2": "Tavlemøde hver mandag"}
    base.update(overrides)
    return base


def test_two_key_points_and_two_desired_actions() -> None:
    entered = parse_results(values())
    assert entered.key_points == ("Vi hjælper hinanden", "Nye kolleger mangler en plan")
    assert entered.desired_actions == ("Fast makker til nye kolleger", "Tavlemøde hver mandag")


def test_one_of_each_is_enough_and_headings_keep_their_lines() -> None:
    entered = parse_results(values(key_point_1="", key_point_2="Overskrift\n- post-it", desired_action_2=None))
    assert entered == ResultsInput(("Overskrift\n- post-it",), ("Fast makker til nye kolleger",))


def test_every_problem_at_once() -> None:
    with pytest.raises(ResultsInvalid) as refused:
        parse_results({"key_point_1": "x" * (ENTRY_MAX_CHARS + 1), "desired_action_1": " ", "desired_action_2": 3})
    assert [(e.field, e.code) for e in refused.value.errors] == [("key_point_1", "too_long"), ("desired_action_2", "not_text")]
    with pytest.raises(ResultsInvalid) as refused:
        parse_results({})
    assert [(e.field, e.code) for e in refused.value.errors] == [("key_point_1", "required"), ("desired_action_1", "required")]


def test_only_members_of_that_group_in_that_round_once_it_has_begun() -> None:
    member = GROUPING.wellbeing[1][0]
    check_may_enter(member, grouping=GROUPING, kind=W, group=2, day=DAY, now=AT_NINE)
    with pytest.raises(ResultsRefused, match="not_in_group"):
        check_may_enter(member, grouping=GROUPING, kind=W, group=1, day=DAY, now=AT_NINE)
    with pytest.raises(ResultsRefused, match="not_in_group"):  # the planning group is no exception
        check_may_enter("leader", grouping=GROUPING, kind=W, group=2, day=DAY, now=AT_NINE)
    with pytest.raises(ResultsRefused, match="not_yet"):  # the leadership round begins at 09:35
        check_may_enter(GROUPING.leadership[0][0], grouping=GROUPING, kind=L, group=1, day=DAY, now=AT_NINE)
    check_may_enter(GROUPING.leadership[0][0], grouping=GROUPING, kind=L, group=1, day=DAY, now=AT_NINE + timedelta(minutes=35))
    with pytest.raises(ResultsRefused, match="no_grouping"):
        check_may_enter(member, grouping=None, kind=W, group=2, day=DAY, now=AT_NINE)


def test_a_correction_is_a_new_version_and_the_same_entry_twice_is_one() -> None:
    first = record(None, parse_results(values()), dialogue_id="d1", kind=W, group=2, sender="u1", now=AT_NINE)
    assert (first.version, first.entered_by) == (1, "u1")
    assert record(first, parse_results(values()), dialogue_id="d1", kind=W, group=2, sender="u2", now=AT_NINE) is first
    corrected = record(first, parse_results(values(desired_action_2="Tavlemøde hver tirsdag")), dialogue_id="d1", kind=W,
                       group=2, sender="u2", now=AT_NINE + timedelta(minutes=3))
    assert (corrected.version, corrected.entered_by, corrected.desired_actions[1]) == (2, "u2", "Tavlemøde hver tirsdag")


def test_the_plenum_view_per_theme_in_group_order_with_the_missing() -> None:
    results = [record(None, parse_results(values()), dialogue_id="d1", kind=kind, group=g, sender="u", now=AT_NINE)
               for kind, g in ((W, 3), (W, 1), (L, 2))]
    view = plenum_view(GROUPING, results, W)
    assert [r.group for r in view.results] == [1, 3] and view.missing == (2, 4) and not view.complete
    leadership = plenum_view(GROUPING, results, L)
    assert [r.group for r in leadership.results] == [2] and leadership.missing == (1, 3, 4)
